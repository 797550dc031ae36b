"""Who is where: the unit of a person, the head and staff of a unit, the
leadership and the contact officer of a section, as the views and REST read them."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.indexer import indexer

from dakto.policy import _
from dakto.policy.organisation.content import IOrgUnit
from dakto.policy.organisation.content import IPerson


SEVERAL_CONTACT_OFFICERS = _(
    "Several people are marked as contact officer: ${names}. "
    "Exactly one should be; untick the others."
)
NO_CONTACT_OFFICER = _("Nobody is marked as contact officer yet: mark exactly one person.")


def _target(relation):
    """The object a relation points to, if it exists."""
    return getattr(relation, "to_object", None) if relation is not None else None


def visible(obj):
    """Relations ignore permissions: show a related item only to who may view it."""
    return obj is not None and api.user.has_permission("View", obj=obj)


def unit_of(person):
    """The person's unit: the related OrgUnit, else the OrgUnit that contains them."""
    target = _target(getattr(person, "unit", None))
    if target is not None:
        return target
    parent = aq_parent(aq_inner(person))
    return parent if IOrgUnit.providedBy(parent) else None


@indexer(IPerson)
def person_unit_indexer(obj):
    unit = unit_of(obj)
    return unit.UID() if unit is not None else None


def _people(query):
    brains = api.content.find(portal_type="Person", **query)
    people = [brain.getObject() for brain in brains]
    return sorted(people, key=lambda p: (p.listing_order or 0, p.Title()))


def people_of(unit):
    """The people of a unit (inside it or related to it), in listing order."""
    return _people({"person_unit": unit.UID()})


def head_of(unit):
    """The head of a unit: the chosen person, else the first person listed."""
    head = _target(getattr(unit, "head", None))
    if visible(head):
        return head
    people = people_of(unit)
    return people[0] if people else None


def leaders(context):
    """The leadership under ``context``, in listing order."""
    return _people({"context": context, "is_leader": True})


def units(context):
    """The units under ``context``, in the folder order."""
    brains = api.content.find(
        context=context, portal_type="OrgUnit", sort_on="getObjPositionInParent"
    )
    return [brain.getObject() for brain in brains]


def contact_officers(context=None):
    """Every person marked as contact officer (in the site, or under ``context``)."""
    query = {"is_contact_officer": True}
    if context is not None:
        query["context"] = context
    return _people(query)


def contact_officer_warning(officers):
    """The warning for editors, or None when exactly one person is marked."""
    if len(officers) == 1:
        return None
    if not officers:
        return NO_CONTACT_OFFICER
    names = ", ".join(person.Title() for person in officers)
    return _(SEVERAL_CONTACT_OFFICERS, mapping={"names": names})


def person_info(person):
    """What the pages and REST show of a person."""
    unit = unit_of(person)
    unit = unit if visible(unit) else None
    photo = getattr(person, "photo", None)
    return {
        "@id": person.absolute_url(),
        "UID": person.UID(),
        "name": person.Title(),
        "position": person.position or "",
        "unit": {"@id": unit.absolute_url(), "title": unit.Title()} if unit else None,
        "phone": person.phone or "",
        "email": person.email or "",
        "photo": f"{person.absolute_url()}/@@images/photo/preview" if photo else None,
        "photo_alt": (person.photo_alt or "") if photo else "",
        "listing_order": person.listing_order,
        "is_leader": bool(person.is_leader),
        "is_contact_officer": bool(person.is_contact_officer),
    }


def unit_info(unit):
    head = head_of(unit)
    return {
        "@id": unit.absolute_url(),
        "UID": unit.UID(),
        "title": unit.Title(),
        "description": unit.Description(),
        "address": unit.address or "",
        "phone": unit.phone or "",
        "fax": unit.fax or "",
        "email": unit.email or "",
        "head": person_info(head) if head is not None else None,
    }
