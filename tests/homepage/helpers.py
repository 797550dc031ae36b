"""Content and users for the homepage tests (functional layer)."""

from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.namedfile.file import NamedBlobImage

from dakto.policy.homepage.demo import landscape
from dakto.policy.homepage.interfaces import NOTICE_PREFIX
from dakto.policy.homepage.interfaces import IUrgentNoticeSettings
from dakto.policy.presentation.maintenance import now_in_vietnam


PASSWORD = "mat-khau-thu-nghiem-2026"


def set_notice(heading="Cảnh báo lũ quét", message="Không qua ngầm tràn khi nước lên.", **times):
    """The notice with ``starts``/``ends`` given as hours from now (Viet Nam)."""
    registry = api.portal.get_tool("portal_registry")
    settings = registry.forInterface(IUrgentNoticeSettings, prefix=NOTICE_PREFIX)
    now = now_in_vietnam()
    settings.heading = heading
    settings.message = message
    settings.link = times.pop("link", None)
    for name in ("starts", "ends"):
        hours = times.get(name)
        setattr(settings, name, None if hours is None else now + timedelta(hours=hours))
    transaction.commit()


def user(login_name, *roles):
    if api.user.get(username=login_name) is None:
        api.user.create(username=login_name, email=f"{login_name}@example.org", password=PASSWORD)
    api.user.grant_roles(username=login_name, roles=list(roles))
    transaction.commit()
    return (login_name, PASSWORD)


def news_with_image(functional, id, title, effective, index=0, alt="Cánh đồng lúa chín"):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    obj = api.content.create(
        container=portal["tin-tuc"]["kinh-te"],
        type="News Item",
        id=id,
        title=title,
        description=f"Tóm tắt: {title}",
        safe_id=False,
    )
    obj.news_topics = ["kinh-te"]
    if index is not None:
        obj.image = NamedBlobImage(data=landscape(index), filename=f"{id}.jpg")
        obj.alt_text = alt
    from DateTime import DateTime

    obj.setEffectiveDate(DateTime(f"{effective} GMT+7"))
    api.content.transition(obj, to_state="published")
    obj.reindexObject()
    transaction.commit()
    return obj
