"""Policy add-on of a Vietnamese commune/town government portal."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "dakto.policy"
PROFILE_ID = "dakto.policy:default"
DEMO_PROFILE_ID = "dakto.policy:demo"
SITE_LANGUAGE = "vi"  # Vietnamese first; English is the other available language
LANGUAGES = (SITE_LANGUAGE, "en")

_ = MessageFactory(PACKAGE_NAME)
