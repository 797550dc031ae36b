"""Issue 17 point 7, read-aloud: the browser's own Vietnamese voice reads
articles, procedures and the Q&A (Web Speech API); the button is absent
where the device has no Vietnamese voice; nothing is sent to a server; it
is keyboard accessible, labelled in Vietnamese, and axe-core finds nothing
at phone and desktop widths. Real headless Chromium, which has no voices of
its own: a stand-in for ``speechSynthesis`` with a Vietnamese voice is put
into the page before its scripts run when the test needs one."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium


NEWS_ITEM = "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"
PROCEDURE = "/thu-tuc-hanh-chinh/dang-ky-khai-sinh"
QA = "/phan-anh-kien-nghi/hoi-dap"
BOX = "[data-dakto-read-aloud]"
PLAY = "[data-dakto-read-aloud-play]"
STOP = "[data-dakto-read-aloud-stop]"
STATUS = "[data-dakto-read-aloud-status]"
WIDTHS = [(390, 844), (1366, 768)]

# A device's speech engine as the page sees it: voices (a Vietnamese one
# unless VOICES says otherwise, possibly only after a moment), and every
# utterance recorded instead of spoken; the test ends them one by one.
FAKE_SPEECH = """
(function () {
  var config = window.__daktoSpeechConfig || {};
  var listeners = [];
  var voices = [];
  var wanted = %(voices)s;
  var speech = {
    spoken: [], calls: [], current: null, paused: false, speaking: false,
    getVoices: function () { return voices.slice(); },
    speak: function (u) {
      this.calls.push("speak"); this.spoken.push({text: u.text, lang: u.lang,
        voice: u.voice && u.voice.name}); this.current = u; this.speaking = true;
    },
    pause: function () { this.calls.push("pause"); this.paused = true; },
    resume: function () { this.calls.push("resume"); this.paused = false; },
    cancel: function () {  // as Chromium: the part being read ends with an error
      this.calls.push("cancel"); var u = this.current; this.current = null;
      this.speaking = false; if (u && u.onerror) { u.onerror({error: "interrupted"}); }
    },
    addEventListener: function (name, fn) { if (name === "voiceschanged") { listeners.push(fn); } },
    removeEventListener: function () {},
    finish: function () {
      var u = this.current; this.current = null; this.speaking = false;
      if (u && u.onend) { u.onend({}); }
    }
  };
  function Utterance(text) { this.text = text; this.lang = ""; this.voice = null; }
  Object.defineProperty(window, "speechSynthesis", {value: speech, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
  window.__daktoSpeech = speech;
  function arrive() { voices = wanted; listeners.forEach(function (fn) { fn({}); }); }
  if (%(late)s) { setTimeout(arrive, 400); } else { voices = wanted; }
})();
"""
VIETNAMESE = (
    '[{"name": "Giọng Việt (thử)", "lang": "vi-VN", "localService": true, "default": false}]'
)
ENGLISH = '[{"name": "English (test)", "lang": "en-US", "localService": true, "default": true}]'
NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});
Object.defineProperty(window, "SpeechSynthesisUtterance", {value: undefined, configurable: true});
"""


class injected:
    """A script run in every page opened while the block lasts (CDP)."""

    def __init__(self, browser, source):
        self.browser, self.source = browser, source

    def __enter__(self):
        self.id = self.browser.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": self.source}
        )["identifier"]
        return self

    def __exit__(self, *exc):
        self.browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.id}
        )


def fake(voices=VIETNAMESE, late=False):
    return FAKE_SPEECH % {"voices": voices, "late": "true" if late else "false"}


def anonymous(browser, site, path):
    browser.get(site)
    browser.delete_all_cookies()
    browser.get(site + path)
    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.readyState") == "complete"
    )


def box(browser):
    return browser.find_element(By.CSS_SELECTOR, BOX)


def test_no_vietnamese_voice_no_button(site, browser):
    """The device's own voices (headless Chromium: none), then an English one
    only, then no speech synthesis at all: the controls stay absent."""
    chromium.set_width(browser, chromium.DESKTOP)
    anonymous(browser, site, NEWS_ITEM)
    has_vietnamese = browser.execute_script(
        "return !!(window.speechSynthesis && speechSynthesis.getVoices()"
        ".some(function (v) { return /^vi/i.test(v.lang); }))"
    )
    assert box(browser).is_displayed() is has_vietnamese
    with injected(browser, fake(ENGLISH)):
        anonymous(browser, site, NEWS_ITEM)
        assert not box(browser).is_displayed()
    with injected(browser, NO_SPEECH):
        anonymous(browser, site, NEWS_ITEM)
        assert not box(browser).is_displayed()


@pytest.mark.parametrize("path", [NEWS_ITEM, PROCEDURE, QA], ids=["news", "procedure", "qa"])
def test_a_vietnamese_voice_shows_the_button_in_vietnamese(site, browser, path):
    chromium.set_width(browser, chromium.DESKTOP)
    with injected(browser, fake()):
        anonymous(browser, site, path)
        WebDriverWait(browser, 10).until(lambda b: box(b).is_displayed())
        play = browser.find_element(By.CSS_SELECTOR, PLAY)
        assert play.text == "Nghe đọc"
        assert box(browser).get_attribute("aria-label") == "Nghe đọc nội dung trang này"
        assert not browser.find_element(By.CSS_SELECTOR, STOP).is_enabled()


def test_voices_that_arrive_late_show_the_button(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    with injected(browser, fake(late=True)):
        anonymous(browser, site, NEWS_ITEM)
        assert not box(browser).is_displayed()  # no voice yet
        WebDriverWait(browser, 10).until(lambda b: box(b).is_displayed())


def test_reads_the_article_by_keyboard_pauses_resumes_stops_and_sends_nothing(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    with injected(browser, fake()):
        anonymous(browser, site, NEWS_ITEM)
        WebDriverWait(browser, 10).until(lambda b: box(b).is_displayed())
        title = browser.find_element(By.CSS_SELECTOR, "#content h1, h1").text
        requests_before = browser.execute_script(
            "return performance.getEntriesByType('resource').length"
        )
        play = browser.find_element(By.CSS_SELECTOR, PLAY)
        stop = browser.find_element(By.CSS_SELECTOR, STOP)
        status = browser.find_element(By.CSS_SELECTOR, STATUS)
        browser.execute_script("arguments[0].focus()", play)
        play.send_keys(Keys.ENTER)
        speech = "return window.__daktoSpeech"
        spoken = browser.execute_script(speech + ".spoken")
        assert len(spoken) == 1
        assert spoken[0]["text"].startswith(title[:40])  # the title first
        assert spoken[0]["lang"] == "vi-VN" and spoken[0]["voice"] == "Giọng Việt (thử)"
        assert play.text == "Tạm dừng" and stop.is_enabled()
        assert status.get_attribute("textContent") == "Đang đọc…"
        for _ in range(3):  # the text follows, part by part
            browser.execute_script("window.__daktoSpeech.finish()")
        spoken = browser.execute_script(speech + ".spoken")
        assert len(spoken) == 4
        assert all(0 < len(s["text"]) <= 260 for s in spoken)
        assert "Nghe đọc" not in " ".join(s["text"] for s in spoken)  # not the controls
        play.send_keys(Keys.SPACE)
        assert play.text == "Đọc tiếp"
        assert status.get_attribute("textContent") == "Đã tạm dừng"
        assert browser.execute_script(speech + ".paused") is True
        play.send_keys(Keys.ENTER)
        assert play.text == "Tạm dừng"
        assert browser.execute_script(speech + ".paused") is False
        browser.execute_script("arguments[0].focus()", stop)
        stop.send_keys(Keys.ENTER)
        assert play.text == "Nghe đọc" and not stop.is_enabled()
        assert status.get_attribute("textContent") == "Đã dừng đọc"
        assert browser.execute_script("return document.activeElement") == play
        assert len(browser.execute_script(speech + ".spoken")) == 4  # nothing more read
        # read to the end
        play.send_keys(Keys.ENTER)
        for _ in range(500):
            if play.text == "Nghe đọc":
                break
            browser.execute_script("window.__daktoSpeech.finish()")
        assert status.get_attribute("textContent") == "Đã đọc xong"
        requests_after = browser.execute_script(
            "return performance.getEntriesByType('resource').length"
        )
        assert requests_after == requests_before  # nothing sent anywhere


@pytest.mark.parametrize("width", WIDTHS, ids=["390", "1366"])
def test_no_wcag_violations_with_the_button(site, browser, width):
    chromium.set_width(browser, width)
    failures = []
    with injected(browser, fake()):
        for path in (NEWS_ITEM, PROCEDURE, QA):
            anonymous(browser, site, path)
            WebDriverWait(browser, 10).until(lambda b: box(b).is_displayed())
            violations = chromium.run_axe(browser)
            if violations:
                failures.append(f"{path} at {width[0]} px:\n{chromium.describe(violations)}")
    assert not failures, "\n\n".join(failures)
