"""Translate the command's messages with dakto.policy's own catalog.

The command runs before Zope has loaded any ZCML, so it reads the ``.po``
file directly; the msgids are shared with the site's i18n domain.
"""

import gettext
import io
import os
from pathlib import Path
from string import Template

from pythongettext.msgfmt import Msgfmt

from dakto.policy import LANGUAGES
from dakto.policy import SITE_LANGUAGE as DEFAULT_LANGUAGE


LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "dakto.policy"


def _catalog(language):
    po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        return gettext.GNUTranslations(io.BytesIO(Msgfmt(handle, name=DOMAIN).get()))


_catalogs = {}


def language():
    value = os.environ.get("DAKTO_LANG", DEFAULT_LANGUAGE).strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(msgid, **mapping):
    """Translate ``msgid`` into ``DAKTO_LANG`` and fill its ``${name}``s."""
    lang = language()
    if lang not in _catalogs:
        _catalogs[lang] = _catalog(lang)
    return Template(_catalogs[lang].gettext(msgid)).safe_substitute(mapping)
