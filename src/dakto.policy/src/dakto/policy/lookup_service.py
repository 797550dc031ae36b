"""What every lookup's REST service shares: the 400 for an unknown filter
value, the batched answer, the common keys of each item."""

from plone.restapi.batching import HypermediaBatch
from zExceptions import BadRequest
from zope.i18n import translate

from dakto.policy import _


def refuse_unknown_filter(request, unknown, accepted):
    """Raise a 400 naming the first unknown filter value and what is accepted.

    ``unknown``: {filter name: value}; ``accepted(name)``: the accepted tokens.
    """
    if not unknown:
        return
    name, value = sorted(unknown.items())[0]
    message = _(
        "Unknown value '${value}' for ${name}; accepted: ${allowed}.",
        mapping={"value": value, "name": name, "allowed": ", ".join(accepted(name))},
    )
    raise BadRequest(translate(message, context=request))


def batched_answer(request, brains, filters, serialize):
    """The JSON answer: @id, items_total, filters, items and batching links."""
    batch = HypermediaBatch(request, brains)
    result = {
        "@id": batch.canonical_url,
        "items_total": batch.items_total,
        "filters": filters,
        "items": [serialize(brain) for brain in batch],
    }
    if batch.links:
        result["batching"] = batch.links
    return result


def brain_summary(brain):
    """The keys every lookup item starts with."""
    return {
        "@id": brain.getURL(),
        "@type": brain.portal_type,
        "UID": brain.UID,
        "title": brain.Title,
        "description": brain.Description,
        "review_state": brain.review_state,
    }


def single(value):
    """One stripped string from a request form value (a list gives its first)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return (value or "").strip() if isinstance(value, str) else ""
