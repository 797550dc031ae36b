"""What happens at each step of the feedback workflow."""

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import mail
from dakto.policy.feedback import names
from dakto.policy.feedback.submit import status_url


def after_transition(obj, event):
    if event.transition is None:
        return
    obj.reindexObject(idxs=["feedback_deadline", "review_state", "modified"])
    transition = event.transition.id
    request = getattr(obj, "REQUEST", None)
    if transition == names.FORWARD:
        # the unit answers through a signed link, without an account (unit_answer.py)
        from dakto.policy.feedback.unit_answer import mail_unit

        obj.unit_answer = None
        mail_unit(obj)
    if transition in (names.ANSWER, names.REJECT):
        obj.unit_link_nonce = None  # the unit's link stops working
    if transition == names.ANSWER and obj.sender_email:
        subject = translate(
            _("Answer to your feedback ${code}", mapping={"code": obj.tracking_code}),
            context=request,
        )
        mail.send(
            obj.sender_email,
            subject,
            f"{obj.title}\n\n{obj.answer or ''}\n\n{status_url(obj.tracking_code)}\n",
        )


def recipient_object(obj):
    uid = getattr(obj, "forwarded_to", None)
    if not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def ensure_tracking_code(obj, event):
    """Feedback staff enter through Plone's add form (received in person, by
    phone, by letter or by Zalo) gets a tracking code like the web form's,
    so that the citizen can follow it (the printable receipt)."""
    if getattr(obj, "tracking_code", None):
        return
    from dakto.policy.feedback import codes
    from dakto.policy.feedback.submit import _exists

    catalog = api.portal.get_tool("portal_catalog")
    obj.tracking_code = codes.unique_code(_exists(obj.aq_parent, catalog))
    obj.reindexObject(idxs=["tracking_code"])
