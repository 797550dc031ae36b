"""Back up and restore one site of the platform; the other sites untouched."""

import json

import pytest
import transaction
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from plone import api
from zope.component.hooks import setSite

from dakto.policy.platform import site_backup
from dakto.policy.platform.site_backup import SiteBackupError


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The messages in English for these tests (Vietnamese by default:
    test_messages_are_vietnamese_by_default)."""
    monkeypatch.setenv("DAKTO_LANG", "en")


@pytest.fixture
def two_sites(functional):
    """Site A (the layer's portal, with the policy) and site B (a bare Plone
    site), each with one page, committed."""
    from Products.CMFPlone.factory import addPloneSite

    app = functional["app"]
    portal = functional["portal"]
    newSecurityManager(None, system)
    # No site active while B is added: otherwise A's intid utility would
    # register B (five.intid's subscriber uses the active site's utilities).
    setSite(None)
    addPloneSite(
        app,
        "site-b",
        title="Site B",
        setup_content=False,
        extension_ids=["plone.app.contenttypes:default"],
    )
    site_b = app["site-b"]
    for site in (portal, site_b):
        setSite(site)
        api.content.create(site, "Document", id="page", title=f"Page of {site.getId()}")
    setSite(portal)
    transaction.commit()
    return app, portal.getId(), "site-b"


def _title(app, site_id):
    return app[site_id]["page"].title


def _catalog_titles(app, site_id):
    site = app[site_id]
    setSite(site)
    return sorted(
        brain.Title
        for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Document")
    )


def test_restore_brings_back_one_site_and_leaves_the_other(two_sites, tmp_path):
    app, a, b = two_sites
    page_with_file = api.content.create(app[a], "File", id="report", title="Report")
    from plone.namedfile.file import NamedBlobFile

    page_with_file.file = NamedBlobFile(b"%PDF-1.4 the report", filename="report.pdf")
    transaction.commit()
    path = site_backup.export_site(app, a, tmp_path)
    indexed = _catalog_titles(app, a)
    manifest = json.loads(site_backup.manifest_path(path).read_text(encoding="utf-8"))
    assert manifest["site"] == a and manifest["format"] == site_backup.FORMAT
    assert manifest["blobs"] >= 1 and manifest["objects"] > 100

    # Both sites change after the backup.
    app[a]["page"].title = "Changed A"
    app[a]["page"].reindexObject()
    api.content.create(app[a], "Document", id="new-page", title="New in A")
    app[a].manage_delObjects(["report"])
    app[b]["page"].title = "Changed B"
    transaction.commit()

    restored = site_backup.restore_site(app, path)
    transaction.commit()
    assert restored.getId() == a
    assert _title(app, a) == f"Page of {a}"
    assert "new-page" not in app[a].objectIds()
    assert app[a]["report"].file.data == b"%PDF-1.4 the report"
    # the catalog came back with the site: the new page is not found
    assert _catalog_titles(app, a) == indexed
    assert "New in A" not in indexed and f"Page of {a}" in indexed
    # B keeps its change
    assert _title(app, b) == "Changed B"
    assert sorted(site_backup.plone_sites(app)) == sorted([a, b])


def test_restore_under_another_id_is_refused(two_sites, tmp_path):
    app, a, b = two_sites
    path = site_backup.export_site(app, a, tmp_path)
    with pytest.raises(SiteBackupError, match=f"backup of the site '{a}', not of '{b}'"):
        site_backup.restore_site(app, path, site_id=b)
    assert site_backup.restore_site(app, path, site_id=a).getId() == a
    transaction.abort()
    assert _title(app, b) == "Page of site-b"


def test_the_backup_holds_the_site_only(two_sites, tmp_path):
    app, a, b = two_sites
    oids, _blobs = site_backup.scan(site_backup.export_site(app, b, tmp_path))
    assert app._p_oid not in oids and app[a]._p_oid not in oids
    assert app[b]._p_oid in oids


def test_messages_are_vietnamese_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("DAKTO_LANG")
    with pytest.raises(SiteBackupError, match="Không có tệp"):
        site_backup.read_manifest(tmp_path / "missing.zexp")


def test_bad_files_get_a_clear_error(two_sites, tmp_path):
    app, a, b = two_sites
    with pytest.raises(SiteBackupError, match="site-x"):
        site_backup.export_site(app, "site-x", tmp_path)
    with pytest.raises(SiteBackupError, match="acl_users"):
        site_backup.export_site(app, "acl_users", tmp_path)
    path = site_backup.export_site(app, b, tmp_path / "backups")
    # damaged: one byte changed
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.zexp"
    damaged.write_bytes(bytes(data))
    site_backup.manifest_path(damaged).write_bytes(site_backup.manifest_path(path).read_bytes())
    with pytest.raises(SiteBackupError, match="sha256"):
        site_backup.restore_site(app, damaged)
    # no manifest
    bare = tmp_path / "bare.zexp"
    bare.write_bytes(path.read_bytes())
    with pytest.raises(SiteBackupError, match="manifest"):
        site_backup.restore_site(app, bare)
    # not a zexp at all, with a manifest that matches it
    text = tmp_path / "text.zexp"
    text.write_bytes(b"hello")
    manifest = json.loads(site_backup.manifest_path(path).read_text())
    manifest.update(bytes=5, sha256=site_backup.sha256(text))
    site_backup.manifest_path(text).write_text(json.dumps(manifest))
    with pytest.raises(SiteBackupError, match="not a complete site backup"):
        site_backup.restore_site(app, text)
    # truncated
    cut = tmp_path / "cut.zexp"
    cut.write_bytes(path.read_bytes()[:-100])
    manifest.update(bytes=cut.stat().st_size, sha256=site_backup.sha256(cut))
    site_backup.manifest_path(cut).write_text(json.dumps(manifest))
    with pytest.raises(SiteBackupError, match="not a complete site backup"):
        site_backup.restore_site(app, cut)
    with pytest.raises(SiteBackupError, match="no file"):
        site_backup.restore_site(app, tmp_path / "missing.zexp")
    app.manage_addFolder("old-folder")
    manifest.update(site="old-folder", bytes=path.stat().st_size, sha256=site_backup.sha256(path))
    site_backup.manifest_path(path).write_text(json.dumps(manifest))
    with pytest.raises(SiteBackupError, match="not a site"):
        site_backup.restore_site(app, path)
    assert _title(app, b) == "Page of site-b"


def test_commands_back_up_and_restore_one_site(tmp_path):
    """``dakto backup-site`` / ``dakto restore-site`` on a real instance
    (FileStorage): a backup, its restore (after a backup of the state
    before), and a one-line error for a damaged file."""
    from tests.servers import base_env
    from tests.servers import free_port
    from tests.servers import run_dakto

    env = base_env(tmp_path / "var", free_port(), DAKTO_DEMO="0")
    created = run_dakto(env, "create-site")
    assert created.returncode == 0, created.stdout + created.stderr
    backups = tmp_path / "backups"
    done = run_dakto(env, "backup-site", "--site", "dakto", "--to", str(backups))
    assert done.returncode == 0, done.stdout + done.stderr
    (path,) = backups.glob("dakto-*.zexp")
    assert f"backed up to {path}" in done.stdout

    restored = run_dakto(env, "restore-site", "--site", "dakto", str(path))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "restored from" in restored.stdout
    before = list((tmp_path / "var" / "backups" / "sites" / "dakto").glob("dakto-*.zexp"))
    assert len(before) == 1  # the state before the restore, kept

    damaged = tmp_path / "damaged.zexp"
    damaged.write_bytes(path.read_bytes()[:-10])
    site_backup.manifest_path(damaged).write_bytes(site_backup.manifest_path(path).read_bytes())
    refused = run_dakto(env, "restore-site", "--site", "dakto", str(damaged))
    assert refused.returncode == 2
    assert "sha256" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    other = run_dakto(env, "restore-site", "--site", "xa-khac", str(path))
    assert other.returncode == 2 and "not of 'xa-khac'" in other.stderr


def test_archival_export_of_a_given_site(tmp_path):
    """``dakto export --site ID DIR``: the archival export of that site; an
    unknown site is a one-line error."""
    from tests.servers import base_env
    from tests.servers import free_port
    from tests.servers import run_dakto

    env = base_env(tmp_path / "var", free_port(), DAKTO_DEMO="0")
    created = run_dakto(env, "create-site")
    assert created.returncode == 0, created.stdout + created.stderr
    exported = run_dakto(env, "export", "--site", "dakto", str(tmp_path / "archive"))
    assert exported.returncode == 0, exported.stdout + exported.stderr
    info = json.loads((tmp_path / "archive" / "archive.json").read_text(encoding="utf-8"))
    assert info["site"] == "dakto"
    missing = run_dakto(env, "export", "--site", "xa-khong-co", str(tmp_path / "other"))
    assert missing.returncode != 0
    assert "xa-khong-co" in missing.stderr and "Traceback" not in missing.stderr
