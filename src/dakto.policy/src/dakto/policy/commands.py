"""The add-on's side of the ``dakto`` command's subcommands.

A feature offers a subcommand with a ``Command`` class declared in
``pyproject.toml``::

    [project.entry-points."dakto.commands"]
    import-dossiers = "dakto.policy.dossier.command:ImportDossiers"

The deployment tool (the ``dakto`` command, distribution ``dakto.instance``)
reads that group, adds one subcommand per entry point (the entry point's
name) and calls ``run(context, args)`` with a context that opens the site
(see ``Command.run``). The add-on never imports the deployment tool.

The command runs before Zope has loaded any ZCML, so ``t`` reads the add-on's
``.po`` file directly; the msgids are shared with the site's i18n domain.
"""

import gettext
import io
import os
from pathlib import Path
from string import Template

from pythongettext.msgfmt import Msgfmt

from dakto.policy import LANGUAGES
from dakto.policy import SITE_LANGUAGE as DEFAULT_LANGUAGE


LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "dakto.policy"
LANGUAGE_VARIABLE = "DAKTO_LANG"


class CommandError(Exception):
    """A command cannot do its work; the message (already translated with
    ``t``) is printed as ``dakto: error: message`` and the command exits 2."""


def _catalog(language):
    po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        return gettext.GNUTranslations(io.BytesIO(Msgfmt(handle, name=DOMAIN).get()))


_catalogs = {}


def language():
    """The language of the command's messages: ``DAKTO_LANG`` (``vi``, the
    default, or ``en``). Read in the ``dakto`` process only, never in a
    Zope server (the site's language comes from its request)."""
    value = os.environ.get(LANGUAGE_VARIABLE, DEFAULT_LANGUAGE).strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(msgid, **mapping):
    """Translate ``msgid`` (domain dakto.policy) into the command's language
    and fill its ``${name}``s."""
    lang = language()
    if lang not in _catalogs:
        _catalogs[lang] = _catalog(lang)
    return Template(_catalogs[lang].gettext(msgid)).safe_substitute(mapping)


def translate_message(message):
    """A ``zope.i18nmessageid`` message (e.g. a validation error of the site)
    in the command's language; needs Zope's configuration loaded (inside
    ``context.site_transaction()``)."""
    from zope.i18n import translate

    return translate(message, target_language=language())


class Command:
    """A ``dakto`` subcommand registered in the ``dakto.commands`` group.

    ``help`` is an English msgid of the dakto.policy domain, shown translated
    by ``dakto --help``. ``run(context, args)`` does the work and returns the
    exit code (None: 0); the context offers:

    - ``context.settings``: the instance's settings (the ``DAKTO_*`` variables);
    - ``context.site_transaction(site_id=None)``: a context manager yielding
      the Plone site (default: the instance's site) as the system user;
      commits when the block ends normally, aborts when it raises;
    - ``context.app_transaction()``: the same for the Zope application root;
    - ``context.say(text)``: prints one line on stdout.

    A refusal raises ``CommandError(t(...))``.
    """

    help = ""

    def add_arguments(self, parser):
        """Add the command's arguments to its ``argparse`` parser."""

    def run(self, context, args):
        raise NotImplementedError
