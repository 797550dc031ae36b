"""What the importers of the three types share: closed lists read from the
vocabularies, the schema's field checks, ids, files and the fast creation."""

import mimetypes
import re

from plone.dexterity.utils import createContent
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from zope.i18n import translate
from zope.schema.interfaces import ValidationError

from dakto.policy.text import fold
from dakto.policy.validation import MessageError


def lookup_of(items, extra=()):
    """{folded token, Vietnamese title, English title: token} of ``(token, title)`` pairs."""
    found = {}
    for token, title in items:
        for text in (token, translate(title, target_language="vi"), str(title)):
            found.setdefault(" ".join(fold(text).split()), token)
    for text, token in extra:
        found.setdefault(" ".join(fold(text).split()), token)
    return found


def choice_list(items):
    return "; ".join(translate(title, target_language="vi") for _token, title in items)


def field_message(error):
    """The message of a schema field's validation error."""
    if isinstance(error, MessageError):
        return error.message
    return error.doc()


def validate(schema, context, values, names):
    """[(field name, message)] of the fields ``names`` of ``schema``."""
    errors = []
    for name in names:
        value = values.get(name)
        if value is None:
            continue
        field = schema[name].bind(context)
        try:
            field.validate(value)
        except ValidationError as error:
            errors.append((name, field_message(error)))
    return errors


def new_id(container, text):
    """A free id made of ``text`` (folded, dashes)."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:80].strip("-") or "item"
    candidate = base
    number = 1
    while candidate in container:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def blob(ref, image=False):
    """A NamedBlobFile (or image) of a ``FileRef``."""
    content_type = mimetypes.guess_type(ref.filename)[0] or "application/octet-stream"
    factory = NamedBlobImage if image else NamedBlobFile
    return factory(data=ref.read(), contentType=content_type, filename=ref.filename)


def same_file(current, ref):
    """Does the stored file ``current`` hold what ``ref`` names?"""
    if current is None or ref is None:
        return current is None and ref is None
    if current.filename != ref.filename:
        return False
    data = ref.read()
    if current.getSize() != len(data):
        return False
    return current.data == data


def add(container, portal_type, item_id, **values):
    """The new item ``item_id`` in ``container``, without the add events (no
    mails, no log entries per row: ``engine.finish`` does what they do)."""
    obj = createContent(portal_type, id=item_id, **values)
    container._setObject(item_id, obj, suppress_events=True)
    return container._getOb(item_id)


class Importer:
    """One type's import: its columns, key, checks, creation and update."""

    name = ""
    portal_type = ""
    columns = ()
    key_column = ""

    def choices(self, name):
        return {}

    def choice_list(self, name):
        return ""

    def structured(self, converter, row, column, text):
        return text

    def existing(self, portal):
        """{key: catalog brain} of the items already on the site."""
        return {}

    def key(self, values):
        raise NotImplementedError

    def check(self, values, existing):
        """[(field name, message)] of the rules over the row's values."""
        return []

    def container(self, portal):
        raise NotImplementedError

    def create(self, container, values):
        raise NotImplementedError

    def update(self, obj, values):
        """Set what changed; True when something did."""
        raise NotImplementedError

    def after(self, portal, result, written):
        """Once at the end of the writing (e.g. the redirects of the news);
        ``written`` is ``[(values, path)]`` of every row."""


def set_changed(obj, values):
    """Set the attributes of ``values`` that differ; True when one did."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
            changed = True
    return changed
