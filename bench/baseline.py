"""The benchmarks' baseline: vanilla Plone 6.2 as its own add-site form makes
a Classic UI site (plone.distribution's ``classic``: content types, layout,
the Barceloneta theme and its front page), themed at every host name as the
portal is (Plone leaves 127.0.0.1 unthemed by default; a site served under
its own name is themed)."""

BASELINE_ID = "Plone"
THEME_BLACKLIST = "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"


def create_classic_site(app, site_id=BASELINE_ID):
    """Add the baseline site to the Zope root ``app`` if missing (the caller
    commits). Needs a request (``zope.globalrequest``) and a Manager."""
    from plone.distribution.api import site as distribution
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility
    from zope.component.hooks import setSite

    if site_id in app.objectIds():
        return app[site_id]
    distribution.create(
        app,
        "classic",
        {
            "site_id": site_id,
            "title": "Plone",
            "description": "A Plone Site",
            "default_language": "en",
            "portal_timezone": "UTC",
            "setup_content": True,
        },
    )
    site = app[site_id]
    setSite(site)
    getUtility(IRegistry)[THEME_BLACKLIST] = []
    return site
