"""Feedback's part of the activity report (``IReportSection``): received,
answered within the deadline or late, by topic and by the unit it was
forwarded to. An item belongs to the period of the day it was RECEIVED
(``deadlines.received``, indexed as ``feedback_received``), not of the day
it was entered: a letter received on 30 June and logged on 2 July is June's."""

from collections import OrderedDict

from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.feedback import names
from dakto.policy.feedback.deadlines import answered_at
from dakto.policy.feedback.deadlines import informed_late
from dakto.policy.feedback.deadlines import informed_on
from dakto.policy.feedback.deadlines import progress_notices
from dakto.policy.feedback.vocabularies import TOPICS
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import catalog as _catalog
from dakto.policy.reports.model import section
from dakto.policy.reports.model import unrestricted_object as _object
from dakto.policy.text import fold


def _feedback_facts(obj, today):
    # On time: the answer, or a progress notice with the expected date, within
    # the deadline (NĐ 43/2011 Art. 17; the rule is deadlines.informed_late).
    state = api.content.get_state(obj, default=None)
    answered = answered_at(obj)
    late = informed_late(obj, today)
    return {
        "topic": obj.topic,
        "forwarded_to": obj.forwarded_to,
        "answered": answered is not None,
        "notified": bool(progress_notices(obj)),
        "on_time": informed_on(obj) is not None and not late,
        "late": late,
        "rejected": state == names.REJECTED,
        "open": answered is None and state in names.OPEN_STATES,
    }


def _recipient_title(uid, cache):
    if uid not in cache:
        brains = _catalog().unrestrictedSearchResults(UID=uid)
        cache[uid] = brains[0].Title if brains else uid
    return cache[uid]


def feedback_sections(period, today):
    facts = [
        _feedback_facts(obj, today)
        for obj in map(
            _object,
            _catalog().unrestrictedSearchResults(
                portal_type=names.PORTAL_TYPE, feedback_received=period.query
            ),
        )
        if obj is not None
    ]
    count = lambda key, items=facts: sum(1 for f in items if f[key])  # noqa: E731
    summary = section(
        "feedback",
        _("Feedback"),
        [_("Item"), _("Number")],
        [
            [_("Received"), len(facts)],
            [_("Answered"), count("answered")],
            [_("Answered, or told of the progress, within the deadline"), count("on_time")],
            [_("Late (answered late, or unanswered past the deadline)"), count("late")],
            [_("Rejected"), count("rejected")],
            [_("Not answered yet"), count("open")],
            [_("Told of the progress (progress notice)"), count("notified")],
        ],
        note=_(
            "Deadline to answer, or to tell the progress with the expected date: 15 working "
            "days from receipt (NĐ 43/2011, Article 17)."
        ),
    )
    by_topic = []
    for token, title in TOPICS.items():
        items = [f for f in facts if f["topic"] == token]
        if items:
            by_topic.append([title, len(items), count("answered", items), count("late", items)])
    topics = section(
        "feedback_by_topic",
        _("Feedback by topic"),
        [_("Topic"), _("Received"), _("Answered"), _("Late")],
        by_topic,
        footer=[_("Total"), len(facts), count("answered"), count("late")],
        chart=(0, 1),
    )
    cache, units = {}, OrderedDict()
    for f in facts:
        if f["forwarded_to"]:
            units.setdefault(_recipient_title(f["forwarded_to"], cache), []).append(f)
    forwarded = [f for f in facts if f["forwarded_to"]]
    by_unit = section(
        "feedback_by_unit",
        _("Feedback by the unit it was forwarded to"),
        [_("Unit"), _("Forwarded"), _("Answered"), _("Late")],
        [
            [title, len(items), count("answered", items), count("late", items)]
            for title, items in sorted(units.items(), key=lambda item: fold(item[0]))
        ],
        footer=[_("Total"), len(forwarded), count("answered", forwarded), count("late", forwarded)],
        chart=(0, 1),
    )
    return [summary, topics, by_unit]


@implementer(IReportSection)
class FeedbackReport:
    after = ("editorial_board",)

    def sections(self, period, today):
        return feedback_sections(period, today)

    def summary(self, parts):
        feedback = parts.get("feedback")
        return [[_("Feedback received"), feedback["rows"][0][1] if feedback else 0]]


report = FeedbackReport()
