"""A second site in the functional layer's Zope: a ward of another province
(issue 15), made the way ``dakto add-site`` makes it."""

import re
import unicodedata

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite


WARD_ID = "phuong-hai-chau"
WARD = {
    "name": "Ủy ban nhân dân phường Hải Châu",
    "kind": "phuong",
    "province": "Đà Nẵng",
    "domain": "haichau.danang.gov.vn",
}

# The names that must not appear on a site of another unit: the demo
# commune, the abolished town (thị trấn), the former province and the demo
# commune's province, also inside words (xadakto@quangngai.gov.vn).
FOREIGN = re.compile(r"dak\s*to\b|\bthi\s+tran\b|kon\s*tum\b|quang\s*ngai\b")


def fold(text):
    """Lower case, without diacritics, đ as d, spaces collapsed."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.lower())


URL = re.compile(r"\b(https?|ftp)://\S+")


def foreign_names(text):
    """The foreign names in ``text`` with some context, [] if none; web
    addresses are not read (``++theme++dakto`` is a technical name)."""
    folded = fold(URL.sub(" ", text or ""))
    return [folded[max(0, m.start() - 60) : m.end() + 60] for m in FOREIGN.finditer(folded)]


def _add_site(app, site_id, name, kind, province, domain=None, demo=False):
    from Products.CMFPlone.factory import addPloneSite

    from dakto.policy import DEMO_PROFILE_ID
    from dakto.policy import PROFILE_ID
    from dakto.policy.identity.kinds import identity_values

    setSite(None)
    site = addPloneSite(app, site_id, extension_ids=[PROFILE_ID], default_language="vi")
    setSite(site)
    for key, value in identity_values(name, kind, province, domain).items():
        site.portal_registry[f"dakto.identity.{key}"] = value
    for key in ("address", "phone", "email", "licence"):
        site.portal_registry[f"dakto.identity.{key}"] = ""
    if demo:
        site.portal_setup.runAllImportStepsFromProfile(f"profile-{DEMO_PROFILE_ID}")
    return site, 0


def add_ward(functional, site_id=WARD_ID, demo=False, **identity):
    """Create the ward's site (committed) and return it; the functional
    layer's own site stays the active one afterwards."""
    app = functional["app"]
    portal = functional["portal"]
    values = dict(WARD, **identity)
    login(app, SITE_OWNER_NAME)
    try:
        from dakto.policy.platform.provision import add_site
    except ImportError:  # before provisioning exists: the way the layers make a site
        add_site = _add_site
    add_site(app, site_id, demo=demo, **values)
    transaction.commit()
    setSite(portal)
    return app[site_id]
