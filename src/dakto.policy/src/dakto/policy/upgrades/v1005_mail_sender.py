"""1005: a site's mails are sent in its body's name (issue 15).

Plone's ``plone.email_from_name`` becomes the identity's body name
(``dakto.identity.body_name``, e.g. "Ủy ban nhân dân xã Đắk Tô"), which new
sites get from their identity; a sender name an administrator already set
is kept.

Self-contained: the install code of today's features is not called.
"""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def upgrade(context):
    registry = getUtility(IRegistry)
    body_name = registry.get("dakto.identity.body_name")
    if body_name and not registry.get("plone.email_from_name"):
        registry["plone.email_from_name"] = body_name
