"""Contribution statistics (Article 13): who and which units contributed the
articles published in a period, ranked — the basis for rewards.

Four rankings, each counting the articles published in the period (as the
activity report counts them):
- authors: the article's author (``news_author`` of the news attribution);
- board members: the article's creator (the member who entered it);
- sources: the article's source (``news_source``);
- units: the payee's unit of the royalty record, where one was recorded.
Ties share a rank (1, 1, 3). Articles without a value are not counted there.
"""

from collections import Counter

from plone import api

from dakto.policy import _
from dakto.policy.editorial_board.report import published_articles
from dakto.policy.royalties.records import get_record
from dakto.policy.text import fold


RANKINGS = (
    ("authors", _("Authors"), _("Author")),
    ("members", _("Board members (who entered the article)"), _("Board member")),
    ("sources", _("Sources"), _("Source")),
    ("units", _("Units (from the royalty records)"), _("Unit")),
)


def ranked(counts):
    """``[{"rank", "name", "articles"}]``, most articles first, ties sharing a rank."""
    items = sorted(counts.items(), key=lambda item: (-item[1], fold(item[0]), item[0]))
    result, rank, previous = [], 0, None
    for position, (name, count) in enumerate(items, start=1):
        if count != previous:
            rank, previous = position, count
        result.append({"rank": rank, "name": name, "articles": count})
    return result


def _fullname(user_id, cache):
    if user_id not in cache:
        user = api.user.get(userid=user_id)
        cache[user_id] = (user.getProperty("fullname") if user else "") or user_id
    return cache[user_id]


def contribution_ranking(period):
    counts = {key: Counter() for key, _title, _column in RANKINGS}
    names = {}
    total = 0
    for brain in published_articles(period):
        total += 1
        author = (brain.news_author or "").strip()
        if author:
            counts["authors"][author] += 1
        creators = brain.listCreators or ()
        if creators:
            counts["members"][_fullname(creators[0], names)] += 1
        source = (brain.news_source or "").strip()
        if source:
            counts["sources"][source] += 1
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        unit = ((get_record(obj) or {}).get("unit") or "").strip()
        if unit:
            counts["units"][unit] += 1
    return {
        "start": period.start,
        "end": period.end,
        "articles": total,
        "rankings": [
            {"id": key, "title": title, "column": column, "entries": ranked(counts[key])}
            for key, title, column in RANKINGS
        ],
    }
