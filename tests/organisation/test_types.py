"""Article 4.1a: units (OrgUnit) and people (Person) — schema, placement, validation."""

import pytest
from plone import api

from dakto.policy.organisation import people
from tests.organisation.helpers import SECTION
from tests.organisation.helpers import build
from tests.organisation.helpers import configure_sections
from tests.organisation.helpers import image
from tests.organisation.helpers import person
from tests.organisation.helpers import unit


def test_types_are_placed_only_in_the_organisation_section(portal, manager):
    configure_sections(portal)
    for name in ("OrgUnit", "Person"):
        assert not portal.portal_types[name].global_allow
    section = portal.unrestrictedTraverse(SECTION)
    office = unit(section, "vp", "Văn phòng")
    assert person(office, "a", "Nguyễn Văn A", "Công chức").portal_type == "Person"
    assert person(section, "b", "Trần Văn B", "Chủ tịch").portal_type == "Person"
    assert [t.getId() for t in office.allowedContentTypes()] == ["Person"]
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(container=portal["tin-tuc"], type="Person", id="x", title="X")
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(container=portal["tin-tuc"], type="OrgUnit", id="y", title="Y")


def test_a_person_belongs_to_the_containing_unit_or_the_related_one(portal, manager):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    section = build(portal)
    nhung = section["van-phong"]["nhung"]
    assert people.unit_of(nhung) == section["van-phong"]
    # A person outside any unit, related to one.
    chu_tich = section["chu-tich"]
    assert people.unit_of(chu_tich) is None
    chu_tich.unit = RelationValue(getUtility(IIntIds).getId(section["tu-phap"]))
    chu_tich.reindexObject()
    assert [p.getId() for p in people.people_of(section["tu-phap"])] == ["chu-tich", "tu"]
    # The head: the first person listed, unless chosen.
    assert people.head_of(section["tu-phap"]).getId() == "chu-tich"
    section["tu-phap"].head = RelationValue(getUtility(IIntIds).getId(section["tu-phap"]["tu"]))
    assert people.head_of(section["tu-phap"]).getId() == "tu"


def test_leaders_come_in_listing_order(portal, manager):
    section = build(portal)
    assert [p.getId() for p in people.leaders(section)] == ["chu-tich", "pho-chu-tich"]
    assert [u.getId() for u in people.units(section)] == ["van-phong", "tu-phap"]


def test_contact_officer_warning_when_several_or_none(portal, manager):
    section = build(portal)
    assert people.contact_officer_warning(people.contact_officers()) is None
    person(section, "khac", "Đinh Thị Hương", "Công chức", is_contact_officer=True)
    warning = people.contact_officer_warning(people.contact_officers())
    assert "Lê Thị Hồng Nhung" in warning.mapping["names"]
    assert "Đinh Thị Hương" in warning.mapping["names"]
    for obj in people.contact_officers():
        obj.is_contact_officer = False
        obj.reindexObject()
    assert people.contact_officer_warning(people.contact_officers()) == people.NO_CONTACT_OFFICER


def test_saving_a_second_contact_officer_warns_the_editor(portal, manager):
    from Products.statusmessages.interfaces import IStatusMessage
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    section = build(portal)
    other = section["tu-phap"]["tu"]
    other.is_contact_officer = True
    other.reindexObject()
    notify(ObjectModifiedEvent(other))
    messages = IStatusMessage(portal.REQUEST).show()
    assert any(
        m.type == "warning" and "Lê Thị Hồng Nhung" in m.message and "Phạm Văn Tú" in m.message
        for m in messages
    )


def test_schema_checks_phone_email_and_photo_alt(portal, manager):
    from zope.interface import Invalid
    from zope.schema import ValidationError

    from dakto.policy.organisation.content import IOrgUnit
    from dakto.policy.organisation.content import IPerson

    with pytest.raises(Invalid):
        IPerson["phone"].validate("gọi cho tôi")
    with pytest.raises(Invalid):
        IPerson["email"].validate("nguyenvana@")
    with pytest.raises(Invalid):
        IOrgUnit["email"].validate("vanphong.kontum.gov.vn")
    with pytest.raises(Invalid):
        IOrgUnit["phone"].validate("abc")
    IPerson["phone"].validate("0260 3831 101")
    IPerson["email"].validate("a@kontum.gov.vn")
    with pytest.raises(ValidationError):
        IPerson["listing_order"].validate(-1)

    class Data:
        photo = image()
        photo_alt = "  "

    with pytest.raises(Invalid):
        IPerson.validateInvariants(Data())
    Data.photo_alt = "Ảnh chân dung"
    IPerson.validateInvariants(Data())


def test_sections_hold_these_types_and_show_these_views(portal, manager):
    from plone.base.interfaces.constrains import ISelectableConstrainTypes

    for path, types, layout in (
        (SECTION, {"OrgUnit", "Person", "Document"}, "organisation-view"),
        ("tin-tuc/chi-dao-dieu-hanh/lich-cong-tac", {"Event"}, "work-schedule"),
        ("dau-tu/quang-ba-doanh-nghiep", {"Promotion"}, "promotion-listing"),
    ):
        folder = portal.unrestrictedTraverse(path)
        assert folder.getLayout() == layout, path
        assert set(ISelectableConstrainTypes(folder).getLocallyAllowedTypes()) == types, path
