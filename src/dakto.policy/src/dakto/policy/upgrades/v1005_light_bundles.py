"""1005, light bundles (issue 16, docs/light-pages.md): an anonymous visitor
no longer loads Plone's JavaScript (the editing bundle), and the portal's own
style and script come from the resource registry (hashed URLs, long-cached)
instead of the Diazo rules.

What dakto.theme's registry.xml sets on a fresh install, set here on a site
installed before: the ``plone`` and ``plone-fullscreen`` bundles' expression
(logged-in users only) and the ``dakto`` bundle. Self-contained: the values
themselves, no profile import and no install code of today.
"""

from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PREFIX = "plone.bundles/"
LOGGED_IN = "python: member is not None"
MEMBERS_ONLY = ("plone", "plone-fullscreen")
DAKTO = {
    "enabled": True,
    "depends": "all",
    "csscompilation": "++theme++dakto/css/dakto.css",
    "jscompilation": "++theme++dakto/js/dakto.js",
    "load_async": False,
    "load_defer": False,
}


def upgrade(context):
    registry = getUtility(IRegistry)
    for name in MEMBERS_ONLY:
        key = f"{PREFIX}{name}.expression"
        if key in registry.records:
            registry[key] = LOGGED_IN
    registry.registerInterface(IBundleRegistry, prefix=f"{PREFIX}dakto")
    for field, value in DAKTO.items():
        registry[f"{PREFIX}dakto.{field}"] = value
