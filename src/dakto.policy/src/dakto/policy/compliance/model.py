"""Run every registered check (``ICheck`` named utilities) in their order."""

from plone import api

from dakto.policy.compliance.interfaces import ICheck
from dakto.policy.editorial_board import deadlines
from dakto.policy.registrations import ordered


def run_checks(today=None):
    """``[{"id", "title", "basis", "ok", "detail", "fix_url"}]`` in display order;
    a check that fails with an error is shown as not met, naming the error."""
    from dakto.policy import _

    portal = api.portal.get()
    today = today or deadlines.today()
    lines = []
    for name, check in ordered(ICheck):
        try:
            result = check(portal, today)
            ok, detail, fix_url = result.ok, result.detail, result.fix_url
        except Exception as error:  # noqa: BLE001 - one broken check must not hide the others
            ok = False
            detail = _("The check could not run: ${error}", mapping={"error": type(error).__name__})
            fix_url = portal.absolute_url()
        lines.append(
            {
                "id": name,
                "title": check.title,
                "basis": check.basis,
                "ok": bool(ok),
                "detail": detail,
                "fix_url": fix_url,
            }
        )
    return lines
