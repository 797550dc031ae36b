"""An article and a procedure published on the functional site, and the beacon."""

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from tests.editorial_board.helpers import publish


BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def published_news(portal, id="le-hoi", title="Lễ hội cồng chiêng", folder="kinh-te"):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        item = api.content.create(
            container=portal["tin-tuc"][folder],
            type="News Item",
            id=id,
            title=title,
            news_source="UBND",
            news_author="Nguyễn Thị Hoa",
        )
        publish(item)
    transaction.commit()
    return item


def beacon(site_url, uid, user_agent=BROWSER_UA, method="POST", **kwargs):
    url = f"{site_url}/@@dakto-view"
    headers = {"User-Agent": user_agent} if user_agent is not None else {"User-Agent": ""}
    if method == "POST":
        return requests.post(url, data={"uid": uid}, headers=headers, timeout=60, **kwargs)
    return requests.get(url, params={"uid": uid}, headers=headers, timeout=60, **kwargs)
