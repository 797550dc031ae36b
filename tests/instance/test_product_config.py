"""The add-on's runtime settings reach it through zope.conf: `dakto configure`
writes ``<product-config dakto.policy>`` from the DAKTO_* variables, Zope
reads it, ``dakto.policy.product_config`` hands it to the add-on."""

import pytest
from Zope2.Startup.options import ZopeWSGIOptions

from dakto.instance import config
from dakto.instance.settings import load
from dakto.policy import product_config
from tests.servers import REPO


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "en")


def written(tmp_path, **values):
    """The product config of the zope.conf `dakto configure` writes."""
    env = {"DAKTO_INSTANCE": str(REPO / "instance"), "DAKTO_VAR": str(tmp_path / "var")}
    settings = load(env | values)
    config.write(settings)
    conf = ZopeWSGIOptions(configfile=str(settings.zope_conf))().configroot  # as Zope reads it
    return (conf.product_config or {}).get(product_config.NAME, {})


def test_filestorage_has_no_shared_tables(tmp_path):
    section = written(tmp_path)
    assert section == {
        product_config.AUDIT_LOG: str(tmp_path / "var" / "log" / "audit.log"),
        product_config.SITE_BACKUP_DIR: str(tmp_path / "var" / "backups" / "sites"),
    }


def test_the_sites_page_backs_up_where_dakto_remove_site_does(tmp_path, monkeypatch):
    from App.config import getConfiguration

    from dakto.policy.platform.views import backup_dir

    section = written(tmp_path, DAKTO_BACKUP_DIR=str(tmp_path / "elsewhere"))
    assert section[product_config.SITE_BACKUP_DIR] == str(tmp_path / "elsewhere" / "sites")
    monkeypatch.setattr(
        getConfiguration(), "product_config", {product_config.NAME: section}, raising=False
    )
    assert backup_dir() == tmp_path / "elsewhere" / "sites"


def test_relstorage_names_the_database_of_the_shared_tables(tmp_path):
    dsn = "dbname=dakto host=127.0.0.1 port=5432 user=dakto password=a$b"
    section = written(tmp_path, DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn)
    assert section[product_config.SHARED_TABLE_DSN] == dsn  # `$` kept, not substituted


def test_mail_and_purge_settings(tmp_path):
    section = written(
        tmp_path,
        DAKTO_SMTP_HOST="mail.kontum.gov.vn",
        DAKTO_SMTP_PORT="587",
        DAKTO_MAIL_FROM="bbt@thitrandakto.kontum.gov.vn",
        DAKTO_PURGE_URL="http://127.0.0.1:6081 http://10.0.0.2:6081",
    )
    assert section[product_config.SMTP_HOST] == "mail.kontum.gov.vn"
    assert section[product_config.SMTP_PORT] == "587"
    assert section[product_config.MAIL_FROM] == "bbt@thitrandakto.kontum.gov.vn"
    assert section[product_config.PURGE_URL] == "http://127.0.0.1:6081 http://10.0.0.2:6081"


def test_empty_mail_and_purge_settings_are_left_out(tmp_path):
    section = written(tmp_path, DAKTO_SMTP_HOST="", DAKTO_PURGE_URL="")
    for key in (product_config.SMTP_HOST, product_config.MAIL_FROM, product_config.PURGE_URL):
        assert key not in section


def test_the_add_on_reads_this_process_configuration(monkeypatch):
    from App.config import getConfiguration

    configuration = getConfiguration()
    monkeypatch.setattr(
        configuration,
        "product_config",
        {product_config.NAME: {product_config.SHARED_TABLE_DSN: "dbname=x"}},
        raising=False,
    )
    assert product_config.get(product_config.SHARED_TABLE_DSN) == "dbname=x"
    section = product_config.section()
    section["changed"] = "1"  # a copy: the configuration stays as it is
    assert "changed" not in product_config.section()
    monkeypatch.setattr(configuration, "product_config", None, raising=False)
    assert product_config.section() == {}
