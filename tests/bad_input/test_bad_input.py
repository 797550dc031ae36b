"""Bad input, tried (issue 8.6): malformed, oversized and hostile input thrown
at every public form, the search, the lookup pages and every public and
authenticated REST endpoint of the portal.

Every case asserts: a 4xx with a reason (``{"error": {"type", "message"}}``)
from REST, or a page (200 with the form's message, or a 4xx) from HTML; never
a 5xx, never a traceback in the body, an injected tag never raw in an HTML
answer, and nothing stored (the catalog and every store counted before and
after). One class shares one functional site (the content is created once).
"""

import json
import unicodedata
from datetime import timedelta
from urllib.parse import quote
from urllib.parse import urlencode

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile

from dakto.policy.antispam import RateLimiter
from dakto.policy.security.lockout import COUNTERS


# Payloads ----------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RAW_MARKUP = ("<script>alert(1)", "<img src=x onerror")  # never raw in an HTML answer

TEXT = {
    "script": SCRIPT,
    "img": IMG,
    "traversal": "../../etc/passwd",
    "traversal-encoded": "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "traversal-backslash": "..%5c..%5cwindows%5cwin.ini",
    "nul": "Nguy\x00ễn",
    "rtl-override": "ho-so\u202etxt.exe",
    "combining-10000": "a" + "\u0301" * 10000,
    "emoji": "😀🇻🇳👨‍👩‍👧",
    "nfd": unicodedata.normalize("NFD", "Đắk Tô Hùng Vương"),
    "overlong-100k": "x" * 100_000,
}
DATES = ("2026-13-45", "0000-00-00", "9999-99-99", "2026-02-30", "abc", "2026-1", SCRIPT)
MONTHS = ("2026-13", "0000-00", "9999-99", "abc", "2026-1-1", "2026-02-30", SCRIPT)

DEEP = b"[" * 10_000 + b"]" * 10_000
BODIES = {
    "broken": b'{"a":',
    "empty": b"",
    "list": b"[1, 2, 3]",
    "number": b"42",
    "null": b"null",
    "string": b'"text"',
    "deep-10000": DEEP,
    "deep-in-field": b'{"name": ' + DEEP + b"}",
    "huge-2mb": json.dumps({"name": "x" * 2_000_000, "text": "y"}).encode(),
    "lone-surrogate": b'{"name": "\\ud800", "text": "\\udfff", "genre": "\\ud800"}',
    "invalid-utf8": b'{"name": "\xff\xfe\xfd"}',
    "wrong-types": json.dumps(
        {
            "name": 5,
            "email": ["a@example.vn"],
            "text": {"x": 1},
            "content": 3.5,
            "subject": None,
            "consent": "comment_draft",
            "genre": ["tin"],
            "coefficient": {"v": 1},
            "payee": 12,
            "state": ["approved"],
            "note": 7,
            "attachments": "not-a-list",
            "topic": 1,
        }
    ).encode(),
    "nul-key": b'{"\\u0000": "x", "name": "\\u0000"}',
}

# What was tried: every case adds one line here; printed at the end.
TRIED = {}


def case(group, *values):
    """pytest.param ids ``group-…``; counted per group."""
    TRIED[group] = TRIED.get(group, 0) + 1
    return pytest.param(*values, id="-".join([group, *(str(v)[:40] for v in values)]))


@pytest.fixture(scope="session", autouse=True)
def _summary():
    yield
    total = sum(TRIED.values())
    lines = ", ".join(f"{k}: {v}" for k, v in sorted(TRIED.items()))
    print(f"\nbad input: {total} cases defined ({lines})")


# The site ----------------------------------------------------------------------


def _find(portal, id_):
    brains = api.content.find(context=portal, id=id_, unrestricted=True)
    return brains[0]._unrestrictedGetObject() if brains else None


@pytest.fixture(scope="class")
def site(functional_class, functional_portal_class):
    """Content every case needs, created once: an open draft with one comment,
    a published article, the sections and forms' paths."""
    from dakto.policy.consultation import comments as store
    from dakto.policy.consultation.period import today
    from dakto.policy.workflow.names import PUBLISHED

    portal = functional_portal_class
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        day = today()
        draft = api.content.create(
            container=portal["du-thao"], type="DraftDocument", id="du-thao-bad", title="Dự thảo"
        )
        draft.drafting_body = "Văn phòng UBND thị trấn"
        draft.draft_file = NamedBlobFile(
            data=b"%PDF-1.4 du thao", contentType="application/pdf", filename="d.pdf"
        )
        draft.comment_opens = day - timedelta(days=2)
        draft.comment_closes = day + timedelta(days=10)
        api.content.transition(draft, to_state="published")
        draft.reindexObject()
        comment = store.add(
            draft,
            {
                "name": "Trần Văn Bình",
                "email": "binh@example.vn",
                "organisation": "",
                "article": "",
                "text": "Góp ý hợp lệ.",
            },
            None,
        )
        article = api.content.create(
            container=portal["tin-tuc"]["kinh-te"],
            type="News Item",
            id="bai-bad",
            title="Bài viết",
            news_source="UBND thị trấn",
            news_author="Nguyễn Văn A",
        )
        api.content.transition(obj=article, to_state=PUBLISHED)
    transaction.commit()
    url = portal.absolute_url()
    paths = {
        "draft": "du-thao/du-thao-bad",
        "article": "tin-tuc/kinh-te/bai-bad",
        "schedule": "/".join(_find(portal, "lich-cong-tac").getPhysicalPath()[2:]),
        "register": "so-tiep-nhan",
        "contact": "lien-he/gui-thu-lien-he",
    }
    return {
        "portal": portal,
        "url": url,
        "paths": paths,
        "draft": draft,
        "comment": comment.id,
        "article": article,
    }


def snapshot(site):
    """What a refused request must not change."""
    from collective.easyform.api import get_actions

    from dakto.policy.consultation import comments as store
    from dakto.policy.dossier import store as dossiers
    from dakto.policy.royalties.records import get_record

    transaction.begin()  # see what the server's threads committed
    portal = site["portal"]
    draft = site["draft"]
    contact = portal.unrestrictedTraverse(site["paths"]["contact"])
    return {
        "catalog": len(portal.portal_catalog.unrestrictedSearchResults()),
        "comments": [(c.id, c.state, c.name, c.text) for c in store.comments(draft, states=None)],
        "comments_received": draft.comments_received,
        "dossiers": dossiers.count(portal),
        "royalty": get_record(site["article"]),
        "article_state": api.content.get_state(site["article"]),
        "contact_rows": len(get_actions(contact)["saved_data"].getSavedFormInput()),
    }


@pytest.fixture(autouse=True)
def _fresh_counters():
    RateLimiter.reset_all()
    COUNTERS._failures.clear()
    yield
    RateLimiter.reset_all()
    COUNTERS._failures.clear()


def send(site, method, path, auth=False, **kwargs):
    url = path if path.startswith("http") else f"{site['url']}/{path}"
    headers = kwargs.pop("headers", {})
    if auth:
        kwargs["auth"] = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    return requests.request(method, url, headers=headers, timeout=120, **kwargs)


def no_traceback(response):
    assert response.status_code < 500, (response.status_code, response.text[:2000])
    assert "Traceback" not in response.text, response.text[:2000]


def rest_refused(response, statuses=(400,)):
    no_traceback(response)
    assert response.status_code in statuses, (response.status_code, response.text[:1000])
    if response.status_code in (401, 403, 404, 405) and "error" not in response.text:
        return
    body = response.json()
    error = body.get("error", body)  # ours, or plone.restapi's {"type", "message"}
    assert error.get("type") and error.get("message"), error


def html_safe(response):
    no_traceback(response)
    for raw in RAW_MARKUP:
        assert raw not in response.text, f"raw markup in the answer: {raw}"


def rest_query(site, service, param, value):
    """GET a REST service with ``param=value``; a period's other end is valid."""
    query = {param: value}
    if param in ("start", "end"):
        query = {"start": "2026-01-01", "end": "2026-06-30", param: value}
    return send(
        site,
        "GET",
        f"{_path(site, service)}?{urlencode(query)}",
        auth=True,
        headers={"Accept": "application/json"},
    )


def json_post(site, method, path, body, auth=False):
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    return send(site, method, path, auth=auth, data=body, headers=headers)


# Valid-looking bodies made invalid on purpose (no consent, bad coefficient):
FEEDBACK = {
    "name": "Nguyễn Thị Hoa",
    "phone": "0905 123 456",
    "email": "hoa@example.vn",
    "address": "Tổ dân phố 3",
    "topic": "giao-thong",
    "subject": "Đèn đường hỏng",
    "content": "Đường Hùng Vương mất đèn ba tuần nay.",
}
COMMENT = {
    "name": "Trần Văn Bình",
    "email": "binh@example.vn",
    "organisation": "HTX",
    "article": "Điều 2",
    "text": "Đề nghị bổ sung.",
}
ROYALTY = {"genre": "tin", "coefficient": "1.5", "payee": "Nguyễn Văn A", "unit": "Văn phòng"}

JSON_ENDPOINTS = {
    # name: (method, path, auth, accepted statuses)
    "feedback": ("POST", "@feedback", False, (400, 413)),
    "draft-comments": ("POST", "{draft}/@draft-comments", False, (400, 413)),
    "royalty": ("POST", "{article}/@royalty", True, (400,)),
    "dossier-import": ("POST", "@dossier-import", True, (400,)),
    "moderate": ("PATCH", "{draft}/@draft-comments/{comment}", True, (400,)),
    "login": ("POST", "@login", False, (400, 401)),
    "workflow": ("POST", "{article}/@workflow/nonexistent", True, (400, 404)),
}


def _path(site, template):
    return template.format(**site["paths"], comment=site["comment"])


QUERIES = [
    ("van-ban/@legal-documents", "type", True),
    ("van-ban/@legal-documents", "year", True),
    ("van-ban/@legal-documents", "status", True),
    ("van-ban/@legal-documents", "sort_on", True),
    ("van-ban/@legal-documents", "b_size", True),
    ("van-ban/@legal-documents", "b_start", True),
    ("van-ban/@legal-documents", "SearchableText", False),
    ("thu-tuc-hanh-chinh/@procedures", "procedure_field", True),
    ("thu-tuc-hanh-chinh/@procedures", "procedure_level", True),
    ("thu-tuc-hanh-chinh/@procedures", "SearchableText", False),
    ("@royalty-statement", "month", True),
    ("@editorial-quota", "month", True),
    ("{register}/@intake-register", "month", True),
    ("{register}/@intake-register", "channel", True),
    ("{register}/@intake-register", "status", True),
    ("@activity-report", "start", True),
    ("@contribution-ranking", "end", True),
    ("{draft}/@draft-comments-export", "format", True),
    ("@search", "SearchableText", False),
    ("gioi-thieu/@organisation", "x", False),
]

DATE_SERVICES = (
    ("@activity-report", "start"),
    ("@activity-report", "end"),
    ("@contribution-ranking", "start"),
    ("@royalty-statement", "month"),
    ("@editorial-quota", "month"),
    ("{register}/@intake-register", "month"),
)

REPEATED = (
    "@royalty-statement?month=2026-01&month=2026-02",
    "@royalty-statement?month:list=2026-01",
    "@royalty-statement?month:record=1",
    "@editorial-quota?month=2026-01&month=2026-02",
    "@editorial-quota?month:list=2026-01&month:list=",
    "@activity-report?start=2026-01-01&start=2026-02-01&end=2026-06-30",
    "@activity-report?start:list=2026-01-01&end:list=2026-06-30",
    "@contribution-ranking?start:int=5&end=2026-06-30",
    "{register}/@intake-register?month=2026-01&month=2026-02",
    "{register}/@intake-register?channel:list=a&channel:list=b",
    "van-ban/@legal-documents?type=a&type=b&year=2026&year=2025",
    "van-ban/@legal-documents?b_size:list=10&b_start:list=0",
    "van-ban/@legal-documents?year:int=2026&b_size:int=0",
    "thu-tuc-hanh-chinh/@procedures?procedure_field:list=x&procedure_level:list=y",
    "@feedback-status?code=A&code=B",
    "@feedback-status?code:list=A",
    "@dossier?code:list=A&code:list=B",
    "{draft}/@draft-comments-export?format=csv&format=ods",
    "{draft}/@draft-comments-export?format:list=csv",
    "@search?SearchableText:list=a&sort_on=a&sort_on=b",
    "@search?sort_on=nonexistent_index&b_size=-5",
    "@search?b_start=-1",
    "@search?b_size=abc&SearchableText=%2A",
    "@search?SearchableText=and%20or%20not",
    "@royalty-statement?month:date=abc",
    "@editorial-quota?month:int=abc",
    "van-ban/@legal-documents?b_size:float=abc",
    "@activity-report?start:date=2026-13-45&end=2026-06-30",
    "@feedback-status?code:boolean=x&code:tokens=a%20b",
    "@@search?SearchableText:list=a&SearchableText:list=b",
    "@@search?created.query:record:list:date=abc&created.range:record=min",
    "van-ban/@@legal-document-lookup?year:list=2026&year:list=abc",
    "@@tra-cuu-ho-so?code:list=A&code:list=B",
    "@@tra-cuu-phan-anh?code:record=A",
)

PAGES = (
    ("@@search", "SearchableText", False),
    ("@@search", "sort_on", False),
    ("@@search", "created.query:record:list:date", False),
    ("van-ban/@@legal-document-lookup", "SearchableText", False),
    ("van-ban/@@legal-document-lookup", "year", False),
    ("van-ban/@@legal-document-lookup", "type", False),
    ("thu-tuc-hanh-chinh/@@procedure-lookup", "SearchableText", False),
    ("thu-tuc-hanh-chinh/@@procedure-lookup", "procedure_field", False),
    ("@@tra-cuu-phan-anh", "code", False),
    ("@@tra-cuu-ho-so", "code", False),
    ("{schedule}/@@work-schedule", "week", False),
    ("tin-tuc/@@news-listing", "b_start", False),
    ("@@activity-report", "start", True),
    ("@@royalty-statement", "month", True),
    ("@@editorial-quota", "month", True),
    ("{register}/@@intake-register", "month", True),
    ("{register}/@@intake-register", "channel", True),
)

FORMS = {
    # name: (path, fields of a submission that is refused (no consent))
    "gui-phan-anh": (
        "phan-anh-kien-nghi/@@gui-phan-anh",
        dict(FEEDBACK, **{"form.submitted": "1"}),
    ),
    "draft-comment": ("{draft}/@@draft-comment", dict(COMMENT, **{"form.submitted": "1"})),
    "lien-he": (
        "{contact}",
        {
            "form.widgets.ho_ten": "Phạm Thị Lan",
            "form.widgets.email": "lan@example.vn",
            "form.widgets.dien_thoai": "0260 3831 234",
            "form.widgets.tieu_de": "Hỏi giờ làm việc",
            "form.widgets.noi_dung": "Xin cho biết giờ làm việc.",
            "form.buttons.submit": "Gửi",
        },
    ),
}

MULTIPART = {
    "wrong-boundary": (
        "multipart/form-data; boundary=AAA",
        b'--BBB\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--BBB--\r\n',
    ),
    "truncated": (
        "multipart/form-data; boundary=AAA",
        b'--AAA\r\nContent-Disposition: form-data; name="name"\r\n\r\nNguy',
    ),
    "file-without-filename": (
        "multipart/form-data; boundary=AAA",
        b'--AAA\r\nContent-Disposition: form-data; name="attachment_1"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n"
        b'--AAA\r\nContent-Disposition: form-data; name="form.submitted"\r\n\r\n1\r\n'
        b"--AAA--\r\n",
    ),
    "no-boundary": ("multipart/form-data", b"garbage"),
    "empty-filename-exe": (
        "multipart/form-data; boundary=AAA",
        b'--AAA\r\nContent-Disposition: form-data; name="attachment_1"; filename=""\r\n'
        b"Content-Type: application/x-msdownload\r\n\r\nMZ\x90\x00\r\n"
        b'--AAA\r\nContent-Disposition: form-data; name="form.submitted"\r\n\r\n1\r\n'
        b"--AAA--\r\n",
    ),
    "traversal-filename": (
        "multipart/form-data; boundary=AAA",
        b'--AAA\r\nContent-Disposition: form-data; name="attachment_1"; '
        b'filename="../../etc/passwd"\r\n'
        b"Content-Type: text/plain\r\n\r\nroot:x:0:0\r\n"
        b'--AAA\r\nContent-Disposition: form-data; name="form.submitted"\r\n\r\n1\r\n'
        b"--AAA--\r\n",
    ),
    "garbage-binary": ("multipart/form-data; boundary=AAA", bytes(range(256)) * 64),
}

TRAVERSALS = (
    "van-ban/%2e%2e/%2e%2e/etc/passwd",
    "van-ban/..%2f..%2fetc%2fpasswd",
    "van-ban/..%5c..%5cwindows",
    "phan-anh-kien-nghi/%2e%2e%2f%2e%2e%2f",
    "phan-anh-kien-nghi/@@feedback-attachment/..%2f..%2fData.fs",
    "{draft}/@@download/..%2f..%2fetc%2fpasswd",
    "%00",
    "++resource++..%2f..%2fetc%2fpasswd",
    "@@tra-cuu-ho-so/..%2f..%2f",
    "@dossier/..%2F..%2Fetc%2Fpasswd",
)


# Common, personal, local and patterned passwords (issue 21.6), and hostile ones.
GUESSABLE_PASSWORDS = (
    "matkhau@2026",
    "123456a@abc",
    "password1234",
    "qwertyuiop123",
    "DoThiHang1990",  # the full name
    "dakto.quangngai",  # the site's domain
    "Đắk Tô 2026!",
    "x" * 100_000,
    "\x00" * 12,
    "😀" * 12,
)


class TestBadInput:
    # REST: broken, huge and wrongly typed JSON bodies -------------------------

    @pytest.mark.parametrize(
        "endpoint,kind",
        [case("json-body", e, k) for e in JSON_ENDPOINTS for k in BODIES],
    )
    def test_json_bodies_are_refused(self, site, endpoint, kind):
        method, path, auth, statuses = JSON_ENDPOINTS[endpoint]
        before = snapshot(site)
        response = json_post(site, method, _path(site, path), BODIES[kind], auth=auth)
        rest_refused(response, statuses)
        assert snapshot(site) == before

    # REST: hostile text in every field of an otherwise refused body ----------

    @pytest.mark.parametrize(
        "field,kind",
        [case("feedback-field", f, k) for f in FEEDBACK for k in TEXT],
    )
    def test_feedback_fields(self, site, field, kind):
        body = dict(FEEDBACK, **{field: TEXT[kind]})  # no consent: always refused
        before = snapshot(site)
        response = json_post(site, "POST", "@feedback", json.dumps(body))
        rest_refused(response, (400, 413))
        assert snapshot(site) == before

    @pytest.mark.parametrize(
        "field,kind",
        [case("comment-field", f, k) for f in COMMENT for k in TEXT],
    )
    def test_draft_comment_fields(self, site, field, kind):
        body = dict(COMMENT, **{field: TEXT[kind]})  # no consent
        before = snapshot(site)
        response = json_post(site, "POST", _path(site, "{draft}/@draft-comments"), json.dumps(body))
        rest_refused(response, (400, 413))
        assert snapshot(site) == before

    @pytest.mark.parametrize(
        "field,kind",
        [case("royalty-field", f, k) for f in ROYALTY for k in TEXT],
    )
    def test_royalty_fields(self, site, field, kind):
        # the coefficient is out of the frame unless it is the field tried
        body = dict(ROYALTY, **{"coefficient": "99", field: TEXT[kind]})
        before = snapshot(site)
        path = _path(site, "{article}/@royalty")
        response = json_post(site, "POST", path, json.dumps(body), auth=True)
        rest_refused(response, (400,))
        assert snapshot(site) == before

    @pytest.mark.parametrize("kind", [case("dossier-import-csv", k) for k in (*TEXT, *DATES)])
    def test_dossier_import_rows(self, site, kind):
        value = TEXT.get(kind, kind)
        csv = (
            f"code,procedure_name,received_date,status\r\n{value},Cấp bản sao,{value},{value}\r\n"
        ).encode("utf-8", "surrogatepass")
        before = snapshot(site)
        response = send(
            site,
            "POST",
            "@dossier-import",
            auth=True,
            data=csv,
            headers={"Accept": "application/json", "Content-Type": "text/csv"},
        )
        rest_refused(response, (400,))
        assert snapshot(site) == before

    @pytest.mark.parametrize("state", [case("moderate-state", k) for k in (*TEXT, "APPROVED", "")])
    def test_moderation_state(self, site, state):
        before = snapshot(site)
        path = _path(site, "{draft}/@draft-comments/{comment}")
        body = json.dumps({"state": TEXT.get(state, state), "note": TEXT["overlong-100k"]})
        response = json_post(site, "PATCH", path, body, auth=True)
        rest_refused(response, (400,))
        assert snapshot(site) == before

    # REST: codes and ids in the path ----------------------------------------

    @pytest.mark.parametrize(
        "service,kind",
        [
            case("rest-code", s, k)
            for s in ("@feedback-status", "@dossier", "{draft}/@draft-comments")
            for k in TEXT
        ],
    )
    def test_codes_in_the_path(self, site, service, kind):
        value = TEXT[kind][:5000]
        before = snapshot(site)
        method = "PATCH" if "draft" in service else "GET"
        path = f"{_path(site, service)}/{quote(value, safe='')}"
        response = send(
            site, method, path, auth="draft" in service, headers={"Accept": "application/json"}
        )
        rest_refused(response, (400, 404))
        assert snapshot(site) == before

    # REST: query-string filters, dates and months --------------------------------

    @pytest.mark.parametrize(
        "service,param,strict,kind",
        [case("rest-query", s, p, strict, k) for s, p, strict in QUERIES for k in TEXT],
    )
    def test_query_values(self, site, service, param, strict, kind):
        value = TEXT[kind][:20000]
        before = snapshot(site)
        response = rest_query(site, service, param, value)
        if strict:
            rest_refused(response, (400,))
        else:
            no_traceback(response)
            assert response.status_code in (200, 400), response.status_code
        assert snapshot(site) == before

    @pytest.mark.parametrize(
        "service,param,value",
        [
            case("rest-date", s, p, v)
            for s, p in DATE_SERVICES
            for v in (MONTHS if p == "month" else DATES)
        ],
    )
    def test_invalid_dates(self, site, service, param, value):
        response = rest_query(site, service, param, value)
        rest_refused(response, (400,))

    @pytest.mark.parametrize("query", [case("rest-repeated", q) for q in REPEATED])
    def test_repeated_and_list_parameters(self, site, query):
        before = snapshot(site)
        page = "@@" in query  # an HTML page, else a REST service
        headers = {} if page else {"Accept": "application/json"}
        response = send(site, "GET", _path(site, query), auth=True, headers=headers)
        html_safe(response)
        assert response.status_code in (200, 400, 404), response.status_code
        if response.status_code >= 400 and not page:
            rest_refused(response, (400, 404))
        assert snapshot(site) == before

    # HTML pages: lookups, search, reports -------------------------------------

    @pytest.mark.parametrize(
        "page,param,auth,kind",
        [case("html-query", p, q, a, k) for p, q, a in PAGES for k in TEXT],
    )
    def test_html_pages(self, site, page, param, auth, kind):
        value = TEXT[kind][:20000]
        query = {param: value}
        if param == "start":
            query["end"] = "2026-06-30"
        before = snapshot(site)
        response = send(site, "GET", f"{_path(site, page)}?{urlencode(query)}", auth=auth)
        html_safe(response)
        assert response.status_code in (200, 400, 404, 413, 429), response.status_code
        assert snapshot(site) == before

    @pytest.mark.parametrize(
        "page,param,value",
        [
            case("html-date", p, q, v)
            for p, q in (
                ("@@activity-report", "start"),
                ("@@royalty-statement", "month"),
                ("@@editorial-quota", "month"),
                ("{schedule}/@@work-schedule", "week"),
            )
            for v in (MONTHS if q == "month" else DATES)
        ],
    )
    def test_html_dates(self, site, page, param, value):
        query = {param: value, "end": "2026-06-30"} if param == "start" else {param: value}
        response = send(site, "GET", f"{_path(site, page)}?{urlencode(query)}", auth=True)
        html_safe(response)
        assert response.status_code in (200, 400), response.status_code

    # HTML forms ----------------------------------------------------------------

    @pytest.mark.parametrize(
        "form,field,kind",
        [
            case("html-form-field", f, name, k)
            for f, (_p, fields) in FORMS.items()
            for name in fields
            if not name.startswith("form.submitted") and not name.startswith("form.buttons")
            for k in TEXT
        ],
    )
    def test_form_fields(self, site, form, field, kind):
        path, fields = FORMS[form]
        data = dict(fields, **{field: TEXT[kind]})
        before = snapshot(site)
        response = send(site, "POST", _path(site, path), data=data)
        html_safe(response)
        assert response.status_code in (200, 400, 403, 413), response.status_code
        if response.status_code == 200:
            assert 'role="alert"' in response.text or "invalid-feedback" in response.text
        assert snapshot(site) == before

    @pytest.mark.parametrize(
        "form,kind",
        [case("multipart", f, k) for f in FORMS for k in MULTIPART],
    )
    def test_broken_multipart(self, site, form, kind):
        path, _fields = FORMS[form]
        content_type, body = MULTIPART[kind]
        before = snapshot(site)
        response = send(
            site, "POST", _path(site, path), data=body, headers={"Content-Type": content_type}
        )
        html_safe(response)
        assert response.status_code in (200, 400, 403, 413), response.status_code
        assert snapshot(site) == before

    # Path traversal in content ids ----------------------------------------------

    # REST: guessable passwords for a new user (issue 21.6) -------------------

    @pytest.mark.parametrize(
        "password",
        [case("password", p) for p in GUESSABLE_PASSWORDS],
    )
    def test_guessable_passwords_are_refused(self, site, password):
        body = {
            "username": "bad-input-user",
            "email": "bad-input-user@example.vn",
            "fullname": "Đỗ Thị Hằng",
            "password": password,
        }
        before = snapshot(site)
        response = json_post(site, "POST", "@users", json.dumps(body), auth=True)
        rest_refused(response)
        assert "Mật khẩu" in response.json()["error"]["message"]
        assert snapshot(site) == before
        transaction.begin()
        assert api.user.get(userid="bad-input-user") is None

    @pytest.mark.parametrize("path", [case("traversal", t) for t in TRAVERSALS])
    def test_traversal_in_paths(self, site, path):
        response = send(site, "GET", _path(site, path))
        html_safe(response)
        assert response.status_code in (400, 401, 403, 404), response.status_code
        assert "root:x:0:0" not in response.text

    # Markup that is accepted is text: stored as typed, shown escaped ------------

    def test_markup_is_stored_as_text_and_shown_escaped(self, site):
        from dakto.policy.feedback import submit

        TRIED["stored-escaped"] = 1
        body = dict(FEEDBACK, subject=SCRIPT, content=IMG, consent=["answer_feedback"])
        response = json_post(site, "POST", "@feedback", json.dumps(body))
        assert response.status_code == 201, response.text
        code = response.json()["tracking_code"]
        transaction.begin()
        from dakto.policy.feedback import codes
        from dakto.policy.feedback import names

        item = site["portal"][names.SECTION][codes.code_to_id(code)]
        assert getattr(item, submit.FIELDS["subject"][0]) == SCRIPT
        assert getattr(item, submit.FIELDS["content"][0]) == IMG
        page = send(site, "GET", item.absolute_url(), auth=True)
        html_safe(page)
        assert page.status_code == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text

    # Formulas that are accepted are text: stored as typed, exported as text ---

    def test_formulas_are_stored_as_typed_and_exported_as_text(self, site):
        import csv
        import io

        from dakto.policy.spreadsheets import FORMULA_PREFIXES

        TRIED["formula-exported"] = 1
        link = '=HYPERLINK("http://example.invalid/?x","Xem")'
        body = dict(COMMENT, name=link, text="=cmd|' /C calc'!A0", consent=["comment_draft"])
        response = json_post(site, "POST", _path(site, "{draft}/@draft-comments"), json.dumps(body))
        assert response.status_code == 201, response.text
        export = send(
            site,
            "GET",
            _path(site, "{draft}/@draft-comments-export?format=csv"),
            auth=True,
            headers={"Accept": "application/json"},
        )
        no_traceback(export)
        assert export.status_code == 200
        rows = csv.reader(io.StringIO(export.content.decode("utf-8-sig")))
        cells = [value for row in rows for value in row]
        assert "'" + link in cells and "'=cmd|' /C calc'!A0" in cells
        assert not [value for value in cells if value.startswith(FORMULA_PREFIXES)]
        # the feedback with an e-mail address on this site without mail settings:
        # stored, and the answer does not promise the e-mail
        body = dict(FEEDBACK, subject="+SUM(1,2)", consent=["answer_feedback"])
        response = json_post(site, "POST", "@feedback", json.dumps(body))
        assert response.status_code == 201, response.text
        assert response.json()["mailed"] is False
