"""Headless Chromium (Debian's `chromium` + `chromium-driver`) driven by
Selenium, and axe-core (npm, `node_modules/`) injected into the pages."""

import json
import os
import shutil
import tempfile
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "var" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = (360, 800)
DESKTOP = (1280, 900)
ADMIN = ("admin", "admin")  # the served site's manager (`dakto start`)


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromedriver_binary():
    return shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    )


def missing_pieces():
    """What is missing to run the browser suite (empty when all is there)."""
    missing = []
    if not chromium_binary():
        missing.append("chromium (apt-get install chromium)")
    if not chromedriver_binary():
        missing.append("chromedriver (apt-get install chromium-driver)")
    if not AXE_JS.exists():
        missing.append("node_modules/axe-core (npm ci)")
    return missing


def start_chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="dakto-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--lang=vi",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver_binary()), options=options)
    driver.set_page_load_timeout(60)
    driver.dakto_profile = profile
    return driver


def stop_chromium(driver):
    try:
        driver.quit()
    finally:
        shutil.rmtree(getattr(driver, "dakto_profile", ""), ignore_errors=True)


def set_width(driver, size):
    """The viewport (not the window) becomes ``size``: CDP device metrics."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def log_in(driver, site, user=ADMIN, size=DESKTOP):
    """Log in as ``user`` (login, password) through the site's login form at
    the viewport ``size``, in a fresh session (the cookies go first); returns
    once the auth cookie is set. The button is clicked by script, whatever
    overlays it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    set_width(driver, size)
    driver.delete_all_cookies()
    driver.get(site + "/login")
    driver.find_element(By.NAME, "__ac_name").send_keys(user[0])
    driver.find_element(By.NAME, "__ac_password").send_keys(user[1])
    button = driver.find_element(By.NAME, "buttons.login")
    driver.execute_script("arguments[0].click()", button)
    WebDriverWait(driver, 30).until(lambda d: d.get_cookie("__ac"))


def element_png(driver, element):
    """A PNG of ``element`` as drawn in the emulated viewport of
    :func:`set_width` (Selenium's element screenshot clips it to the window)."""
    import base64

    box = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];",
        element,
    )
    x, y, width, height = box
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
        },
    )
    return base64.b64decode(shot["data"])


def run_axe(driver, within=None):
    """axe-core's WCAG 2.0/2.1 A and AA rules on the current page (or the part
    that the CSS selector ``within`` picks): violations."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(arguments[1] ? {include: [arguments[1]]} : document,
                {runOnly: {type: 'tag', values: arguments[0]},
                           resultTypes: ['violations']})
           .then(r => done(JSON.stringify(r.violations)))
           .catch(e => done(JSON.stringify({error: String(e)})));
        """,
        WCAG_TAGS,
        within,
    )
    violations = json.loads(result)
    if isinstance(violations, dict):
        raise AssertionError(f"axe-core failed: {violations['error']}")
    return violations


def describe(violations):
    """The violations as lines a person can act on."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{', '.join(t for t in violation['tags'] if t.startswith('wcag'))}]"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"       {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def screenshot(driver, path, size):
    """A full-page PNG of the current page at ``size``'s width."""
    import base64

    width = size[0]
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
    )
    set_width(driver, (width, min(int(height), 12000)))
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    set_width(driver, size)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(data))
    return path
