"""Vietnamese text helpers shared by every feature.

The regulation (Article 8.1) asks for Vietnamese in Unicode (TCVN 6909:2001):
every text is stored in NFC. Searching folds diacritics so that a query with
or without them finds the item; ``đ``/``Đ`` (which do not decompose under NFD)
fold to ``d``, and old/new tone placement (``hoà``/``hòa``) folds the same.
"""

import re
import unicodedata


#: C0 control characters and DEL, except tab, line feed and carriage return.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(value, single_line=False):
    """``value`` (a str) in NFC, without control characters, trimmed; with
    ``single_line`` every run of white space (line breaks too) as one space."""
    value = CONTROL_RE.sub("", nfc(value)).strip()
    return " ".join(value.split()) if single_line else value


def nfc(value):
    """Return ``value`` in Unicode NFC; ``None`` and non-strings pass through."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def fold(text):
    """Lower-case ASCII-like form of ``text`` without Vietnamese diacritics."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("Đ", "D").lower()


def has_diacritics(text):
    return fold(text) != (text or "").lower()


# Tone marks move between vowels in the old and new spelling styles
# (hoà/hòa, uỷ/ủy); the vowel-quality marks (ă â ê ô ơ ư) and đ never do.
TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


def tone_key(word):
    """A form of ``word`` that keeps every diacritic but not the tone's position.

    ``hoà`` and ``hòa`` give the same key; ``hoa`` and ``hòa`` do not.
    """
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", (word or "").lower()):
        if char in TONE_MARKS:
            tones.append(TONE_MARKS[char])
        else:
            letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters)) + "".join(sorted(tones))


def words(text):
    """The words of ``text`` (letters and digits), in order."""
    return [w for w in "".join(c if c.isalnum() else " " for c in nfc(text or "")).split() if w]
