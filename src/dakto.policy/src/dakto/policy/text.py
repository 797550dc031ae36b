"""Vietnamese text helpers shared by every feature.

The regulation (Article 8.1) asks for Vietnamese in Unicode (TCVN 6909:2001);
we store every text in NFC.
"""

import unicodedata


def nfc(value):
    """Return ``value`` in Unicode NFC; ``None`` and non-strings pass through."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value
