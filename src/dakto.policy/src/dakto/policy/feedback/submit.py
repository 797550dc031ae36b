"""What the public form and ``POST @feedback`` share: check the input, then
store one Feedback item and send the mails.

``validate(data, files)`` returns ``(clean, errors)``; ``errors`` maps the
public field names (``FIELDS``) to i18n messages, and when it is not empty
nothing is stored. ``create(clean, files, consent)`` stores the item with
unrestricted code (anonymous may not add items) and returns it;
``create_and_commit`` also commits and then mails the receipt, and tells
whether the SMTP server took it (the citizen is told so only then).

Text is stored as typed (NFC): markup is never interpreted, only escaped
when shown.
"""

import threading
import time

import transaction
from plone import api
from plone.dexterity.utils import createContent
from plone.namedfile.file import NamedBlobFile
from ZODB.POSException import ConflictError
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectAddedEvent
from zope.schema import ValidationError

from dakto.policy import _
from dakto.policy import filetypes
from dakto.policy import mail
from dakto.policy.contacts import valid_email
from dakto.policy.contacts import valid_phone
from dakto.policy.feedback import codes
from dakto.policy.feedback import content
from dakto.policy.feedback import names
from dakto.policy.feedback.interfaces import REGISTRY_PREFIX
from dakto.policy.feedback.vocabularies import TOPICS
from dakto.policy.feedback.vocabularies import WEB
from dakto.policy.text import nfc
from dakto.policy.validation import citizen_text


# public name -> (stored attribute, max length, label)
FIELDS = {
    "name": ("sender_name", content.MAX_NAME, _("Full name")),
    "phone": ("sender_phone", content.MAX_PHONE, _("Phone")),
    "email": ("sender_email", content.MAX_EMAIL, _("E-mail")),
    "address": ("sender_address", content.MAX_ADDRESS, _("Address")),
    "subject": ("title", content.MAX_SUBJECT, _("Subject")),
    "content": ("content", content.MAX_CONTENT, _("Content")),
}
SINGLE_LINE = ("name", "phone", "email", "address", "subject")


def settings(name, default):
    value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
    return default if value is None else value


def required_fields():
    stored = settings("required_fields", ["sender_name", "sender_phone", "sender_address"])
    return [public for public, (attr, _m, _l) in FIELDS.items() if attr in stored] + [
        "subject",
        "content",
    ]


def attachment_error(filename, data):
    """The message for a refused file, or None."""
    allowed = [e.lower().lstrip(".") for e in settings("attachment_types", []) or []]
    ext = filetypes.extension(filename)
    if not filename or ext not in allowed:
        return _(
            "The file '${name}' is not an accepted type. Accepted: ${types}.",
            mapping={"name": filename or "?", "types": ", ".join(allowed)},
        )
    max_bytes = int(settings("max_attachment_kb", 5120)) * 1024
    if len(data) > max_bytes:
        return _(
            "The file '${name}' is too large (${size} KB; at most ${max} KB).",
            mapping={"name": filename, "size": len(data) // 1024 + 1, "max": max_bytes // 1024},
        )
    if not data:
        return _("The file '${name}' is empty.", mapping={"name": filename})
    head = data[: filetypes.SNIFF_BYTES]
    if ext not in filetypes.EXPECTED and ext not in filetypes.OPEN_EXTENSIONS:
        return _(
            "The file '${name}' is named .${ext}, but its content is not (it looks like "
            "${found}). Attach the real file.",
            mapping={"name": filename, "ext": ext, "found": filetypes.sniff(head)},
        )
    return filetypes.mismatch(filename, None, head)


def validate(data, files=()):
    """``(clean, errors)`` for the public fields in ``data`` and the ``files``
    (a list of ``(filename, bytes)``)."""
    errors = {}
    clean = {}
    required = required_fields()
    for public, (attr, max_length, label) in FIELDS.items():
        value, error = citizen_text(
            data.get(public), label, max_length, public in required, public in SINGLE_LINE
        )
        if error:
            errors[public] = error
        if value is None:
            continue
        try:
            if public == "phone":
                valid_phone(value)
            elif public == "email":
                valid_email(value)
        except ValidationError as error:
            errors[public] = error.__doc__
            continue
        clean[attr] = value
    topic = data.get("topic")
    if not isinstance(topic, str) or topic not in TOPICS:
        errors["topic"] = (
            _("Choose a topic.") if not topic else _("Unknown topic. Choose one of the list.")
        )
    else:
        clean["topic"] = topic
    files = [(name, payload) for name, payload in files if name or payload]
    max_files = int(settings("max_attachments", 3))
    if len(files) > max_files:
        errors["attachments"] = _("At most ${max} attachments.", mapping={"max": max_files})
    else:
        for filename, payload in files:
            message = attachment_error(filename, payload)
            if message:
                errors["attachments"] = message
                break
    return clean, errors


def _exists(folder, catalog):
    def exists(code):
        return codes.code_to_id(code) in folder or bool(
            catalog.unrestrictedSearchResults(tracking_code=code)
        )

    return exists


def create(clean, files, consent, channel=WEB, received_on=None):
    """Store one Feedback item (unrestricted); no mail (``send_receipt``).

    ``channel`` and ``received_on``: feedback that staff log (``intake.py``);
    the public form and anonymous REST always store "web", received now."""
    portal = api.portal.get()
    folder = portal[names.SECTION]
    catalog = api.portal.get_tool("portal_catalog")
    code = codes.unique_code(_exists(folder, catalog))
    item_id = codes.code_to_id(code)
    obj = createContent(names.PORTAL_TYPE, **clean)
    obj.id = item_id
    obj.tracking_code = code
    obj.channel = channel
    obj.received_on = received_on
    obj.consent = consent
    obj.attachments = tuple(
        NamedBlobFile(data=payload, filename=nfc(filename)) for filename, payload in files
    )
    # No ContainerModifiedEvent: it would rewrite the section folder itself
    # and make every two parallel posts conflict (see feedback/setup.py).
    folder._setObject(item_id, obj, suppress_events=True)
    obj = folder[item_id]
    notify(ObjectAddedEvent(obj, folder, item_id))
    obj.reindexObject()
    return obj


# One new item at a time in this process, committed at once: parallel adds
# in the same folder otherwise collide in the catalog (two items indexed in
# the same minute write the same key of the date indexes), and Zope's three
# retries are not enough under a burst. Other processes (RelStorage) can
# still conflict: that is retried here.
CREATE_LOCK = threading.Lock()
COMMIT_ATTEMPTS = 5


def create_and_commit(clean, files, consent, **staff):
    """``create``, commit now, then mail; returns ``(tracking code, mailed)``:
    ``mailed`` is True only when the receipt was handed to the SMTP server.
    ``staff``: ``channel`` and ``received_on`` (``create``)."""
    with CREATE_LOCK:
        for attempt in range(COMMIT_ATTEMPTS):
            try:
                obj = create(clean, files, consent, **staff)
                transaction.commit()
                break
            except ConflictError:
                transaction.abort()
                if attempt == COMMIT_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
                transaction.begin()
    # Once stored (a retried commit never mails twice), outside the lock.
    return obj.tracking_code, send_receipt(obj)


def sent_message(mailed):
    """What the citizen is told about the code's e-mail once the item is stored."""
    if mailed:
        return _("The code was also sent to your e-mail address.")
    return _("Write this code down: it was not sent to you by e-mail.")


def status_url(code):
    return f"{api.portal.get().absolute_url()}/@@{names.STATUS_VIEW}?code={code}"


def send_receipt(obj):
    """Mail the sender the code and the board its notice, now (after the
    commit); True when the sender's mail was handed to the SMTP server."""
    request = getattr(obj, "REQUEST", None)
    code = obj.tracking_code
    mailed = False
    if obj.sender_email:
        subject = translate(
            _("Your feedback was received: ${code}", mapping={"code": code}), context=request
        )
        body = translate(
            _(
                'Dear ${name},\n\nThe portal received your feedback "${subject}".\n'
                "Its tracking code is ${code}. Follow it at ${url}\n\n"
                "The answer is due within ${days} working days.",
                mapping={
                    "name": obj.sender_name or "",
                    "subject": obj.title,
                    "code": code,
                    "url": status_url(code),
                    "days": settings("answer_days", 15),
                },
            ),
            context=request,
        )
        mailed = mail.send(obj.sender_email, subject, body, immediate=True)
    board = settings("notify_address", None)
    if board:
        subject = translate(
            _("New feedback ${code}: ${subject}", mapping={"code": code, "subject": obj.title}),
            context=request,
        )
        mail.send(board, subject, f"{obj.absolute_url()}\n", immediate=True)
    return mailed
