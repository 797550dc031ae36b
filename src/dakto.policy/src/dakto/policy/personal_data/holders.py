"""Every registered ``IPersonalDataHolder``, and what goes through all of them."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from plone import api
from zope.component import getUtilitiesFor

from dakto.policy.personal_data.interfaces import REGISTRY_PREFIX
from dakto.policy.personal_data.interfaces import IPersonalDataHolder


def holders():
    """``[(name, holder)]`` sorted by name."""
    return sorted(getUtilitiesFor(IPersonalDataHolder), key=lambda item: item[0])


def holder(name):
    return dict(holders()).get(name)


def normalise_email(value):
    return (value or "").strip().lower()


def normalise_phone(value):
    """Digits only, a leading +84 read as 0: '+84 260 383' == '0260383'."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if (value or "").strip().startswith("+84"):
        digits = "0" + digits[2:]
    return digits


def find_everywhere(email=None, phone=None):
    """``[(name, holder, records)]`` for the person, holders with no record left out."""
    found = []
    if not (email or phone):
        return found
    for name, item in holders():
        records = item.find(email=email or None, phone=phone or None)
        if records:
            found.append((name, item, records))
    return found


def export(email=None, phone=None):
    """One person's data in every holder, as a JSON-ready dict."""
    return {
        "email": email or None,
        "phone": phone or None,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "holders": {name: records for name, _item, records in find_everywhere(email, phone)},
    }


def retention_days():
    return api.portal.get_registry_record(f"{REGISTRY_PREFIX}.retention_days", default=730)


def purge_expired(now=None):
    """Erase personal data of closed items older than the retention period.

    Returns ``{holder name: count}``.
    """
    now = now or datetime.now(UTC)
    before = now - timedelta(days=retention_days())
    return {name: item.purge(before) for name, item in holders()}
