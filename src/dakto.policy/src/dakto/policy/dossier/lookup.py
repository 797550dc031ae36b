"""Looking a dossier up by its code (the page and the REST service share it)."""

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.dossier import store


LIMITER = antispam.RateLimiter("dossier-lookup", 30, 300)


class NotFound(Exception):
    pass


def lookup(request, raw):
    """The dossier with code ``raw``; ``antispam.Refused`` (400 malformed,
    429 too many) or ``NotFound``. Every attempt counts for the rate limit."""
    LIMITER.hit(request)
    code = store.normalise_code(raw)
    if not store.valid_code(code):
        raise antispam.Refused(
            _(
                "This is not a dossier code: it has 3 to 50 letters, digits, dots, "
                "dashes or slashes, e.g. 000.00.18.H34-261105-0001."
            ),
            status=400,
            field="code",
            kind="BadRequest",
        )
    dossier = store.get(code)
    if dossier is None:
        raise NotFound(code)
    return dossier
