"""The monthly royalty statement: per payee and for the whole board."""

import re
from collections import OrderedDict
from decimal import Decimal

from plone import api

from dakto.policy.royalties.records import ROYALTY_TYPES
from dakto.policy.royalties.records import get_record
from dakto.policy.workflow.names import PUBLISHED


MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def valid_month(value):
    """'YYYY-MM' or None."""
    return value if isinstance(value, str) and MONTH.match(value) else None


def statement(month):
    """What is due for the articles published in ``month`` ('YYYY-MM')."""
    catalog = api.portal.get_tool("portal_catalog")
    recorded = []
    for brain in catalog(portal_type=list(ROYALTY_TYPES), royalty_month=month):
        obj = brain.getObject()
        record = get_record(obj)
        if record is None or record["month"] != month:
            continue
        recorded.append((obj, record))
    recorded.sort(key=lambda pair: (pair[1]["payee"], pair[0].title))
    people = OrderedDict()
    for obj, record in recorded:
        key = (record["payee"], record["unit"])
        person = people.setdefault(
            key,
            {
                "payee": record["payee"],
                "unit": record["unit"],
                "articles": [],
                "coefficients": 0,
                "amount": 0,
            },
        )
        person["articles"].append(
            {
                "title": obj.title,
                "url": obj.absolute_url(),
                "genre": record["genre_title"],
                "coefficient": record["coefficient"],
                "unit_value": record["unit_value"],
                "amount": record["amount"],
            }
        )
        person["amount"] += record["amount"]
    for person in people.values():
        person["coefficients"] = str(
            sum((Decimal(a["coefficient"]) for a in person["articles"]), Decimal("0"))
        )
    unrecorded = [
        {"title": brain.Title, "url": brain.getURL()}
        for brain in catalog(
            portal_type=list(ROYALTY_TYPES),
            review_state=PUBLISHED,
            published_month=month,
            sort_on="sortable_title",
        )
        if get_record(brain.getObject()) is None
    ]
    return {
        "month": month,
        "people": list(people.values()),
        "articles": len(recorded),
        "amount": sum(person["amount"] for person in people.values()),
        "unrecorded": unrecorded,
    }
