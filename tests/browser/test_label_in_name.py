"""WCAG 2.1, 2.5.3 Label in Name (Level A): for a control whose label is text,
the name a screen reader or a voice-control user says contains the text
shown. The reading tools show "A−", "A", "A+": their accessible names (as
Chromium computes them) begin with that text and go on with the words that
say what each button does."""

import pytest

from tests.browser import chromium


TEXT_SIZE_BUTTONS = (
    ("down", "A−", "Giảm cỡ chữ"),
    ("reset", "A", "Cỡ chữ mặc định"),
    ("up", "A+", "Tăng cỡ chữ"),
)


@pytest.mark.parametrize(("step", "shown", "words"), TEXT_SIZE_BUTTONS)
def test_text_size_button_name_contains_its_visible_text(site, browser, step, shown, words):
    chromium.set_width(browser, chromium.PHONE)
    browser.get(site)
    button = browser.find_element("css selector", f"[data-dakto-textsize='{step}']")
    assert button.is_displayed()
    # What a sighted user sees: the button's text without its visually
    # hidden part, which takes no room on the screen.
    seen, hidden_width = browser.execute_script(
        """
        const copy = arguments[0].cloneNode(true);
        copy.querySelectorAll('.visually-hidden').forEach(e => e.remove());
        const hidden = arguments[0].querySelector('.visually-hidden');
        return [copy.textContent.trim(), hidden ? hidden.getBoundingClientRect().width : 0];
        """,
        button,
    )
    assert seen == shown
    assert hidden_width <= 1
    name = button.accessible_name
    assert name.startswith(shown), name
    assert words in name, name
    assert button.get_attribute("aria-label") is None  # no name that hides the text
