"""The organisation page, the unit page and the person page."""

from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from dakto.policy.organisation import people


def can_edit(context):
    return api.user.has_permission("Modify portal content", obj=context)


CARD = ViewPageTemplateFile("templates/person_card.pt")


class PersonMixin:
    @property
    def card_macros(self):
        return CARD.macros

    def person(self, person):
        return people.person_info(person)

    def rich(self, value):
        return value.output_relative_to(self.context) if value else ""


class OrganisationView(PersonMixin, BrowserView):
    """Default view of the organisation section: leaders, units, contact officer."""

    def update(self):
        self.leaders = [self.person(p) for p in people.leaders(self.context)]
        self.units = [people.unit_info(u) for u in people.units(self.context)]
        officers = people.contact_officers()
        self.contact_officer = self.person(officers[0]) if officers else None
        warning = people.contact_officer_warning(officers)
        self.warning = (
            translate(warning, context=self.request) if warning and can_edit(self.context) else ""
        )

    def __call__(self):
        self.update()
        return self.index()


class OrgUnitView(PersonMixin, BrowserView):
    """A unit: functions and duties, contact details, its head and its people."""

    def update(self):
        head = people.head_of(self.context)
        self.head = self.person(head) if head is not None else None
        self.staff = [self.person(p) for p in people.people_of(self.context)]
        self.functions = self.rich(self.context.functions)
        self.unit = people.unit_info(self.context)

    def __call__(self):
        self.update()
        return self.index()


class PersonView(PersonMixin, BrowserView):
    def update(self):
        self.info = self.person(self.context)
        self.duties = self.rich(self.context.duties)
        self.biography = self.rich(self.context.biography)

    def __call__(self):
        self.update()
        return self.index()


def warn_about_contact_officers(person, event):
    """After a person is saved as contact officer: warn if others are marked too."""
    if not getattr(person, "is_contact_officer", False):
        return
    officers = [p for p in people.contact_officers() if p.UID() != person.UID()]
    officers.append(person)
    warning = people.contact_officer_warning(officers)
    request = getattr(person, "REQUEST", None)
    if warning and request is not None:
        IStatusMessage(request).add(translate(warning, context=request), type="warning")
