"""Merging units (issue 15): a former unit's archival export into a new site
under don-vi-cu/<unit>/, old addresses redirecting, documents marked."""

import json
import shutil
from argparse import Namespace

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from pytest_plone import fixtures_factory
from zope.component.hooks import setSite
from zope.i18n import translate

from dakto.policy.platform import provision
from dakto.policy.platform.merge import MergeError
from dakto.policy.platform.merge import import_into
from tests.legal_documents.helpers import make
from tests.legal_documents.helpers import prepare
from tests.platform.layers import MERGE_FUNCTIONAL


def export_archive(site, directory):
    """What ``dakto export`` writes (dakto.instance.archive): plone.exportimport's
    content, relations and translations of the published items, archive.json
    and SHA256SUMS."""

    from plone.exportimport import interfaces
    from plone.restapi.interfaces import IPloneRestapiLayer
    from zope.component import getAdapter
    from zope.globalrequest import getRequest
    from zope.interface import alsoProvides

    setSite(site)
    alsoProvides(getRequest(), IPloneRestapiLayer)
    site_path = "/".join(site.getPhysicalPath())
    public = {"path": site_path, "allowedRolesAndUsers": ["Anonymous"]}
    options = Namespace(query=public, include_revisions=False)
    directory.mkdir()
    for name in (
        "plone.exporter.content",
        "plone.exporter.relations",
        "plone.exporter.translations",
    ):
        getAdapter(site, interfaces.INamedExporter, name=name).export_data(
            directory, options=options
        )
    info = {"format": "dakto-archive/1", "site": "dakto", "site_title": site.title, "items": 0}
    (directory / "archive.json").write_text(json.dumps(info, ensure_ascii=False), "utf-8")
    write_sums(directory)
    return directory


globals().update(fixtures_factory(((MERGE_FUNCTIONAL, "merge"),)))


def write_sums(directory):
    import hashlib

    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(directory).as_posix()}"
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    ]
    (directory / "SHA256SUMS").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture
def former_unit(merge, tmp_path):
    """The layer's site as the former town of Đắk Tô with one published news
    item and two legal documents (one of the town, one of the province), exported."""
    app = merge["app"]
    portal = merge["portal"]
    login(app, SITE_OWNER_NAME)
    setSite(portal)
    registry = portal.portal_registry
    registry["dakto.identity.portal_title"] = "Trang thông tin điện tử thị trấn Đắk Tô"
    prepare(portal)
    news = api.content.create(
        container=portal["tin-tuc"],
        type="News Item",
        id="le-hoi",
        title="Lễ hội cồng chiêng",
        news_source="UBND thị trấn Đắk Tô",
        news_author="Nguyễn Thị Hoa",
    )
    api.content.transition(news, to_state="published")
    make(portal["van-ban"], "qd-33", "33/QĐ-UBND")
    make(portal["van-ban"], "qd-tinh", "12/QĐ-UBND", issuing_body="UBND tỉnh Kon Tum")
    transaction.commit()
    archive = export_archive(portal, tmp_path / "archive")
    new_site, _seconds = provision.add_site(
        app, "xa-dak-to", "Đắk Tô", "xa", "Quảng Ngãi", domain="xadakto.quangngai.gov.vn"
    )
    transaction.commit()
    return app, archive


def test_import_site_brings_the_unit_under_its_folder_with_redirects(former_unit):
    app, archive = former_unit
    result = import_into(app, "xa-dak-to", archive)
    transaction.commit()
    site = app["xa-dak-to"]
    unit = site["don-vi-cu"]["dakto"]
    assert result.path == "/xa-dak-to/don-vi-cu/dakto"
    assert unit.title == "Ủy ban nhân dân thị trấn Đắk Tô (cũ)"
    assert "do Ủy ban nhân dân thị trấn Đắk Tô (cũ) ban hành" in unit.description
    news = unit["tin-tuc"]["le-hoi"]
    assert news.title == "Lễ hội cồng chiêng"
    assert news.UID() == app["plone"]["tin-tuc"]["le-hoi"].UID()  # the same item
    setSite(site)
    assert api.content.get_state(news) == "published"
    assert api.content.get_state(unit) == "published"
    # Documents of the former body are marked; the province's are not.
    assert unit["van-ban"]["qd-33"].issuing_body == "Ủy ban nhân dân thị trấn Đắk Tô (cũ)"
    assert unit["van-ban"]["qd-tinh"].issuing_body == "UBND tỉnh Kon Tum"
    issuers = site.portal_catalog.uniqueValuesFor("legal_issuer")
    assert "Ủy ban nhân dân thị trấn Đắk Tô (cũ)" in issuers
    # The new site's own sections stay; nothing else was touched.
    assert site["tin-tuc"].portal_type == "Folder"
    assert "le-hoi" not in site["tin-tuc"].objectIds()
    assert result.items >= 3 and result.redirects >= 3

    # An old address (the former unit's domain now points at the new site) redirects.
    base = app.absolute_url() + "/xa-dak-to"
    answer = requests.get(base + "/tin-tuc/le-hoi", allow_redirects=False)
    assert answer.status_code in (301, 302), answer.status_code
    assert answer.headers["Location"] == base + "/don-vi-cu/dakto/tin-tuc/le-hoi"
    followed = requests.get(base + "/van-ban/qd-33")
    assert followed.status_code == 200
    assert followed.url == base + "/don-vi-cu/dakto/van-ban/qd-33"
    # The new site's own pages are not redirected.
    assert requests.get(base + "/tin-tuc", allow_redirects=False).status_code == 200

    # The same archive once more: refused, nothing changed.
    with pytest.raises(MergeError) as refused:
        import_into(app, "xa-dak-to", archive)
    assert "already exists" in translate(refused.value.message, target_language="en")


def test_bad_archives_are_refused_before_anything_is_written(former_unit, tmp_path):
    app, archive = former_unit
    site = app["xa-dak-to"]
    empty = tmp_path / "empty"
    empty.mkdir()
    damaged = tmp_path / "damaged"
    shutil.copytree(archive, damaged)
    next((damaged / "content").rglob("*.json")).write_text("{}", "utf-8")
    unknown = tmp_path / "unknown"
    shutil.copytree(archive, unknown)
    (unknown / "archive.json").write_text('{"format": "other/2"}', "utf-8")
    write_sums(unknown)
    cases = [
        (empty, "is not an archival export"),
        (damaged, "is damaged or incomplete"),
        (unknown, "unknown format"),
    ]
    for path, expected in cases:
        with pytest.raises(MergeError) as refused:
            import_into(app, "xa-dak-to", path)
        assert expected in translate(refused.value.message, target_language="en"), path
        assert "don-vi-cu" not in site.objectIds()
    with pytest.raises(provision.ProvisionError):
        import_into(app, "khong-co", archive)


def test_import_site_is_all_or_nothing(former_unit, monkeypatch):
    """An item that cannot be created: nothing of the archive stays."""
    app, archive = former_unit
    # The news item's type is unknown to the new site: it cannot be created.
    item = next(
        p
        for p in (archive / "content").rglob("data.json")
        if json.loads(p.read_text("utf-8")).get("@type") == "News Item"
    )
    data = json.loads(item.read_text("utf-8"))
    data["@type"] = "NoSuchType"
    item.write_text(json.dumps(data), "utf-8")
    write_sums(archive)
    with pytest.raises(MergeError) as refused:
        import_into(app, "xa-dak-to", archive)
    assert "could not be imported" in translate(refused.value.message, target_language="en")
    transaction.abort()
    assert "don-vi-cu" not in app["xa-dak-to"].objectIds()
