"""Field validators editors can pick in an EasyForm field's settings."""

import re

from dakto.policy import _


MARKUP_RE = re.compile(r"<\s*[A-Za-z!/?]|&#?[A-Za-z0-9]+;|javascript:", re.IGNORECASE)


def plain_text(value, **kwargs):
    """``dakto-plain-text``: no HTML tags, entities or scripts."""
    if isinstance(value, str) and MARKUP_RE.search(value):
        return _("HTML tags, HTML entities and scripts are not accepted; write plain text.")
    return None
