"""Install: the feedback section keeps no explicit order of its items.

Thousands of items arrive there, many at the same time: an ordered folder
keeps one list of all ids that every new item rewrites (a write conflict
between any two parallel posts), an unordered one only its BTree, whose
concurrent inserts ZODB resolves.
"""

from dakto.policy.feedback import names


def install(portal):
    section = portal.get(names.SECTION)
    if section is not None and getattr(section, "_ordering", "") != "unordered":
        section.setOrdering("unordered")
