"""Install-time set-up of the security measures (idempotent)."""

from Acquisition import aq_base
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin

from dakto.policy.registrations import FeatureSetup
from dakto.policy.security import lockout
from dakto.policy.security import password
from dakto.policy.security import roles
from dakto.policy.security import root
from dakto.policy.security import sessions


# The ZMI is for Managers only (rolemap.xml): Plone also gives it to Owner,
# so that whoever created an item could open its /manage_main.
ZMI_PERMISSION = "View management screens"


def install(portal):
    lockout.install(portal)
    password.install(portal)
    roles.install(portal)
    sessions.apply(portal)
    # plone.restapi's install (a dependency, run before ours) has just put
    # its JWT plugin in the root user folder too.
    root.jwt_with_own_secret(portal.getPhysicalRoot())


# The session plugin's properties that ``sessions.apply`` sets.
SESSION_PROPERTIES = ("timeout", "refresh_interval", "secure", "per_user_keyring")


def uninstall(portal):
    """The add-on's PAS plugins out, Plone's password policy and session
    settings back (the ZMI permission: profiles/uninstall/rolemap.xml)."""
    pas = portal.acl_users
    ours = [
        plugin_id
        for plugin_id in (lockout.PLUGIN_ID, password.PLUGIN_ID, roles.PLUGIN_ID)
        if plugin_id in pas.objectIds()
    ]
    if ours:
        pas.manage_delObjects(ours)  # deactivated everywhere by their manage_beforeDelete
    if "password_policy" in pas.objectIds():
        plugins = pas.plugins
        if "password_policy" not in plugins.listPluginIds(IValidationPlugin):
            plugins.activatePlugin(IValidationPlugin, "password_policy")
    session = sessions.plugin_of(portal)
    if session is not None:
        defaults = type(aq_base(session))  # plone.session's own settings
        for name in SESSION_PROPERTIES:
            setattr(session, name, getattr(defaults, name))


# After the workflow's groups are created with their roles: the role audit
# records what people grant, not the install.
registration = FeatureSetup(install, uninstall, after=("workflow",))
