"""Issue 16: an anonymous visitor loads no Plone bundle (no Bootstrap), yet the
phone menu opens and closes (dakto.js), and a logged-in user's page still
runs Plone's patterns."""

from selenium.common.exceptions import ElementNotInteractableException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium


PHONE = (360, 800)


def test_phone_menu_without_plone_bundle(site, browser):
    chromium.set_width(browser, PHONE)
    browser.get(site)
    browser.delete_all_cookies()  # the site's own: anonymous from here on
    browser.get(site)
    # dakto.js marks the page when its handlers are on: a click before that
    # (a slow machine) would be lost.
    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.documentElement.classList.contains('dakto-js')")
    )
    assert not browser.find_elements(By.CSS_SELECTOR, 'script[data-bundle="plone"]')
    panel = browser.find_element(By.ID, "offcanvasNavbar")
    toggler = browser.find_element(By.CSS_SELECTOR, ".navbar-toggler")
    assert not panel.is_displayed()
    assert toggler.get_attribute("aria-expanded") == "false"
    toggler.click()
    WebDriverWait(browser, 10).until(lambda b: panel.is_displayed())
    assert toggler.get_attribute("aria-expanded") == "true"
    # The panel slides in: Selenium counts it shown from its first pixels on
    # screen, the menu inside it once it has arrived.
    nav = browser.find_element(By.ID, "portal-globalnav")
    WebDriverWait(browser, 10).until(lambda b: nav.is_displayed())
    panel.send_keys(Keys.ESCAPE)
    WebDriverWait(browser, 10).until(lambda b: not panel.is_displayed())
    assert toggler.get_attribute("aria-expanded") == "false"
    toggler.click()
    WebDriverWait(browser, 10).until(lambda b: panel.is_displayed())
    close = panel.find_element(By.CSS_SELECTOR, "[data-bs-dismiss='offcanvas']")
    # the panel slides in: its close button takes a click once it is on screen
    WebDriverWait(browser, 10, ignored_exceptions=[ElementNotInteractableException]).until(
        lambda b: close.click() or True
    )
    WebDriverWait(browser, 10).until(lambda b: not panel.is_displayed())
