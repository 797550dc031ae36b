"""Build the site structure on install; keep content on uninstall."""

import logging

from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes

from dakto.policy.registrations import FeatureSetup
from dakto.policy.structure.sections import walk


logger = logging.getLogger(__name__)


def apply_section_settings(folder, section):
    """Addable types and default view of a section, as ``sections.py`` says."""
    if section.allowed_types:
        known = api.portal.get_tool("portal_types").objectIds()
        allowed = [name for name in section.allowed_types if name in known]
        missing = set(section.allowed_types) - set(allowed)
        if missing:
            logger.warning("Section %s: unknown types %s", section.id, ", ".join(sorted(missing)))
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(allowed)
        constraints.setImmediatelyAddableTypes(allowed)
    if section.layout and folder.getLayout() != section.layout:
        folder.setLayout(section.layout)


def create_structure(portal, update_existing=False):
    """Create every missing section folder.

    An existing section keeps its title and content; with ``update_existing``
    (upgrade steps) its addable types and default view are brought in line.
    """
    created = []
    to_configure = []
    for path, section in walk():
        parent = portal.unrestrictedTraverse("/".join(path[:-1])) if len(path) > 1 else portal
        if section.id in parent.objectIds():
            if update_existing:
                to_configure.append((parent[section.id], section))
            continue
        folder = api.content.create(
            container=parent,
            type="Folder",
            id=section.id,
            title=section.title,
            description=section.description,
            language=section.language,
            safe_id=False,
        )
        if api.content.get_state(folder, default=None) != "published":
            api.content.transition(obj=folder, to_state="published")
        to_configure.append((folder, section))
        created.append("/".join(path))
    # After every folder exists: a section's constraints must not stop the
    # creation of its own sub-sections.
    for folder, section in to_configure:
        apply_section_settings(folder, section)
    if created:
        logger.info("Created sections: %s", ", ".join(created))
    return created


def install(portal):
    create_structure(portal)


registration = FeatureSetup(install)
