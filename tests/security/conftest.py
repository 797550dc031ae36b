import logging

import pytest
import transaction
import ZPublisher.HTTPRequest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.security import audit
from dakto.policy.security.lockout import COUNTERS


PASSWORD = "Mat-khau-rat-dai-2026"


@pytest.fixture
def audit_file(tmp_path):
    """The audit logger writes to a fresh file for each test."""
    logger = logging.getLogger(audit.LOGGER_NAME)
    old = list(logger.handlers)
    for handler in old:
        logger.removeHandler(handler)
    path = tmp_path / "audit.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield path
    logger.removeHandler(handler)
    handler.close()
    for h in old:
        logger.addHandler(h)


@pytest.fixture
def site(functional, audit_file):
    """The functional portal with two members; counters cleared; clients are
    told apart by X-Forwarded-For (loopback trusted as a proxy)."""
    COUNTERS.clear()
    old = list(ZPublisher.HTTPRequest.trusted_proxies)
    ZPublisher.HTTPRequest.trusted_proxies[:] = ["127.0.0.1"]
    portal = functional["portal"]
    for user_id in ("binh", "chi"):
        if api.user.get(userid=user_id) is None:
            api.user.create(
                email=f"{user_id}@dakto.example.org", username=user_id, password=PASSWORD
            )
    transaction.commit()
    yield portal
    ZPublisher.HTTPRequest.trusted_proxies[:] = old
    COUNTERS.clear()


OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
