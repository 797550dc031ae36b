"""Audit log subscribers: logins, users, groups, roles, sharing, publishing."""

from plone import api

from dakto.policy.security import audit
from dakto.policy.workflow.names import EDITORIAL_TYPES


def _login_of(user):
    return getattr(user, "getUserName", lambda: None)() or getattr(user, "getId", lambda: "")()


def logged_in(event):
    audit.record("login", login=_login_of(event.principal), actor=_login_of(event.principal))


def principal_created(event):
    audit.record("user_created", principal=getattr(event.principal, "getId", lambda: "")())


def principal_deleted(event):
    audit.record("user_deleted", principal=str(event.principal))


def added_to_group(event):
    principal = event.principal
    audit.record(
        "group_added",
        principal=getattr(principal, "getId", lambda: principal)(),
        group=event.group_id,
    )


def removed_from_group(event):
    principal = event.principal
    audit.record(
        "group_removed",
        principal=getattr(principal, "getId", lambda: principal)(),
        group=event.group_id,
    )


def local_roles_modified(context, event):
    roles = {
        principal: sorted(r for r in local if r != "Owner")
        for principal, local in context.get_local_roles()
    }
    audit.record(
        "local_roles",
        path="/".join(context.getPhysicalPath()),
        url=context.absolute_url(),
        roles={k: v for k, v in roles.items() if v},
        inherit=not getattr(context, "__ac_local_roles_block__", False),
    )


def workflow_transition(context, event):
    if getattr(context, "portal_type", None) not in EDITORIAL_TYPES:
        return
    transition = getattr(event, "action", None)
    if not transition:
        return
    audit.record(
        "workflow",
        transition=transition,
        state=api.content.get_state(obj=context, default=None),
        portal_type=context.portal_type,
        path="/".join(context.getPhysicalPath()),
        url=context.absolute_url(),
        title=context.Title(),
    )
