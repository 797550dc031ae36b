import pytest

from dakto.policy.antispam import RateLimiter


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    RateLimiter.reset_all()
    yield
    RateLimiter.reset_all()
