"""Read and react to the site identity settings."""

from plone import api

from dakto.policy import DEMO_PROFILE_ID
from dakto.policy.identity.interfaces import REGISTRY_PREFIX
from dakto.policy.identity.interfaces import ISiteIdentity
from dakto.policy.text import nfc


def get_identity():
    """The identity settings as a registry proxy (attribute access)."""
    registry = api.portal.get_tool("portal_registry")
    return registry.forInterface(ISiteIdentity, prefix=REGISTRY_PREFIX, check=False)


def sync_site_title(portal=None):
    """Make Plone's site title the portal name, and the name its mails are
    sent by the body's name, from the identity settings."""
    portal = portal or api.portal.get()
    identity = get_identity()
    if identity.body_name:
        api.portal.set_registry_record("plone.email_from_name", identity.body_name)
    title = identity.portal_title
    if not title:
        return
    api.portal.set_registry_record("plone.site_title", title)
    if portal.title != title:
        portal.title = title
        portal.reindexObject(idxs=["Title", "SearchableText"])


def identity_record_modified(settings, event):
    """Store identity values in NFC and keep the site title in step.

    plone.registry redispatches the event to the records' schema, so this
    runs whatever wrote the value: the control panel, the REST API or a
    GenericSetup profile.
    """
    record = event.record
    normalised = nfc(record.value)
    if isinstance(normalised, str):
        normalised = normalised.strip()
    if normalised != record.value:
        record.value = normalised  # fires this handler once more, then stops
        return
    if record.fieldName in ("portal_title", "body_name"):
        sync_site_title()
    old = getattr(event, "oldValue", None)
    if isinstance(old, str) and old != normalised:
        from dakto.policy.identity.localise import follow_identity

        follow_identity(api.portal.get(), record.fieldName, old, normalised)


DEMO_PROFILE = f"profile-{DEMO_PROFILE_ID}"


def demo_imported(event):
    """The demo's texts name the demo commune: on another unit's site they
    are rewritten with the site's own names (identity/localise.py)."""
    if getattr(event, "profile_id", None) != DEMO_PROFILE:
        return
    from dakto.policy.identity.localise import localise_site

    localise_site(api.portal.get(), get_identity())
