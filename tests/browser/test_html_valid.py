"""Issue 16: the Nu HTML Checker (vnu-jar from npm, run with Java) finds no
error in the HTML the portal serves to a visitor, on one page of every public
type: one java call for all of them. Warnings are allowed (most are the
trailing slash Plone's templates write on void elements); they are written
to var/html-check/warnings.txt."""

import json
import os
import shutil
import subprocess
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit

import pytest

from tests.browser import chromium
from tests.servers import http_get


VNU_JAR = chromium.REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REPORT = chromium.REPO / "var" / "html-check"

# (name, path under the site, expected status): every public page type.
PAGES = (
    ("homepage", "", 200),
    ("news listing", "/tin-tuc", 200),
    ("news article", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026", 200),
    ("legal document lookup", "/van-ban?SearchableText=quy+che", 200),
    ("legal document", "/van-ban/qd-33-2024-quy-che-trang-thong-tin-dien-tu", 200),
    ("procedure lookup", "/thu-tuc-hanh-chinh?SearchableText=khai+sinh", 200),
    ("procedure", "/thu-tuc-hanh-chinh/dang-ky-khai-sinh", 200),
    ("feedback form", "/phan-anh-kien-nghi/@@gui-phan-anh", 200),
    ("feedback follow-up", "/@@tra-cuu-phan-anh", 200),
    ("feedback follow-up, unknown code", "/@@tra-cuu-phan-anh?code=PA-2222-2222", 404),
    ("questions and answers", "/phan-anh-kien-nghi/hoi-dap", 200),
    ("drafts for comment", "/du-thao", 200),
    ("draft", "/du-thao/du-thao-quy-che-quan-ly-trat-tu-xay-dung", 200),
    ("search results", "/@@search?SearchableText=Đắk+Tô", 200),
    ("contact", "/contact-info", 200),
    ("not found", "/khong-co-trang-nay", 404),
    ("accessibility statement", "/tuyen-bo-kha-nang-tiep-can", 200),
    (
        "access to information form",
        "/thong-tin-cong-khai/tiep-can-thong-tin/@@yeu-cau-cung-cap-thong-tin",
        200,
    ),
    ("site map", "/sitemap", 200),
    ("dossier lookup", "/@@tra-cuu-ho-so", 200),
    ("work schedule", "/tin-tuc/chi-dao-dieu-hanh/lich-cong-tac", 200),
    ("English page", "/en", 200),
    ("print view", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026?print=1", 200),
)


def _require_vnu():
    missing = []
    if not shutil.which("java"):
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append("node_modules/vnu-jar (npm ci)")
    if missing:
        reason = "the HTML check needs " + ", ".join(missing) + " (scripts/install-browser.sh)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


def run_vnu(files):
    """vnu's messages (its JSON format) on ``files``, in one java call."""
    done = subprocess.run(
        [
            "java",
            "-Xss8m",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["messages"]


def describe(message, names):
    where = names.get(unquote(urlsplit(message.get("url", "")).path), message.get("url", "?"))
    line = message.get("lastLine", "?")
    extract = (message.get("extract") or "").replace("\n", " ")[:160]
    return f"{where} (line {line}): {message['message']}\n    {extract}"


def test_no_html_errors_on_public_pages(site, tmp_path):
    _require_vnu()
    files, names, wrong = [], {}, []
    for index, (name, path, expected) in enumerate(PAGES):
        status, body = http_get(site + quote(path, safe="/?=&+@"), headers={"Accept": "text/html"})
        if status != expected:
            wrong.append(f"{name} ({path or '/'}): HTTP {status}, expected {expected}")
            continue
        assert "<html" in body[:2000].lower(), (name, body[:300])
        target = tmp_path / f"{index:02d}.html"
        target.write_text(body, encoding="utf-8")
        files.append(target)
        names[str(target)] = f"{name} ({path or '/'})"
    assert not wrong, "\n".join(wrong)

    messages = run_vnu(files)
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m not in errors]
    REPORT.mkdir(parents=True, exist_ok=True)
    listed = "\n".join(describe(m, names) for m in warnings)
    (REPORT / "warnings.txt").write_text(listed + "\n", encoding="utf-8")
    print(f"Nu HTML Checker: {len(warnings)} warning(s), in {REPORT / 'warnings.txt'}")
    assert len(files) == len(PAGES)
    assert not errors, f"Nu HTML Checker: {len(errors)} error(s)\n" + "\n".join(
        describe(m, names) for m in errors
    )


def test_the_checker_finds_errors(tmp_path):
    """The check can fail: vnu reports the markup issue 16 started from."""
    _require_vnu()
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "<title>t</title></head><body>"
        '<input id="a" type="checkbox"><label for="a" role="button" aria-label="x"></label>'
        '<a href="/" icon="plone-login">x</a><time>20/11/2026</time></body></html>',
        encoding="utf-8",
    )
    errors = [m["message"] for m in run_vnu([page]) if m["type"] == "error"]
    assert len(errors) >= 4, errors
