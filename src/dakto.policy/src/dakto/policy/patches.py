"""Every monkey patch of the portal, in one place.

Importing this module (or any other of the portal) patches nothing:
``patches.zcml`` applies each patch with collective.monkeypatcher's
``<monkey:patch>`` when Zope loads the configuration, through ``wrap``: the
replacement is built from the method it replaces (``factory(original)``),
once (a second load of the ZCML finds the patch in place and keeps it).

Each factory below says which upstream behaviour it works around and when
it can go. ``tests/policy/test_patches.py`` checks that importing the
portal's modules patches nothing and that loading the ZCML applies them all.
"""

from DateTime.interfaces import DateTimeError
from Products.ZCTextIndex.ParseTree import ParseError
from zExceptions import BadRequest


MARK = "dakto_patch"


def wrap(scope, original, factory):
    """``<monkey:patch handler>``: ``scope.original = factory(scope.original)``,
    unless that is already one of these patches."""
    current = getattr(scope, original)
    if getattr(current, MARK, False):
        return
    patched = factory(current)
    setattr(patched, MARK, True)
    setattr(scope, original, patched)


# --- bad input answered 500 (hardening/, tests/bad_input) -------------------


class DepthSafeJSON:
    """``json`` whose ``loads`` raises ValueError for too deep nesting."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        return getattr(self._module, name)

    def loads(self, *args, **kwargs):
        try:
            return self._module.loads(*args, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


def depth_safe_json(original):
    """``plone.restapi.deserializer.json``: ``json_body`` lets the
    RecursionError of ``[[[[…`` (thousands deep) out, and plone.restapi's PAS
    plugin reads the body of every JSON request, so any URL answered 500.
    Upstream: plone.restapi's ``json_body`` catches only ValueError. Can go
    when it turns RecursionError into DeserializationError too."""
    return DepthSafeJSON(original)


def read_inputs_or_refuse(original):
    """``ZPublisher.HTTPRequest.processInputs``: a multipart request without
    a boundary (KeyError) or a bad ``:date``/``:int`` converter value
    (DateTime's SyntaxError, ValueError) is a 500 before traversal. Upstream:
    Zope raises them as they come (zopefoundation/Zope, form parsing). Can go
    when Zope answers such requests with BadRequest itself."""
    from dakto.policy.hardening import unreadable_form

    def processInputs(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except BadRequest:
            raise
        except (KeyError, ValueError, TypeError, DateTimeError) as error:
            raise unreadable_form(error, self) from None

    return processInputs


def search_or_refuse(original):
    """``plone.restapi.search.handler.SearchHandler.search``: a query of only
    stop words or symbols (ZCTextIndex's ParseError), ``SearchableText`` as a
    list, a ``b_size`` below 1 (the batch's AssertionError) are 500s.
    Upstream: plone.restapi passes the query to the catalog unchecked. Can go
    when ``@search`` answers them with 400."""
    from dakto.policy.hardening import check_search_query
    from dakto.policy.hardening import no_word_to_search

    def search(self, query=None):
        check_search_query(query, self.request)
        try:
            return original(self, query)
        except ParseError as error:
            raise no_word_to_search(error, self.request) from None
        except ValueError as error:  # a value the catalog cannot use
            raise BadRequest(str(error)[:200]) from None

    return search


def credentials_or_refuse(original):
    """``ZPublisher.HTTPRequest._authUserPW``: an Authorization header that is
    not base64 of ``login:password`` in UTF-8 raises ValueError, which the
    root's user folder lets out as a 500 (security/lockout.py). Upstream:
    Zope decodes the header unchecked. Can go when Zope ignores or refuses
    such a header itself."""
    from dakto.policy.hardening import refusal
    from dakto.policy.security.lockout import BAD_BASIC_AUTH

    def _authUserPW(self):
        try:
            return original(self)
        except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
            raise BadRequest(refusal(BAD_BASIC_AUTH, self)) from None

    return _authUserPW


# --- security (security/) ----------------------------------------------------


POWERED_BY = "x-powered-by"


def without_powered_by(original):
    """``ZPublisher.HTTPResponse.HTTPBaseResponse.listHeaders`` (issue 21.6):
    Zope puts ``X-Powered-By: Zope (www.zope.dev), Python (www.python.org)``
    first in every response, not in ``response.headers`` (no subscriber can
    remove it) and with no zope.conf setting to turn it off. Can go when Zope
    has such a setting."""

    def listHeaders(self):
        return [(name, value) for name, value in original(self) if name.lower() != POWERED_BY]

    return listHeaders


def server_side_logout(original):
    """``plone.session.plugins.session.SessionPlugin.resetCredentials``
    (issue 21.4): logout ends every ticket of the user (a new secret on the
    user's keyring, security/sessions.py); plone.session's own method only
    does that for a ticket it can read and a keyring that exists, else a 500.
    Can go when plone.session rotates per-user keyrings safely on logout."""
    from dakto.policy.security.sessions import reset_credentials

    return reset_credentials


# --- spreadsheet exports of EasyForm (forms/saved_data.py) ------------------


def safe_row_data(original):
    """``collective.easyform.actions.SaveData.get_row_data``: the saved data's
    CSV/TSV/XLSX downloads carry what citizens typed as is (formula
    injection); easyform has no hook for the cells. Can go when easyform
    escapes formulas or offers a hook."""
    from dakto.policy.forms.saved_data import safe_row

    def get_row_data(self, row):
        return safe_row(original(self, row))

    return get_row_data


def safe_mail_attachments(original):
    """``collective.easyform.actions.Mailer.get_attachments``: the CSV and
    XLSX files the mailer attaches, same reason and same end as
    ``safe_row_data``."""
    from dakto.policy.forms.saved_data import safe_attachments

    def get_attachments(self, fields, request):
        return safe_attachments(original(self, fields, request))

    return get_attachments
