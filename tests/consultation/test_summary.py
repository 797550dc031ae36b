"""restapi summaries of drafts (serializers.py): ``@search`` and the
section's listing carry ``draft_status``, what ``@draft-status`` answers."""

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from .test_drafts import _draft


def test_search_and_listing_carry_the_comment_period(functional, anon_request):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    _draft(portal["du-thao"], "quy-che", -2, 10, comments_received=3)
    _draft(portal["du-thao"], "da-dong", -20, -1)
    transaction.commit()
    expected = {}
    for id in ("quy-che", "da-dong"):
        status = anon_request.get(f"/du-thao/{id}/@draft-status").json()
        del status["@id"]
        expected[id] = status
    assert expected["quy-che"]["status"] == "open" and expected["quy-che"]["days_left"] == 10
    assert expected["da-dong"]["status"] == "closed"
    items = anon_request.get("/@search", params={"portal_type": "DraftDocument"}).json()["items"]
    assert {i["@id"].rsplit("/", 1)[-1]: i["draft_status"] for i in items} == expected
    listing = anon_request.get("/du-thao").json()["items"]
    found = {i["@id"].rsplit("/", 1)[-1]: i["draft_status"] for i in listing if "draft_status" in i}
    assert found == expected
