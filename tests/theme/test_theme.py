"""dakto.theme: the Diazo theme is applied and carries the identity header."""

import pytest
from plone.testing.zope import Browser


@pytest.fixture
def anonymous(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


def test_front_page_is_themed(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    html = anonymous.contents
    assert 'id="dakto-banner"' in html
    assert "++theme++dakto/css/dakto.css" in html
    assert 'class="dakto-body-name">Ủy ban nhân dân xã Đắk Tô<' in html


def test_page_language_and_national_line_in_vietnamese(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    html = anonymous.contents
    assert 'lang="vi"' in html
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Độc lập – Tự do – Hạnh phúc" in html


def test_theme_resources_served(functional, anonymous):
    url = functional["portal"].absolute_url()
    for path in (
        "/++theme++dakto/rules.xml",
        "/++theme++dakto/css/dakto.css",
        "/++theme++dakto/index.html",
    ):
        anonymous.open(url + path)
        assert anonymous.headers["status"].startswith("200")


def test_loopback_host_is_themed_too(portal):
    from plone import api

    record = "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist"
    assert "127.0.0.1" not in api.portal.get_registry_record(record)
