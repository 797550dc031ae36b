"""The planned-maintenance notice: on every page from 7 working days before
the downtime (weekends and holidays skipped) until it ends."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
import transaction
from plone import api
from zope.interface import Invalid

from dakto.policy.presentation.interfaces import IMaintenanceSettings
from dakto.policy.presentation.maintenance import notice_due
from dakto.policy.presentation.maintenance import notice_starts
from dakto.policy.presentation.maintenance import now_in_vietnam
from dakto.policy.presentation.maintenance import working_days_before
from tests.presentation.helpers import anonymous
from tests.presentation.helpers import news


def test_seven_working_days_skip_weekends_and_holidays():
    # Monday 2026-09-14: 7 working days before, counting back over two
    # weekends, is Thursday 2026-09-03 (2 September is a holiday, so is 1 September).
    holidays = {date(2026, 9, 1), date(2026, 9, 2)}
    assert working_days_before(date(2026, 9, 14), 7, holidays) == date(2026, 9, 3)
    assert working_days_before(date(2026, 9, 14), 7, set()) == date(2026, 9, 3)
    assert working_days_before(date(2026, 9, 10), 7, holidays) == date(2026, 8, 28)
    assert working_days_before(date(2026, 9, 10), 7, set()) == date(2026, 9, 1)


def test_notice_window():
    starts = datetime(2026, 9, 14, 22, 0)
    ends = datetime(2026, 9, 15, 6, 0)
    first = notice_starts(starts, set())
    assert first == date(2026, 9, 3)
    assert not notice_due(starts, ends, datetime(2026, 9, 2, 23, 59), set())
    assert notice_due(starts, ends, datetime(2026, 9, 3, 0, 0), set())
    assert notice_due(starts, ends, datetime(2026, 9, 14, 23, 0), set())  # during it
    assert not notice_due(starts, ends, datetime(2026, 9, 15, 6, 0), set())  # over
    assert not notice_due(None, None, datetime(2026, 9, 10), set())


def test_ends_must_follow_start():
    class Data:
        starts = datetime(2026, 9, 14, 22, 0)
        ends = datetime(2026, 9, 14, 21, 0)
        message = ""

    with pytest.raises(Invalid):
        IMaintenanceSettings.validateInvariants(Data())
    Data.ends = None
    Data.starts = None
    Data.ends = datetime(2026, 9, 14, 21, 0)
    with pytest.raises(Invalid):
        IMaintenanceSettings.validateInvariants(Data())


def _schedule(starts, ends, message="Nâng cấp máy chủ."):
    api.portal.set_registry_record("dakto.maintenance.starts", starts)
    api.portal.set_registry_record("dakto.maintenance.ends", ends)
    api.portal.set_registry_record("dakto.maintenance.message", message)
    transaction.commit()


def test_notice_shows_on_every_page_when_due(functional):
    item = news(functional, "bai", "Một bài viết")
    starts = (now_in_vietnam() + timedelta(days=2)).replace(
        hour=22, minute=0, second=0, microsecond=0
    )
    _schedule(starts, starts + timedelta(hours=8))
    browser = anonymous(functional)
    for url in (functional["portal"].absolute_url(), item.absolute_url()):
        browser.open(url)
        assert 'id="dakto-maintenance-notice"' in browser.contents
        assert starts.strftime("%d/%m/%Y 22:00") in browser.contents
        assert "Nâng cấp máy chủ." in browser.contents
        assert "Bảo trì theo kế hoạch" in browser.contents


def test_no_notice_too_early_or_after(functional):
    far = now_in_vietnam() + timedelta(days=40)
    _schedule(far, far + timedelta(hours=4))
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "?lan=1")
    assert 'id="dakto-maintenance-notice"' not in browser.contents
    past = now_in_vietnam() - timedelta(days=1)
    _schedule(past, past + timedelta(hours=2))
    browser.open(functional["portal"].absolute_url() + "?lan=2")
    assert 'id="dakto-maintenance-notice"' not in browser.contents


def test_control_panel_is_for_administrators(functional):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD
    from plone.testing.zope import Browser

    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@dakto-maintenance-controlpanel")
    assert "form.widgets.starts" in browser.contents
    browser.open(functional["portal"].absolute_url() + "/@@overview-controlpanel")
    assert "dakto-maintenance-controlpanel" in browser.contents
