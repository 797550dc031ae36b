"""Need-to-know: may the current user see the personal data held by ``obj``?

One check for every feature that shows a citizen's contact details (pages,
REST, exports): the permission ``interfaces.VIEW_PERSONAL_DATA``.
"""

from plone import api

from dakto.policy.personal_data.interfaces import VIEW_PERSONAL_DATA


def may_see_personal_data(obj):
    return bool(api.user.has_permission(VIEW_PERSONAL_DATA, obj=obj))
