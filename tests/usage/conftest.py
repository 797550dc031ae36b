import pytest

from dakto.policy.antispam import RateLimiter
from dakto.policy.usage.store import VIEWS


@pytest.fixture(autouse=True)
def _fresh_counts():
    RateLimiter.reset_all()
    VIEWS.clear()
    yield
    RateLimiter.reset_all()
    VIEWS.clear()
