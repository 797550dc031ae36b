"""REST: ``@organisation`` on a section — its leaders, units and the contact officer."""

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy.organisation import people


class OrganisationGet(Service):
    def reply(self):
        officers = people.contact_officers()
        warning = people.contact_officer_warning(officers)
        return {
            "@id": f"{self.context.absolute_url()}/@organisation",
            "leaders": [people.person_info(p) for p in people.leaders(self.context)],
            "units": [people.unit_info(u) for u in people.units(self.context)],
            "contact_officer": people.person_info(officers[0]) if officers else None,
            "contact_officer_count": len(officers),
            "warnings": [translate(warning, context=self.request)] if warning else [],
        }
