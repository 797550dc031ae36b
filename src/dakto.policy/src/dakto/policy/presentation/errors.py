"""Error pages (404, 500, unauthorized) in the theme, in the visitor's
language, with a search form and a way home; never a traceback."""

import json
from pathlib import Path

from AccessControl import getSecurityManager
from Acquisition import aq_base
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.component.hooks import getSite
from zope.i18n import translate
from ZPublisher.HTTPResponse import status_codes

from dakto.policy import _
from dakto.policy.editorial_board.content import INTAKE_RECORD
from dakto.policy.editorial_board.content import INTAKE_REGISTER
from dakto.policy.hardening import request_language
from dakto.policy.storage_failures import RETRY_AFTER
from dakto.policy.storage_failures import is_storage_failure


TEMPLATES = Path(__file__).parent / "templates"
NOT_FOUND = ("NotFound",)
FORBIDDEN = ("Unauthorized", "Forbidden")
BAD_REQUEST = ("BadRequest",)
#: Types an anonymous visitor is told do not exist rather than asked to log in.
INTERNAL_TYPES = (INTAKE_REGISTER, INTAKE_RECORD)
PAGE_TITLES = {
    "not-found": _("Page not found"),
    "forbidden": _("You may not see this page"),
    "bad-request": _("The portal could not read your request"),
    "unavailable": _("The portal is temporarily unavailable"),
    "error": _("Something went wrong"),
}
UNAVAILABLE_MESSAGE = _(
    "The portal could not save your request: its data storage failed (the disk is full "
    "or the database cannot be reached). Nothing you sent was saved and nothing stored "
    "before was lost. Please try again in a few minutes."
)

INTERNAL_ERROR_MESSAGE = _(
    "The portal could not answer this request because of an internal error. The error "
    "has been logged for the administrators; please try again later."
)


def is_internal_error(exception):
    """True when Zope would answer ``exception`` with a 5xx."""
    return status_codes.get(type(exception).__name__.lower(), 500) >= 500


def _is_manager():
    site = getSite()
    return site is not None and bool(getSecurityManager().checkPermission("Manage portal", site))


class ErrorView(ExceptionView):
    basic_template = ViewPageTemplateFile(str(TEMPLATES / "error_basic.pt"))

    def __call__(self):
        self.exception = self.context  # Plone's view replaces context by the parent
        if self.hides_internal_place():
            return self.not_found()
        if is_storage_failure(self.context):
            return self.unavailable()
        if IAPIRequest.providedBy(self.request):
            if is_internal_error(self.context) and not _is_manager():
                return self.internal_error_json()
            # REST clients keep plone.rest's JSON errors (field and message).
            return ErrorHandling(self.context, self.request)()
        if getSite() is None:
            # Before traversal (Zope could not read the request): no site has
            # negotiated a language; Vietnamese unless English comes first.
            self.request.environ["HTTP_ACCEPT_LANGUAGE"] = request_language(self.request)
        if isinstance(self.context, BadRequest) and "text/html" not in self.request.getHeader(
            "Accept", ""
        ):
            return self.bad_request_json()
        return super().__call__()

    def language(self):
        return request_language(self.request)

    def page_title(self):
        """The browser title's page part (``title.py``): what the page's heading says."""
        kind = self.kind(type(self.exception).__name__)
        return PAGE_TITLES.get(kind, PAGE_TITLES["error"])

    def hides_internal_place(self):
        """True for an anonymous visitor refused a place only the editorial
        board sees (the intake register and its records): it gets the same
        404 as for a page that does not exist, not the login form, which
        would tell that the place exists. A logged-in user keeps the
        "you may not see this page" answer; REST keeps its JSON."""
        if not isinstance(self.context, Unauthorized) or IAPIRequest.providedBy(self.request):
            return False
        if getSecurityManager().getUser().getUserName() != "Anonymous User":
            return False
        return any(
            getattr(aq_base(parent), "portal_type", None) in INTERNAL_TYPES
            for parent in self.request.get("PARENTS") or ()
        )

    def not_found(self):
        """Render the 404 page (as for ``NotFound``) and keep its status:
        no login challenge, no ``WWW-Authenticate``."""
        response = self.request.response
        response._unauthorized = lambda: None  # Zope challenges after this view
        self.exception = self.context = NotFound(self.request.get("URL", ""))
        site = getSite()
        if site is not None:  # the page of a missing page: nothing of the place shown
            self.__parent__ = site
        try:
            raise self.exception
        except NotFound:  # Plone's view reads the exception in sys.exc_info()
            body = super().__call__()
        response.setStatus(404, lock=True)
        return body

    def reason(self):
        """What was wrong with the request (a BadRequest's own message)."""
        return str(self.exception)

    def bad_request_json(self):
        """400 with the reason for a client that did not ask for HTML (Plone's
        view gives it only ``{"error_type": "BadRequest"}``)."""
        response = self.request.response
        response.setStatus(400)
        response.setHeader("Content-Type", "application/json")
        return json.dumps({"type": "BadRequest", "message": self.reason()}, ensure_ascii=False)

    def internal_error_json(self):
        """500 over REST without the exception's type and message, which may
        name internal things (plone.api's InvalidParameterError lists every
        permission of the site); Zope's error log keeps them."""
        response = self.request.response
        response.setStatus(500, lock=True)
        response.setHeader("Content-Type", "application/json")
        message = translate(INTERNAL_ERROR_MESSAGE, context=self.request)
        return json.dumps({"type": "InternalError", "message": message}, ensure_ascii=False)

    def unavailable(self):
        """503 for a full disk or an unreachable database: the same for every client."""
        response = self.request.response
        response.setStatus(503, lock=True)
        response.setHeader("Retry-After", RETRY_AFTER)
        message = translate(UNAVAILABLE_MESSAGE, context=self.request)
        if IAPIRequest.providedBy(self.request):
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"type": "ServiceUnavailable", "message": message})
        self.unavailable_message = message
        return super().__call__()

    def kind(self, error_type):
        if getattr(self, "unavailable_message", None):
            return "unavailable"
        if error_type in NOT_FOUND:
            return "not-found"
        if error_type in BAD_REQUEST:
            return "bad-request"
        if error_type in FORBIDDEN:
            return "forbidden"
        return "error"
