"""Install: the group of the feedback receivers (``names.RECEIVERS_GROUP``,
holding ``names.RECEIVER_ROLE`` site-wide); the feedback section keeps no
explicit order of its items.

Thousands of items arrive there, many at the same time: an ordered folder
keeps one list of all ids that every new item rewrites (a write conflict
between any two parallel posts), an unordered one only its BTree, whose
concurrent inserts ZODB resolves.
"""

from plone import api

from dakto.policy.feedback import names
from dakto.policy.registrations import FeatureSetup


def create_receivers_group():
    group = api.group.get(groupname=names.RECEIVERS_GROUP)
    if group is None:
        api.group.create(
            groupname=names.RECEIVERS_GROUP,
            title=names.RECEIVERS_GROUP_TITLE,
            description=names.RECEIVERS_GROUP_DESCRIPTION,
            roles=[names.RECEIVER_ROLE],
        )
    elif names.RECEIVER_ROLE not in group.getRoles():
        api.group.grant_roles(groupname=names.RECEIVERS_GROUP, roles=[names.RECEIVER_ROLE])


def install(portal):
    create_receivers_group()
    section = portal.get(names.SECTION)
    if section is not None and getattr(section, "_ordering", "") != "unordered":
        section.setOrdering("unordered")


registration = FeatureSetup(install, after=("structure",))
