"""Guards against bad input that the frameworks answer with a 500 (found by
``tests/bad_input``): the refusals and their reasons. The guards themselves
wrap the frameworks' methods; they are in ``dakto.policy.patches``, applied
by its ZCML (importing this package changes nothing).

- JSON nested thousands deep (``[[[[…``) makes ``json.loads`` raise
  RecursionError, which plone.restapi's ``json_body`` lets through; its PAS
  plugin reads the body of EVERY JSON request, so any URL answered 500. The
  deserializer's ``json`` becomes one whose ``loads`` turns it into ValueError:
  plone.restapi's own DeserializationError (the plugin ignores the body, the
  services answer 400).
- Zope reads the form before traversal: a ``multipart/form-data`` request
  without a boundary (KeyError), or a bad ``:date``/``:int``/``:float``
  converter value (``?x:date=abc``: DateTime's SyntaxError, ValueError),
  answered 500. ``HTTPRequest.processInputs`` now turns them into BadRequest
  (400, with the reason).
- plone.restapi's ``@search``: a query of only stop words or symbols (the
  catalog's ParseError), ``SearchableText`` given as a list, a ``b_size``
  below 1 (the batch's AssertionError) answered 500; now 400 with the reason.

The reasons are translated (Vietnamese unless the request asks for English;
before traversal only the Accept-Language header can say so).
"""

from zExceptions import BadRequest
from zope.i18n import translate

from dakto.policy import LANGUAGES
from dakto.policy import SITE_LANGUAGE
from dakto.policy import _


def request_language(request):
    """The portal language a request asks for before the site has negotiated
    one: English when Accept-Language puts it before Vietnamese, else
    Vietnamese (the portal's language, also when the header names neither)."""
    header = request.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    accepted = [part.split(";")[0].strip().lower()[:2] for part in header.split(",")]
    ranked = [code for code in accepted if code in LANGUAGES]
    return ranked[0] if ranked else SITE_LANGUAGE


def refusal(message, request):
    """``message`` translated into ``request_language(request)``."""
    return translate(message, target_language=request_language(request))


def unreadable_form(error, request):
    """The BadRequest for a form Zope could not read (``error``: what it raised)."""
    message = _(
        "The request's form data could not be read (${reason}).",
        mapping={"reason": f"{type(error).__name__}: {str(error)[:200]}"},
    )
    return BadRequest(refusal(message, request))


def check_search_query(query, request):
    """Refuse (BadRequest) a ``@search`` query the catalog would answer with a 500."""
    text = (query or {}).get("SearchableText")
    if text is not None and not isinstance(text, str):
        raise BadRequest(refusal(_("SearchableText: give one text, not a list."), request))
    for name, low in (("b_size", 1), ("b_start", 0)):
        raw = request.form.get(name)
        try:
            ok = raw is None or int(raw) >= low
        except (TypeError, ValueError):
            ok = False
        if not ok:
            message = _(
                "${name}: '${value}' must be a whole number from ${low}.",
                mapping={"name": name, "value": str(raw)[:50], "low": low},
            )
            raise BadRequest(refusal(message, request))


def no_word_to_search(error, request):
    """The BadRequest for the catalog's ParseError (only stop words or symbols)."""
    message = _(
        "SearchableText: the search text has no word to look for (${reason}).",
        mapping={"reason": str(error)[:200]},
    )
    return BadRequest(refusal(message, request))
