"""The instance's settings: every wrong value stops with one clear line."""

import re
import socket
from pathlib import Path

import pytest

from dakto.instance import settings
from dakto.instance.settings import SettingsError
from dakto.instance.settings import load
from tests.servers import REPO
from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "en")


def env(**values):
    base = {"DAKTO_INSTANCE": str(REPO / "instance"), "DAKTO_LANG": "en"}
    base.update(values)
    return base


def test_defaults():
    loaded = load(env())
    assert loaded.storage == "filestorage"
    assert (loaded.host, loaded.port) == ("127.0.0.1", 8080)
    assert loaded.url == "http://127.0.0.1:8080/dakto"
    assert loaded.var == REPO / "instance" / "var"
    assert loaded.admin_password == "admin" and not loaded.admin_password_given
    assert loaded.demo is True


@pytest.mark.parametrize(
    "values,message",
    [
        ({"DAKTO_STORAGE": "mysql"}, "DAKTO_STORAGE=mysql is unknown"),
        ({"DAKTO_STORAGE": "relstorage"}, "needs DAKTO_PG_DSN"),
        ({"DAKTO_PORT": "eighty"}, "DAKTO_PORT=eighty is not a number from 1 to 65535"),
        ({"DAKTO_PORT": "70000"}, "DAKTO_PORT=70000 is not a number"),
        ({"DAKTO_THREADS": "0"}, "DAKTO_THREADS=0 is not a number from 1 to 64"),
        ({"DAKTO_HOST": "0.0.0.0"}, "set DAKTO_ADMIN_PASSWORD"),
        ({"DAKTO_HOST": "0.0.0.0", "DAKTO_ADMIN_PASSWORD": "short"}, "at least 10 characters"),
        ({"DAKTO_HOST": "no-such-host.invalid"}, "is not an address of this machine"),
        ({"DAKTO_DEMO": "maybe"}, "DAKTO_DEMO=maybe must be 1 or 0"),
        ({"DAKTO_INSTANCE": "/nonexistent"}, "No instance templates in /nonexistent/templates"),
    ],
)
def test_wrong_values(values, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        load(env(**values))


def test_public_host_with_strong_password_accepted():
    loaded = load(env(DAKTO_HOST="0.0.0.0", DAKTO_ADMIN_PASSWORD="a-long-secret-42"))
    assert loaded.admin_password_given


def test_messages_in_vietnamese_by_default(monkeypatch):
    monkeypatch.delenv("DAKTO_LANG")
    with pytest.raises(SettingsError, match="không hợp lệ"):
        load({"DAKTO_INSTANCE": str(REPO / "instance"), "DAKTO_STORAGE": "mysql"})


def test_operations_guide_documents_every_variable():
    # README.md has the main ones; docs/operations.md the whole table.
    guide = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")
    for variable in settings.VARIABLES:
        assert re.search(rf"^\| `{variable.name}` \|", guide, re.M), variable.name


def test_help_lists_every_variable():
    result = run_dakto(base_env(REPO / "instance" / "var", 8080), "--help")
    assert result.returncode == 0
    for variable in settings.VARIABLES:
        assert variable.name in result.stdout


def _one_line_error(result, text):
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dakto: error: ")
    assert text in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_unknown_storage(tmp_path):
    result = run_dakto(base_env(tmp_path, free_port(), DAKTO_STORAGE="zeo"), "start")
    _one_line_error(result, "DAKTO_STORAGE=zeo is unknown")


def test_cli_port_in_use(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_dakto(base_env(tmp_path, port), "start")
    _one_line_error(result, f"Port {port} on 127.0.0.1 is in use")
    assert not (Path(tmp_path) / "filestorage" / "Data.fs").exists()


def test_cli_unreachable_database(tmp_path):
    dsn = f"dbname=dakto host=127.0.0.1 port={free_port()} user=dakto connect_timeout=3"
    result = run_dakto(
        base_env(tmp_path, free_port(), DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn), "start"
    )
    _one_line_error(result, "Cannot reach the PostgreSQL database of DAKTO_PG_DSN")


def test_cli_configure_writes_the_chosen_storage(tmp_path):
    env_ = base_env(
        tmp_path, free_port(), DAKTO_STORAGE="relstorage", DAKTO_PG_DSN="dbname=x host=127.0.0.1"
    )
    result = run_dakto(env_, "configure")
    assert result.returncode == 0, result.stderr
    conf = (tmp_path / "etc" / "zope.conf").read_text()
    assert "%import relstorage" in conf and "dsn dbname=x host=127.0.0.1" in conf
    assert f"listen = 127.0.0.1:{env_['DAKTO_PORT']}" in (tmp_path / "etc" / "zope.ini").read_text()
