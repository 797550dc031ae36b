"""REST: GET {site}/@activity-report and {site}/@contribution-ranking?start=&end=."""

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy.reports.model import activity_report
from dakto.policy.reports.model import translated
from dakto.policy.reports.period import PeriodError
from dakto.policy.reports.period import read_period
from dakto.policy.reports.ranking import contribution_ranking
from dakto.policy.reports.views import translated_ranking


class PeriodService(Service):
    def reply(self):
        try:
            period = read_period(self.request.form)
        except PeriodError as error:
            self.request.response.setStatus(400)
            return {
                "type": "BadRequest",
                "field": error.field,
                "message": translate(error.message, context=self.request),
            }
        return self.data(period)


class ActivityReportGet(PeriodService):
    def data(self, period):
        return translated(activity_report(period), self.request)


class ContributionRankingGet(PeriodService):
    def data(self, period):
        return translated_ranking(contribution_ranking(period), self.request)
