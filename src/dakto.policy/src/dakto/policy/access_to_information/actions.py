"""What the form, the board's page and the REST services do with a request:
store it and tell the requester and the board; take a step and tell the
requester (``notify``)."""

from dakto.policy.access_to_information import notify
from dakto.policy.access_to_information import requests as store


EXTEND = "extend"  # the board's step that extends the deadline
STEPS = (store.PROCESSING, store.ANSWERED, store.REFUSED, EXTEND)


def submit(section, clean, request=None):
    """Store a validated request; ``(the request, mailed)``."""
    info_request = store.add(section, clean)
    return info_request, notify.received(info_request, request)


def take_step(info_request, step, actor, note="", request=None):
    """Take ``step`` (a state, or ``EXTEND``); ``store.TransitionError`` when
    it is not possible. True when the requester's mail was queued."""
    note = (note or "").strip()[:5000]
    if step == EXTEND:
        store.extend(info_request, actor, note)
        return notify.step(info_request, store.EXTENDED, note, request)
    store.transition(info_request, step, actor, note)
    return notify.step(info_request, step, note, request)
