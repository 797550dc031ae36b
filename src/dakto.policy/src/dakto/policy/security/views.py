"""The security settings control panel and ``@@audit-log``."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout
from Products.Five.browser import BrowserView

from dakto.policy import _
from dakto.policy.security import audit
from dakto.policy.security.settings import REGISTRY_PREFIX
from dakto.policy.security.settings import ISecuritySettings


class SecurityControlPanelForm(RegistryEditForm):
    schema = ISecuritySettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Security")
    description = _("Login lockout, password policy and session settings.")


SecurityControlPanelView = layout.wrap_form(SecurityControlPanelForm, ControlPanelFormWrapper)

KIND_LABELS = {
    "login": _("Logins"),
    "roles": _("Site roles"),
    "groups": _("Group membership"),
    "sharing": _("Sharing (local roles)"),
    "users": _("Users created or deleted"),
    "workflow": _("Publishing (workflow)"),
}
EVENT_LABELS = {
    "login": _("Logged in"),
    "login_failed": _("Failed login"),
    "lockout": _("Locked out"),
    "login_refused": _("Refused while locked"),
    "group_added": _("Added to group"),
    "group_removed": _("Removed from group"),
    "roles_set": _("Roles changed"),
    "local_roles": _("Sharing changed"),
    "user_created": _("User created"),
    "user_deleted": _("User deleted"),
    "workflow": _("Workflow transition"),
}
DETAIL_KEYS = (
    "principal",
    "group",
    "added",
    "removed",
    "transition",
    "state",
    "portal_type",
    "path",
    "roles",
    "reason",
)


class AuditLogView(BrowserView):
    """The last entries of the audit log, newest first, filtered by kind."""

    limits = (50, 200, 1000)

    def kinds(self):
        return [{"id": k, "label": label} for k, label in KIND_LABELS.items()]

    def kind(self):
        value = self.request.form.get("kind")
        return value if value in KIND_LABELS else None

    def limit(self):
        try:
            value = int(self.request.form.get("limit", 200))
        except (TypeError, ValueError):
            return 200
        return value if value in self.limits else 200

    def entries(self):
        rows = []
        for entry in audit.read(limit=self.limit(), kind=self.kind()):
            time = str(entry.get("time", ""))
            details = []
            for key in DETAIL_KEYS:
                if entry.get(key) not in (None, "", [], {}):
                    details.append(f"{key}: {entry[key]}")
            rows.append(
                {
                    "time": f"{time[8:10]}/{time[5:7]}/{time[:4]} {time[11:19]}" if time else "",
                    "event": EVENT_LABELS.get(entry.get("event"), entry.get("event")),
                    "event_id": entry.get("event"),
                    "login": entry.get("login") or "",
                    "actor": entry.get("actor") or "",
                    "ip": entry.get("ip") or "",
                    "details": "; ".join(details),
                }
            )
        return rows
