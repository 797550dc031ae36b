"""Checks shared by the restapi summary tests (dakto.policy.serializers)."""

from plone.restapi.interfaces import ISerializeToJsonSummary
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

from dakto.policy.interfaces import IDaktoPolicyLayer


#: the keys a lookup item gained with the summaries (plone.restapi's default)
NEW_KEYS = {"type_title"}


def assert_keeps(item, expected):
    """``item`` has every key and value of ``expected`` and nothing else but NEW_KEYS."""
    assert {key: item.get(key) for key in expected} == expected
    assert set(item) - set(expected) <= NEW_KEYS


def object_and_brain_summaries(functional, obj):
    """The summary of ``obj`` and that of its catalog brain (the policy's layer)."""
    request = functional["request"]
    alsoProvides(request, IDaktoPolicyLayer)
    (brain,) = functional["portal"].portal_catalog(UID=obj.UID())
    return (
        getMultiAdapter((obj, request), ISerializeToJsonSummary)(),
        getMultiAdapter((brain, request), ISerializeToJsonSummary)(),
    )


def lookup_keys(obj):
    """The keys every lookup item had before the summaries, for published ``obj``."""
    return {
        "@id": obj.absolute_url(),
        "@type": obj.portal_type,
        "UID": obj.UID(),
        "title": obj.Title(),
        "description": obj.Description(),
        "review_state": "published",
    }
