"""The site commands through the real ``dakto`` command (issue 15): add-site,
list-sites, remove-site and import-site on a throwaway FileStorage instance."""

import re

from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


NGOC_TU = (
    "--name",
    "Ủy ban nhân dân xã Ngọc Tụ",
    "--kind",
    "xa",
    "--province",
    "Quảng Ngãi",
    "--domain",
    "xangoctu.quangngai.gov.vn",
)


def one_line_error(result, expected):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(line.startswith("dakto: ") and expected in line for line in lines), result.stderr


def sites(env):
    listed = run_dakto(env, "list-sites")
    assert listed.returncode == 0, listed.stderr
    return {line.split("\t")[0]: line.split("\t") for line in listed.stdout.splitlines()}


def test_site_commands(tmp_path):
    var = tmp_path / "var"
    env = base_env(var, free_port(), DAKTO_DEMO="0")
    assert run_dakto(env, "create-site").returncode == 0

    added = run_dakto(env, "add-site", "xa-ngoc-tu", *NGOC_TU)
    assert added.returncode == 0, added.stderr
    seconds = float(re.search(r"created in ([\d.]+) s", added.stdout).group(1))
    print(f"provisioning one site: {seconds} s")
    assert "Trang thông tin điện tử xã Ngọc Tụ" in added.stdout

    one_line_error(run_dakto(env, "add-site", "xa-ngoc-tu", *NGOC_TU), "already taken")
    one_line_error(run_dakto(env, "add-site", "Xa!", *NGOC_TU), "is not a site id")
    bad_kind = run_dakto(env, "add-site", "xa-moi", *NGOC_TU[:2], "--kind", "thi-tran")
    assert bad_kind.returncode == 2 and "Traceback" not in bad_kind.stderr

    listed = sites(env)
    assert set(listed) == {"dakto", "xa-ngoc-tu"}
    assert listed["xa-ngoc-tu"][1:5] == [
        "Ủy ban nhân dân xã Ngọc Tụ",
        "xa",
        "Quảng Ngãi",
        "xangoctu.quangngai.gov.vn",
    ]
    assert int(listed["xa-ngoc-tu"][5]) > 10

    # A former unit's archive into the new site.
    archive = tmp_path / "archive"
    exported = run_dakto(env, "export", str(archive))
    assert exported.returncode == 0, exported.stderr
    imported = run_dakto(env, "import-site", str(archive), "--into", "xa-ngoc-tu")
    assert imported.returncode == 0, imported.stderr
    assert "/xa-ngoc-tu/don-vi-cu/dakto" in imported.stdout
    one_line_error(
        run_dakto(env, "import-site", str(tmp_path), "--into", "xa-ngoc-tu"),
        "is not an archival export",
    )

    # Without --yes and without a terminal: refused, the site stays.
    refused = run_dakto(env, "remove-site", "xa-ngoc-tu")
    one_line_error(refused, "--yes")
    assert "xa-ngoc-tu" in sites(env)
    removed = run_dakto(env, "remove-site", "xa-ngoc-tu", "--yes")
    assert removed.returncode == 0, removed.stderr
    backups = list((var / "backups" / "sites").glob("xa-ngoc-tu-*.zexp"))
    assert len(backups) == 1 and backups[0].stat().st_size > 100_000
    assert str(backups[0]) in removed.stdout
    assert set(sites(env)) == {"dakto"}
    one_line_error(run_dakto(env, "remove-site", "xa-ngoc-tu", "--yes"), "no site")
