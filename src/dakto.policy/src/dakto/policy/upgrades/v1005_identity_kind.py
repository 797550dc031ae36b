"""1005, the 2025 administrative units (issue 15): the identity's kind.

The identity settings get a ``kind`` record (xa, phuong, dac-khu: the
vocabulary ``dakto.policy.site_kinds``). An existing site's kind is read
from the start of its ``town`` record ('phường …' is a ward, 'đặc khu …' a
special zone, anything else a commune: the former towns, thị trấn, are part
of communes since 1 July 2025). The other identity values are kept as the
site's administrator wrote them.

Self-contained: the install code of today's features is not called.
"""

import logging
import unicodedata

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


logger = logging.getLogger(__name__)

PREFIX = "dakto.identity"
RECORD = f"{PREFIX}.kind"
STARTS = (("phường ", "phuong"), ("đặc khu ", "dac-khu"))


def kind_of(town):
    town = unicodedata.normalize("NFC", town or "").strip().lower()
    for start, kind in STARTS:
        if town.startswith(start):
            return kind
    return "xa"


def upgrade(context):
    from dakto.policy.identity.interfaces import ISiteIdentity

    registry = getUtility(IRegistry)
    if RECORD in registry.records:
        return
    registry.registerInterface(ISiteIdentity, prefix=PREFIX)  # keeps the existing values
    kind = kind_of(api.portal.get_registry_record(f"{PREFIX}.town", default=""))
    api.portal.set_registry_record(RECORD, kind)
    logger.info("1005 identity kind: %s", kind)
