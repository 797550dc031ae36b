"""The publisher's role on the sharing tab."""

from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.permissions import DELEGATE_PUBLISHER_ROLE


@implementer(ISharingPageRole)
class PublisherRole:
    title = _("Can publish")
    required_permission = DELEGATE_PUBLISHER_ROLE
    required_interface = None
