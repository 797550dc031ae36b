"""Helpers of the feedback tests."""

from plone import api
from plone.testing.zope import Browser

from dakto.policy.antispam import RateLimiter
from dakto.policy.feedback import names
from dakto.policy.feedback import submit
from dakto.policy.personal_data.consent import record_consent


PASSWORD = "mat-khau-dai-du-12345"  # of the users the tests create
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
DOC97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64

GOOD = {
    "name": "Nguyễn Thị Hoa",
    "phone": "0905 123 456",
    "email": "hoa.nguyen@example.vn",
    "address": "Tổ dân phố 3, thị trấn Đắk Tô",
    "subject": "Đèn đường hỏng trên đường Hùng Vương",
    "content": "Đoạn đường từ chợ đến trường tiểu học mất đèn từ ba tuần nay.",
    "topic": "giao-thong",
}


def browser_as(functional, user=None):
    """A test browser in Vietnamese that gets the pages as sent (error pages
    too, no exception), logged in as ``user`` (basic auth, ``PASSWORD``) when
    one is given."""
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", "vi")
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return browser


def make_feedback(portal=None, consent=("answer_feedback",), files=(), **overrides):
    """One stored Feedback item, as the public form would store it
    (``files``: ``[(filename, bytes)]`` attached)."""
    data = dict(GOOD, **overrides)
    clean, errors = submit.validate(data, list(files))
    assert not errors, errors
    return submit.create(clean, list(files), record_consent(list(consent)))


def forward_to_unit(portal, unit_id, email=None, files=(), **overrides):
    """A unit of the organisation and one item classified and forwarded to
    it (the forward mails the unit its link when it has ``email``);
    run as a Manager, not committed."""
    unit = api.content.create(
        container=portal["gioi-thieu"]["co-cau-to-chuc"],
        type="OrgUnit",
        id=unit_id,
        title="Phòng Kinh tế - Hạ tầng",
        email=email,
    )
    obj = make_feedback(files=files, **overrides)
    obj.purpose = "phan-anh"
    api.content.transition(obj, transition=names.CLASSIFY)
    obj.forwarded_to = unit.UID()
    api.content.transition(obj, transition=names.FORWARD)
    return obj


def all_feedback():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE)


def reset_limits():
    RateLimiter.reset_all()
