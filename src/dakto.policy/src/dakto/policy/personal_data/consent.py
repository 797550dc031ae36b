"""Consent per purpose, recorded with the notice version and the time.

Use in a public form:

- ``consent_html(request, purposes, required=..., checked=..., error=...)``:
  the tick boxes (one per purpose, never ticked in advance), each with its
  label, and a link to the notice page with its version; put it inside the
  ``<form>`` with ``structure``. The boxes are named ``CONSENT_FIELD``
  (``consent:list``), their values are the purposes;
- ``read_consent(values, purposes, required)``: the purposes given, or
  ``Refused`` (field ``consent``) when a required one is missing. ``values``
  is the request's list or a JSON value (a list of purposes, or
  ``{purpose: true}``);
- ``record_consent(purposes)``: what to store with the item:
  ``{"purposes": [...], "notice_version": "1.0", "time": "<ISO, UTC>"}``;
- ``consent_field(purpose)``: a z3c.form / schema Bool field that must be
  ticked, with the notice link in its description (for schema-driven forms).
"""

from datetime import UTC
from datetime import datetime
from html import escape

from plone import api
from zope import schema
from zope.i18n import translate
from zope.schema import ValidationError

from dakto.policy import _
from dakto.policy.antispam import Refused
from dakto.policy.personal_data.interfaces import NOTICE_ID
from dakto.policy.personal_data.interfaces import REGISTRY_PREFIX
from dakto.policy.personal_data.vocabularies import PURPOSES


CONSENT_FIELD = "consent"


def notice_version():
    return (
        api.portal.get_registry_record(f"{REGISTRY_PREFIX}.notice_version", default="1.0") or "1.0"
    )


def notice_url():
    return f"{api.portal.get().absolute_url()}/{NOTICE_ID}"


def record_consent(purposes, version=None):
    """What to store with the item: the purposes, the notice version, the time (UTC)."""
    unknown = [p for p in purposes if p not in PURPOSES]
    if unknown:
        raise ValueError(f"Unknown consent purposes: {unknown}")
    return {
        "purposes": [p for p in PURPOSES if p in purposes],
        "notice_version": version or notice_version(),
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def has_consent(record, purpose):
    return bool(record) and purpose in (record.get("purposes") or ())


def _as_list(values):
    if values in (None, "", False):
        return []
    if values is True:
        return None  # "all required" (a JSON client that sends consent: true)
    if isinstance(values, str):
        return [values]
    if isinstance(values, dict):
        return [key for key, value in values.items() if value in (True, "true", "on", "1", 1)]
    return [str(v) for v in values]


def read_consent(values, purposes, required):
    """The purposes consented to among ``purposes``; ``Refused`` if a required one is missing."""
    given = _as_list(values)
    if given is None:
        given = list(required)
    bad = [p for p in given if p not in purposes]
    if bad:
        raise Refused(
            _("Unknown consent purpose '${purpose}'.", mapping={"purpose": bad[0]}),
            field=CONSENT_FIELD,
            kind="BadConsent",
        )
    if any(p not in given for p in required):
        raise Refused(
            _(
                "Please read the personal-data notice and tick the box to agree "
                "that your data is used for this purpose; without it we cannot "
                "accept what you send."
            ),
            field=CONSENT_FIELD,
            kind="MissingConsent",
        )
    return [p for p in purposes if p in given]


def consent_html(request, purposes, required=(), checked=(), error=None):
    """The consent tick boxes with the link to the notice (safe HTML)."""

    def t(message):
        return escape(translate(message, context=request))

    legend = t(_("Consent to the use of personal data"))
    link = t(
        _(
            "Read the personal-data notice (version ${version})",
            mapping={"version": notice_version()},
        )
    )
    rows = []
    for index, purpose in enumerate(purposes):
        box_id = f"{CONSENT_FIELD}-{index}"
        mark = ""
        described = ' aria-describedby="consent-error"' if error else ""
        if purpose in required:
            mark = f' <span class="required">({t(_("required"))})</span>'
        rows.append(
            '<div class="form-check">'
            f'<input class="form-check-input" type="checkbox" id="{box_id}" '
            f'name="{CONSENT_FIELD}:list" value="{escape(purpose)}"'
            f"{' checked' if purpose in checked else ''}"
            f"{' required' if purpose in required else ''}"
            f"{described} />"
            f'<label class="form-check-label" for="{box_id}">{t(PURPOSES[purpose])}{mark}</label>'
            "</div>"
        )
    error_html = (
        f'<div id="consent-error" class="invalid-feedback d-block field-error" role="alert">'
        f"{escape(error)}</div>"
        if error
        else ""
    )
    return (
        f'<fieldset class="dakto-consent{" error" if error else ""}" id="fieldset-consent">'
        f"<legend>{legend}</legend>"
        f'<p><a href="{escape(notice_url())}" target="_blank" rel="noopener">{link}</a></p>'
        f"{error_html}{''.join(rows)}</fieldset>"
    )


class ConsentRequired(ValidationError):
    __doc__ = _("Tick the box to agree to the personal-data notice.")


def _must_be_true(value):
    if value is not True:
        raise ConsentRequired(value)
    return True


def consent_field(purpose, **kw):
    """A Bool schema field that must be ticked (schema-driven forms)."""
    return schema.Bool(
        title=PURPOSES[purpose],
        description=_(
            "I have read the personal-data notice (page /${page}) and agree.",
            mapping={"page": NOTICE_ID},
        ),
        required=True,
        constraint=_must_be_true,
        **kw,
    )
