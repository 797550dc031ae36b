"""Shared set-up of the promotion tests."""

import base64
from datetime import timedelta

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage

from dakto.policy.promotion.lifecycle import today
from tests.organisation.helpers import PNG


SECTION = "dau-tu/quang-ba-doanh-nghiep"


def configure_section(portal):
    """Log in as the site owner; the install gives the section its type and view."""
    login(portal.aq_parent, SITE_OWNER_NAME)
    return portal.unrestrictedTraverse(SECTION)


def confirmation():
    return NamedBlobFile(
        data=b"%PDF-1.4 xac nhan", contentType="application/pdf", filename="xac-nhan.pdf"
    )


def logo():
    return NamedBlobImage(data=PNG, contentType="image/png", filename="logo.png")


def promotion(section, id, start, end, publish=True, **fields):
    """A promotion valid from today+start to today+end (days)."""
    day = today()
    fields.setdefault("confirmation", confirmation())
    fields.setdefault("logo", logo())
    fields.setdefault("logo_alt", f"Logo {id}")
    fields.setdefault("link", f"https://{id}.example.vn")
    obj = api.content.create(
        container=section,
        type="Promotion",
        id=id,
        title=fields.pop("title", id.upper()),
        valid_from=day + timedelta(days=start),
        valid_until=day + timedelta(days=end),
        **fields,
    )
    if publish:
        api.content.transition(obj=obj, to_state="published")
        obj.reindexObject()
    return obj


def b64(data, filename, mime):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": mime,
    }


def rest_body(start=-1, end=30, **changes):
    day = today()
    body = {
        "@type": "Promotion",
        "title": "Hợp tác xã Cà phê Đắk Tô Xanh",
        "description": "Cà phê robusta rang xay OCOP 3 sao.",
        "logo": b64(PNG, "logo.png", "image/png"),
        "logo_alt": "Logo Hợp tác xã Cà phê Đắk Tô Xanh",
        "link": "https://caphedaktoxanh.example.vn",
        "confirmation": b64(b"%PDF-1.4 xac nhan", "xac-nhan.pdf", "application/pdf"),
        "valid_from": (day + timedelta(days=start)).isoformat(),
        "valid_until": (day + timedelta(days=end)).isoformat(),
        "fee": 1500000,
        "receipt_number": "BL-0000125",
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}
