"""The publisher's role on the sharing tab."""

from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer

from dakto.policy import _


@implementer(ISharingPageRole)
class PublisherRole:
    title = _("Can publish")
    required_permission = "dakto.policy: Delegate Publisher role"
    required_interface = None
