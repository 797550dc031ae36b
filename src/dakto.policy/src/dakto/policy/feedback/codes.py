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
CODE_RE = re.compile(rf"^{PREFIX}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def new_code():
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(size)) for size in GROUPS]
    return "-".join([PREFIX, *groups])


def normalise(value):
    """``' pa abcd-efgh '`` → ``'PA-ABCD-EFGH'``; None when it cannot be a code."""
    if not isinstance(value, str):
        return None
    compact = re.sub(r"[\s\-_.]", "", value).upper()
    if len(compact) != len(PREFIX) + sum(GROUPS) or not compact.startswith(PREFIX):
        return None
    body = compact[len(PREFIX) :]
    code = f"{PREFIX}-{body[:4]}-{body[4:]}"
    return code if CODE_RE.match(code) else None


def code_to_id(code):
    return code.lower()


def unique_code(exists, attempts=20):
    """A new code for which ``exists(code)`` is False."""
    for _attempt in range(attempts):
        code = new_code()
        if not exists(code):
            return code
    raise RuntimeError("Could not draw a free tracking code")
