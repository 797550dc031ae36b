"""Closed lists of the feedback feature."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


TOPICS = {
    "dat-dai": _("Land and housing"),
    "xay-dung": _("Construction and urban order"),
    "moi-truong": _("Environment and sanitation"),
    "giao-thong": _("Roads and traffic"),
    "an-ninh": _("Security and public order"),
    "chinh-sach-xa-hoi": _("Social policies"),
    "y-te-giao-duc": _("Health and education"),
    "thu-tuc-hanh-chinh": _("Administrative procedures"),
    "khac": _("Other"),
}

PURPOSES = {
    "phan-anh": _("Feedback"),
    "kien-nghi": _("Petition"),
    "hoi-dap": _("Question"),
}

#: how the feedback reached the board (Quy chế Điều 9.1: "qua mạng hoặc gửi
#: trực tiếp"): the public form and REST are "web"; staff log the others.
WEB = "web"
CHANNELS = {
    WEB: _("Web form of the portal"),
    "truc-tiep": _("In person"),
    "dien-thoai": _("By phone"),
    "thu": _("By letter"),
    "zalo": _("By Zalo"),
}

CONTACT_FIELDS = {
    "sender_name": _("Full name"),
    "sender_phone": _("Phone"),
    "sender_email": _("E-mail"),
    "sender_address": _("Address"),
}


@provider(IVocabularyFactory)
def topics(context=None):
    return vocabulary(TOPICS)


@provider(IVocabularyFactory)
def purposes(context=None):
    return vocabulary(PURPOSES)


@provider(IVocabularyFactory)
def channels(context=None):
    return vocabulary(CHANNELS)


@provider(IVocabularyFactory)
def contact_fields(context=None):
    return vocabulary(CONTACT_FIELDS)


@provider(IVocabularyFactory)
def recipients(context=None):
    """Units and people (organisation/) who can be asked to answer, by UID."""
    catalog = api.portal.get_tool("portal_catalog")
    terms = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["OrgUnit", "Person"], sort_on="sortable_title"
    ):
        title = brain.Title
        if brain.portal_type == "Person":
            title = f"{title} ({brain.Description})" if brain.Description else title
        terms.append((brain.UID, title))
    return vocabulary(terms)
