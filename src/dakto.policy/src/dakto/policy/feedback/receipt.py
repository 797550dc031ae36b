"""The printable receipt of feedback received in person, by phone, by letter
or by Zalo (Quy chế Điều 9.1): the tracking code, the date received, the
expected answer date and a QR code (inline SVG, no JavaScript) that opens the
follow-up page."""

import segno
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from dakto.policy.dates import local_date
from dakto.policy.feedback.deadlines import answer_deadline
from dakto.policy.feedback.deadlines import received
from dakto.policy.feedback.submit import status_url
from dakto.policy.feedback.vocabularies import CHANNELS


def qr_svg(url):
    """The QR code of ``url`` as an inline ``<svg>`` element (no XML
    declaration) with a ``viewBox`` and no size of its own: the receipt's
    style gives it its printed size, and the whole code scales into it (with
    a fixed width and height, a smaller box cut off its right and bottom)."""
    return segno.make(url, error="m").svg_inline(scale=4, border=2, title=url, omitsize=True)


class ReceiptView(BrowserView):
    """``@@giay-bien-nhan``: print it (A5 or A4) and hand it to the citizen."""

    template = ViewPageTemplateFile("templates/receipt.pt")

    def __call__(self):
        return self.template()

    def info(self):
        obj = self.context
        url = status_url(obj.tracking_code)
        channel = CHANNELS.get(getattr(obj, "channel", None) or "")
        return {
            "code": obj.tracking_code,
            "subject": obj.title,
            "received": local_date(received(obj)),
            "due": local_date(answer_deadline(obj)),
            "channel": translate(channel, context=self.request) if channel else "",
            "url": url,
            "qr": qr_svg(url),
        }
