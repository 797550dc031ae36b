"""The Feedback type: what a citizen sent, and what the receivers do with it.

Anonymous never reads it; its workflow grants View only to the feedback
receivers, the administrators and Reader (need-to-know: ``names.RECEIVER_ROLE``).
The sender's fields also need ``personal_data.interfaces.VIEW_PERSONAL_DATA``
to be read or written (forms, REST). The public form and ``POST @feedback``
create it with unrestricted code.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer

from dakto.policy import _
from dakto.policy import permissions
from dakto.policy.contacts import valid_email
from dakto.policy.contacts import valid_phone
from dakto.policy.feedback import names


MAX_NAME = 120
MAX_PHONE = 20
MAX_EMAIL = 120
MAX_ADDRESS = 300
MAX_SUBJECT = 200
MAX_CONTENT = 10000
MAX_ANSWER = 20000
SENDER_FIELDS = names.PERSONAL_FIELDS
PERSONAL_DATA_PERMISSION_ID = permissions.VIEW_PERSONAL_DATA_ID


def not_in_the_future(value):
    from dakto.policy.dates import today

    if value is not None and value > today():
        raise Invalid(_("The date received cannot be after today."))
    return True


class IFeedback(model.Schema):
    title = schema.TextLine(title=_("Subject"), max_length=MAX_SUBJECT, required=True)
    content = schema.Text(title=_("Content"), max_length=MAX_CONTENT, required=True)
    topic = schema.Choice(
        title=_("Topic"), vocabulary="dakto.policy.feedback_topics", required=True
    )
    purpose = schema.Choice(
        title=_("Kind"),
        description=_("Feedback, petition or question: set when the item is classified."),
        vocabulary="dakto.policy.feedback_purposes",
        required=False,
    )

    channel = schema.Choice(
        title=_("Received through"),
        vocabulary="dakto.policy.feedback_channels",
        default="web",
        required=True,
    )
    received_on = schema.Date(
        title=_("Date received"),
        description=_(
            "For feedback received in person, by phone, by letter or by Zalo: the answer "
            "deadline counts from this day. Empty: the day the item was entered."
        ),
        required=False,
        constraint=not_in_the_future,
    )

    model.fieldset(
        "sender",
        label=_("Sender"),
        fields=list(SENDER_FIELDS),
    )
    sender_name = schema.TextLine(title=_("Full name"), max_length=MAX_NAME, required=False)
    sender_phone = schema.TextLine(
        title=_("Phone"), max_length=MAX_PHONE, required=False, constraint=valid_phone
    )
    sender_email = schema.TextLine(
        title=_("E-mail"), max_length=MAX_EMAIL, required=False, constraint=valid_email
    )
    sender_address = schema.TextLine(title=_("Address"), max_length=MAX_ADDRESS, required=False)
    directives.read_permission(**dict.fromkeys(SENDER_FIELDS, PERSONAL_DATA_PERMISSION_ID))
    directives.write_permission(**dict.fromkeys(SENDER_FIELDS, PERSONAL_DATA_PERMISSION_ID))

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=["forwarded_to", "answer", "rejection_reason"],
    )
    forwarded_to = schema.Choice(
        title=_("Forwarded to"),
        description=_("The unit or leader who must answer."),
        vocabulary="dakto.policy.feedback_recipients",
        required=False,
    )
    answer = schema.Text(
        title=_("Answer"),
        description=_("Shown to the sender by tracking code, and in the Q&A once published."),
        max_length=MAX_ANSWER,
        required=False,
    )
    rejection_reason = schema.Text(
        title=_("Reason for rejection"),
        description=_("Required to reject an item as spam or abuse."),
        max_length=2000,
        required=False,
    )

    tracking_code = schema.TextLine(title=_("Tracking code"), readonly=True, required=False)


@implementer(IFeedback)
class Feedback(Item):
    tracking_code = None
    channel = None  # vocabularies.CHANNELS; "web" for the public form and REST
    received_on = None  # a date; None: the day it was created
    consent = None  # personal_data.consent.record_consent(...)
    attachments = ()  # tuple of NamedBlobFile
    personal_data_erased = None  # ISO time when erased
    unit_link_nonce = None  # unit_answer.py: the open link of the unit, if any
    unit_answer = None  # unit_answer.py: the unit's draft answer (text, by, unit, time)


AttachmentField = NamedBlobFile  # the type each stored attachment has
