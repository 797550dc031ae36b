"""1006: item and folder pages back to moderate caching on demo sites.

Applying the demo profile re-applied plone.app.caching's preset (a
dependency it declared through dakto.policy:default), which put the rules
``plone.content.itemView`` and ``plone.content.folderView`` to weak caching
instead of caching.xml's moderate caching (Varnish kept no page). The demo
profile no longer declares the dependency; a site it left on weak caching
gets the moderate caching back. Another operation an administrator chose
is kept.

Self-contained: the install code of today's features is not called.
"""

from plone import api


MAPPING = "plone.caching.interfaces.ICacheSettings.operationMapping"
RULES = ("plone.content.itemView", "plone.content.folderView")
LEFT_BY_THE_PRESET = "plone.app.caching.weakCaching"
MODERATE = "plone.app.caching.moderateCaching"


def upgrade(context):
    mapping = dict(api.portal.get_registry_record(MAPPING) or {})
    changed = False
    for rule in RULES:
        if mapping.get(rule) == LEFT_BY_THE_PRESET:
            mapping[rule] = MODERATE
            changed = True
    if changed:
        api.portal.set_registry_record(MAPPING, mapping)
