"""Tracking codes: ``PA-XXXX-XXXX``, random (``secrets``), never sequential.

The alphabet leaves out 0/O and 1/I/L, which people mistake for each other:
31 symbols, 8 of them → 31⁸ ≈ 8.5·10¹¹ codes, so guessing one at the status
endpoint's rate limit is hopeless.
Uniqueness: the code is the item's id in its folder, and it is checked
against the catalog before use; a clash draws another one.
"""

import re
import secrets


PREFIX = "PA"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0, O, 1, I, L
GROUPS = (4, 4)


def _pattern(prefix):
    return re.compile(rf"^{prefix}-[{ALPHABET}]{{{GROUPS[0]}}}-[{ALPHABET}]{{{GROUPS[1]}}}$")


CODE_RE = _pattern(PREFIX)


def new_code(prefix=PREFIX):
    """A new random code; ``prefix``: another kind's (information requests: TT)."""
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(size)) for size in GROUPS]
    return "-".join([prefix, *groups])


def normalise(value, prefix=PREFIX):
    """``' pa abcd-efgh '`` → ``'PA-ABCD-EFGH'``; None when it cannot be a code
    (of ``prefix``)."""
    if not isinstance(value, str):
        return None
    compact = re.sub(r"[\s\-_.]", "", value).upper()
    if len(compact) != len(prefix) + sum(GROUPS) or not compact.startswith(prefix):
        return None
    body = compact[len(prefix) :]
    code = f"{prefix}-{body[: GROUPS[0]]}-{body[GROUPS[0] :]}"
    pattern = CODE_RE if prefix == PREFIX else _pattern(prefix)
    return code if pattern.match(code) else None


def code_to_id(code):
    return code.lower()


def unique_code(exists, attempts=20):
    """A new code for which ``exists(code)`` is False."""
    for _attempt in range(attempts):
        code = new_code()
        if not exists(code):
            return code
    raise RuntimeError("Could not draw a free tracking code")
