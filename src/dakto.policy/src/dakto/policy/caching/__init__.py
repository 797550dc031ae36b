"""HTTP caching (plone.app.caching) and purging of a caching proxy (Varnish).

The rules are in profiles/default/registry/caching.xml; this package adds the
paths purged besides plone.app.caching's own, and applies DAKTO_PURGE_URL.
"""
