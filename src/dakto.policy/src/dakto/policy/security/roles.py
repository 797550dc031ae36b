"""Audit of site-wide role changes.

PAS fires no event when a user's or a group's roles are set (the users and
groups control panels, ``@users`` PATCH, ``api.user.grant_roles`` all end in
the role assigner plugins' ``assignRolesToPrincipal``). This plugin is one
more role assigner, placed first so that it reads the roles before the real
one (``portal_role_manager``) changes them; it changes nothing itself.
"""

from AccessControl.class_init import InitializeClass
from Products.PluggableAuthService.interfaces.plugins import IRoleAssignerPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.interface import implementer

from dakto.policy.security import audit


PLUGIN_ID = "dakto_audit_roles"
IMPLICIT = ("Authenticated", "Anonymous")


@implementer(IRoleAssignerPlugin)
class RoleAuditPlugin(BasePlugin):
    meta_type = "Dakto Role Audit"

    def __init__(self, id=PLUGIN_ID, title="Role changes to the audit log (dakto.policy)"):
        self._setId(id)
        self.title = title

    def _current(self, principal_id):
        manager = getattr(self._getPAS(), "portal_role_manager", None)
        if manager is None:
            return set()
        return set(manager._principal_roles.get(principal_id, ())) - set(IMPLICIT)

    def doAssignRoleToPrincipal(self, principal_id, role):
        if role not in IMPLICIT and role not in self._current(principal_id):
            audit.record("roles_set", principal=principal_id, added=[role], removed=[])
        return False

    def doRemoveRoleFromPrincipal(self, principal_id, role):
        if role in self._current(principal_id):
            audit.record("roles_set", principal=principal_id, added=[], removed=[role])
        return False

    def assignRolesToPrincipal(self, roles, principal_id):
        before = self._current(principal_id)
        after = {r for r in roles if r and r not in IMPLICIT}
        added, removed = sorted(after - before), sorted(before - after)
        if added or removed:
            audit.record("roles_set", principal=principal_id, added=added, removed=removed)
        return False


InitializeClass(RoleAuditPlugin)


def install(portal):
    pas = portal.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, RoleAuditPlugin())
    plugins = pas.plugins
    if PLUGIN_ID not in plugins.listPluginIds(IRoleAssignerPlugin):
        plugins.activatePlugin(IRoleAssignerPlugin, PLUGIN_ID)
    while plugins.listPluginIds(IRoleAssignerPlugin)[0] != PLUGIN_ID:
        plugins.movePluginsUp(IRoleAssignerPlugin, [PLUGIN_ID])
