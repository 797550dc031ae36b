"""History ids of CMFEditions, drawn at random instead of counted.

``portal_historyidhandler`` (CMFUid) asks the ``IUniqueIdGenerator`` utility
for the id of every object it registers, which CMFEditions does when it
saves an item's first version. Plone's generator is CMFUid's
``portal_uidgenerator``: ``self._uid_counter += 1`` on one persistent object,
so every two transactions that each create a versioned item conflict on it,
and under a few parallel editors some requests failed after Zope's retries.
The history ids are also the keys of ``portal_historiesstorage``'s tree: a
counter made every new history land in its last bucket.

``generator`` draws ids uniformly from [2**31, 2**53): above every id the
counter gave out before (so no clash with existing histories), below 2**53
(exact in JSON numbers), and it checks that the id is not taken (the
catalog's ``cmf_uid`` index and the histories storage). Two transactions
drawing the same id at the same time have odds of about 1 in 9·10¹⁵. Nothing
persistent is written, so there is nothing to conflict on.

Registered in the site by ``profiles/default/componentregistry.xml``.
"""

import secrets

from Products.CMFUid.interfaces import IUniqueIdGenerator
from zope.component.hooks import getSite
from zope.interface import implementer


LOWEST = 2**31
HIGHEST = 2**53  # excluded
ATTEMPTS = 20


def taken(site, uid):
    """Whether ``uid`` is already a history id in ``site``."""
    if site is None:
        return False
    catalog = getattr(site, "portal_catalog", None)
    if catalog is not None and "cmf_uid" in catalog.indexes():
        if catalog.unrestrictedSearchResults(cmf_uid=uid):
            return True
    storage = getattr(site, "portal_historiesstorage", None)
    return bool(storage is not None and storage.isRegistered(uid))


@implementer(IUniqueIdGenerator)
class RandomIdGenerator:
    """``IUniqueIdGenerator`` of random ints; stateless."""

    def __call__(self):
        site = getSite()
        for _attempt in range(ATTEMPTS):
            uid = LOWEST + secrets.randbelow(HIGHEST - LOWEST)
            if not taken(site, uid):
                return uid
        raise RuntimeError("Could not draw a free history id")

    def convert(self, uid):
        return int(uid)

    def __reduce__(self):
        # Stored in the site's component registry as a reference to this
        # module's ``generator``, not as a copy.
        return "generator"


generator = RandomIdGenerator()
