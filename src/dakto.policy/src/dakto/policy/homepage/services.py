"""``GET @work-schedule``: the leaders' schedule of a week over REST, as the
``@@work-schedule`` page shows it (organisation/schedule.py)."""

from datetime import timedelta

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.organisation.schedule import DAY_NAMES
from dakto.policy.organisation.schedule import monday_of
from dakto.policy.organisation.schedule import parse_week
from dakto.policy.organisation.schedule import today
from dakto.policy.organisation.schedule import week_days
from dakto.policy.organisation.schedule import week_id
from dakto.policy.rest import bad_request


class WorkScheduleGet(Service):
    """This week's (or ``?week=2026-W49``'s) engagements in the folder, by day
    (Monday to Sunday, Viet Nam time)."""

    def reply(self):
        requested = self.request.form.get("week")
        if requested is not None and not isinstance(requested, str):
            requested = ""
        monday = parse_week(requested) if requested is not None else monday_of(today())
        if monday is None:
            return bad_request(self.request, {"week": _("Give a week such as 2026-W49.")})
        days = week_days(self.context, monday)
        return {
            "@id": f"{self.context.absolute_url()}/@work-schedule?week={week_id(monday)}",
            "week": week_id(monday),
            "first": monday.isoformat(),
            "last": (monday + timedelta(days=6)).isoformat(),
            "days": [
                {
                    "date": entry["date"].isoformat(),
                    "name": translate(DAY_NAMES[entry["date"].weekday()], context=self.request),
                    "events": [
                        {
                            name: event[name]
                            for name in ("title", "url", "time", "location", "chair")
                        }
                        for event in entry["events"]
                    ],
                }
                for entry in days
            ],
        }
