"""The organisation page, the unit page and the person page."""

from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from dakto.policy.organisation import people
from dakto.policy.presentation.images import THUMBNAIL_SCALES
from dakto.policy.presentation.images import responsive_image


def can_edit(context):
    return api.user.has_permission("Modify portal content", obj=context)


CARD = ViewPageTemplateFile("templates/person_card.pt")


class PersonMixin:
    @property
    def card_macros(self):
        return CARD.macros

    # The photo's width on the page (dakto.css): a card's, the person's page's.
    photo_sizes = "120px"

    def person(self, person):
        info = people.person_info(person)
        self.photos = getattr(self, "photos", 0) + bool(info["photo"])
        info["photo_tag"] = responsive_image(
            person,
            "photo",
            variant=THUMBNAIL_SCALES,
            sizes=self.photo_sizes,
            # The page's first photo is fetched at once, the others when near.
            eager=self.photos == 1 and bool(info["photo"]),
            css_class="dakto-person-photo me-3 mb-2",
            alt=info["photo_alt"],
        )
        return info

    def rich(self, value):
        return value.output_relative_to(self.context) if value else ""


class OrganisationView(PersonMixin, BrowserView):
    """Default view of the organisation section: leaders, units, contact officer."""

    def update(self):
        self.leaders = [self.person(p) for p in people.leaders(self.context)]
        self.units = []
        for unit in people.units(self.context):
            info = people.unit_info(unit)
            head = people.head_of(unit)
            if head is not None:  # its card with the photo's markup
                info["head"] = self.person(head)
            self.units.append(info)
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
    photo_sizes = "200px"

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
