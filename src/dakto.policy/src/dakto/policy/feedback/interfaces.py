"""Feedback settings (registry, prefix ``dakto.feedback``)."""

from zope import schema
from zope.interface import Interface

from dakto.policy import _


REGISTRY_PREFIX = "dakto.feedback"
CONFIGLET_ID = "dakto-feedback"


class IFeedbackSettings(Interface):
    required_fields = schema.List(
        title=_("Required contact fields"),
        description=_("Which of the sender's details the public form requires."),
        value_type=schema.Choice(vocabulary="dakto.policy.feedback_contact_fields"),
        default=["sender_name", "sender_phone", "sender_address"],
        required=False,
    )
    max_attachments = schema.Int(title=_("Maximum number of attachments"), default=3, min=0, max=10)
    max_attachment_kb = schema.Int(
        title=_("Maximum size of one attachment (KB)"), default=5120, min=1, max=102400
    )
    attachment_types = schema.List(
        title=_("Accepted attachment types (file extensions)"),
        description=_("Each file's content is checked too: a renamed file is refused."),
        value_type=schema.TextLine(),
        default=["pdf", "odt", "ods", "txt", "jpg", "jpeg", "png", "docx", "xlsx"],
        required=False,
    )
    classify_days = schema.Int(
        title=_("Working days to classify a received item"), default=2, min=1, max=60
    )
    forward_days = schema.Int(
        title=_("Working days to forward a classified item"), default=3, min=1, max=60
    )
    answer_days = schema.Int(
        title=_("Working days to answer, counted from receipt"),
        description=_(
            "NĐ 43/2011 Art. 17: answer, or tell the sender when the answer will "
            "come, within 15 working days."
        ),
        default=15,
        min=1,
        max=90,
    )
    publish_days = schema.Int(
        title=_("Working days to publish or close an answered item"), default=5, min=1, max=60
    )
    notify_address = schema.TextLine(
        title=_("E-mail address told of every new item"),
        description=_("Empty: nobody is told by e-mail."),
        required=False,
    )
