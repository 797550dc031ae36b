"""Build the site structure on install; keep content on uninstall."""

import logging

from plone import api

from dakto.policy.identity.settings import sync_site_title
from dakto.policy.structure.sections import walk


logger = logging.getLogger(__name__)

SITE_LANGUAGE = "vi"


def create_structure(portal):
    """Create every missing section folder; never touch one that exists."""
    created = []
    for path, section in walk():
        parent = portal.unrestrictedTraverse("/".join(path[:-1])) if len(path) > 1 else portal
        if section.id in parent.objectIds():
            continue
        folder = api.content.create(
            container=parent,
            type="Folder",
            id=section.id,
            title=section.title,
            description=section.description,
            language=SITE_LANGUAGE,
            safe_id=False,
        )
        if api.content.get_state(folder, default=None) != "published":
            api.content.transition(obj=folder, to_state="published")
        created.append("/".join(path))
    if created:
        logger.info("Created sections: %s", ", ".join(created))
    return created


def post_install(context):
    """Post handler of the default profile."""
    portal = api.portal.get()
    create_structure(portal)
    sync_site_title(portal)


def post_uninstall(context):
    """Post handler of the uninstall profile.

    The sections and everything in them are the town's content: they stay.
    """
    logger.info("dakto.policy uninstalled; site content kept.")
