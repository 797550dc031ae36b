from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IDaktoPolicyLayer(IDefaultBrowserLayer):
    """Browser layer: present while dakto.policy is installed in a site."""
