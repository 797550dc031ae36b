"""Benchmark of the lookups at province scale (issue 3, "Done when"; issue 18.2).

Builds a throw-away site with the policy installed (the functional
plone.app.testing layer of ``dakto.policy.testing``: an in-memory ZODB and a
real WSGI server), loads a small set (500 legal documents, 500 news items and
200 procedures: a commune), measures three pages as an anonymous visitor
over HTTP for a few realistic queries each: the legal-document lookup, the
procedure lookup and the site search (with and without diacritics). Then it
loads up to the large set in the same site (50,000 documents and as many news
items, 2,000 procedures: a province's whole list) and measures the SAME
queries again. Reports the median and 95th percentile of each, the ratio
large / small and the issue's goal for it: p95 at most 2x, and at most 1.3x
for a number or code lookup and for a query with fewer than 20 hits (a few
``RARE`` items, loaded first, are what such queries find at both sizes).

Objects are created directly (no add forms, no events but creation), given
their workflow state, catalogued, and committed in batches. plone.app.caching
is switched off (``--cached`` keeps it): every request renders its page.

Usage:
    .venv/bin/python bench/legal_lookup.py                 # 50,000 + 50,000 + 2,000
    .venv/bin/python bench/legal_lookup.py --documents 5000 --procedures 1000 --requests 20
Writes bench/results/legal_lookup.json (or --output). Exit status 1 when a
ratio misses its goal.
"""

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from datetime import timedelta
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "bench" / "results" / "legal_lookup.json"
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

ISSUERS = (
    ("UBND thị trấn Đắk Tô", "UBND"),
    ("HĐND thị trấn Đắk Tô", "HĐND"),
    ("Văn phòng HĐND và UBND thị trấn", "UBND-VP"),
    ("UBND huyện Đắk Tô", "UBND"),
    ("UBND tỉnh Kon Tum", "UBND"),
    ("Ban Chỉ huy Quân sự thị trấn", "BCHQS"),
)
TYPES = (
    ("quyet-dinh", "QĐ", 30),
    ("ke-hoach", "KH", 15),
    ("thong-bao", "TB", 15),
    ("cong-van", "", 20),
    ("bao-cao", "BC", 8),
    ("nghi-quyet", "NQ", 4),
    ("huong-dan", "HD", 3),
    ("to-trinh", "TTr", 3),
    ("chi-thi", "CT", 1),
    ("quy-che", "QC", 1),
)
FIELDS = (
    "hanh-chinh",
    "to-chuc-can-bo",
    "tai-chinh-ngan-sach",
    "dat-dai-xay-dung",
    "tai-nguyen-moi-truong",
    "nong-nghiep",
    "cong-thuong",
    "giao-thong",
    "van-hoa-the-thao",
    "giao-duc",
    "y-te",
    "lao-dong-xa-hoi",
    "tu-phap",
    "quoc-phong-an-ninh",
    "thong-tin-truyen-thong",
)
SUBJECTS = (
    "ban hành Quy chế hoạt động của Trang thông tin điện tử",
    "thu hồi đất để thực hiện dự án đường giao thông nông thôn",
    "cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình",
    "triển khai công tác phòng, chống dịch sốt xuất huyết",
    "kế hoạch cải cách hành chính năm",
    "tổ chức Lễ hội văn hóa cồng chiêng",
    "phân bổ dự toán ngân sách thị trấn",
    "kiện toàn Ban Chỉ đạo chuyển đổi số",
    "tuyển sinh vào lớp 1 và lớp 6",
    "hỗ trợ hộ nghèo, hộ cận nghèo trồng cà phê",
    "tổ chức tiếp công dân định kỳ",
    "công bố danh mục thủ tục hành chính lĩnh vực hộ tịch",
    "quản lý chất thải rắn sinh hoạt",
    "huấn luyện dân quân tự vệ",
    "khen thưởng thành tích phong trào thi đua",
)
NEWS_WORDS = (
    "Thị trấn Đắk Tô tổ chức hội nghị tổng kết công tác",
    "Nông dân thu hoạch cà phê niên vụ",
    "Ra quân tổng vệ sinh môi trường",
    "Trao quà cho hộ nghèo nhân dịp Tết",
    "Khai giảng năm học mới tại các trường",
    "Tập huấn chuyển đổi số cho cán bộ",
    "Kiểm tra an toàn thực phẩm",
    "Giải bóng đá thanh niên",
)
NEWS_FOLDERS = ("tin-tuc/kinh-te", "tin-tuc/van-hoa-xa-hoi", "tin-tuc/chi-dao-dieu-hanh")

# What the lookup's queries touch, besides the legal_* indexes that a news item
# never enters: these make the news items weigh on the lookup as in a real
# site (by default the news items are indexed in these only; see --full-news).
NEWS_INDEXES = (
    "portal_type",
    "path",
    "allowedRolesAndUsers",
    "effectiveRange",
    "SearchableText",
    "sortable_title",
    "review_state",
    "UID",
    "getId",
    "id",
)

# Items that a query with fewer than 20 hits finds, the same at both sizes:
# a project's documents, its news and its procedures (no generated item has
# these words or the issuer's symbol BQLDA).
RARE_SUBJECT = "bồi thường, giải phóng mặt bằng thủy điện Plei Krông"
RARE_DOCUMENTS = 4
RARE_NEWS = 3
RARE_PROCEDURES = 2
RARE_CODE = "2.999001"

#: the goals of issue 18.2: p95 large / small at most GOAL, at most STRICT_GOAL
#: for a number or code lookup (marked STRICT) and for fewer than FEW hits
GOAL, STRICT_GOAL, FEW = 2.0, 1.3, 20
STRICT = "strict"

LEGAL_QUERIES = {
    "newest first (no filter)": {},
    "text 'quy chế'": {"SearchableText": "quy chế"},
    "text 'dat dai' + in force": {"SearchableText": "dat dai", "status": "in-force"},
    "type QĐ + year 2024": {"type": "quyet-dinh", "year": "2024"},
    "number 33/QĐ-UBND": ({"number": "33/QĐ-UBND"}, STRICT),
    "number 02/QĐ-BQLDA": ({"number": "02/QĐ-BQLDA"}, STRICT),
    "text 'thuy dien Plei Krong'": {"SearchableText": "thuy dien Plei Krong"},
    "in force (no keyword)": {"status": "in-force"},
    "not yet in force": {"status": "not-yet"},
    "expired, by title, page 3": {"status": "expired", "sort_on": "title", "b_start": "40"},
    "field + issuer, by number": {
        "field": "y-te",
        "issuer": "UBND thị trấn Đắk Tô",
        "sort_on": "number",
    },
}
PROCEDURE_QUERIES = {
    "all, by title": {},
    "text 'khai sinh'": {"SearchableText": "khai sinh"},
    "text 'ket hon' (no diacritics)": {"SearchableText": "ket hon"},
    "field hộ tịch + commune level": {"procedure_field": "ho-tich", "procedure_level": "xa"},
    "fully online": {"service_level": "toan-trinh"},
    f"code {RARE_CODE}": ({"SearchableText": RARE_CODE}, STRICT),
    "text 'Plei Krông'": {"SearchableText": "Plei Krông"},
}
SEARCH_QUERIES = {
    "'chuyển đổi số'": {"SearchableText": "chuyển đổi số"},
    "'chuyen doi so' (no diacritics)": {"SearchableText": "chuyen doi so"},
    "'cồng chiêng'": {"SearchableText": "cồng chiêng"},
    "'cong chieng' (no diacritics)": {"SearchableText": "cong chieng"},
    "'thủy điện Plei Krông'": {"SearchableText": "thủy điện Plei Krông"},
    "'thuy dien plei krong' (no diacritics)": {"SearchableText": "thuy dien plei krong"},
}
#: each page measured: (its path in the site, its queries)
PAGES = {
    "legal-document lookup": ("van-ban", LEGAL_QUERIES),
    "procedure lookup": ("thu-tuc-hanh-chinh", PROCEDURE_QUERIES),
    "site search": ("@@search", SEARCH_QUERIES),
}
PROCEDURE_QUALIFIERS = (
    "",
    " có yếu tố nước ngoài",
    " lưu động",
    " cho người đang cư trú ở nước ngoài",
    " (trường hợp đặc biệt)",
    " lại",
    " kết hợp",
    " theo đề nghị của cơ quan, tổ chức",
)


def query_and_goal(entry):
    """A query entry's (form, strict): a form alone, or (form, STRICT)."""
    if isinstance(entry, tuple):
        return entry[0], entry[1] == STRICT
    return entry, False


def rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def layers_of(layer):
    """``layer`` and its bases, bases first, each once."""
    result = []

    def visit(item):
        for base in getattr(item, "__bases__", ()):
            visit(base)
        if item not in result:
            result.append(item)

    visit(layer)
    return result


class Site:
    """The functional test layer, set up outside a test runner."""

    def __init__(self):
        from dakto.policy.testing import DAKTO_POLICY_FUNCTIONAL_TESTING

        self.layers = layers_of(DAKTO_POLICY_FUNCTIONAL_TESTING)

    def __enter__(self):
        for layer in self.layers:
            layer.setUp()
        for layer in self.layers:
            if hasattr(layer, "testSetUp"):
                layer.testSetUp()
        top = self.layers[-1]
        self.app, self.portal = top["app"], top["portal"]
        return self

    def __exit__(self, *exc):
        for layer in reversed(self.layers):
            if hasattr(layer, "testTearDown"):
                layer.testTearDown()
        for layer in reversed(self.layers):
            layer.tearDown()


def _memoising(original, missing, defaults):
    immutable = (type(None), str, int, float, bool, tuple, frozenset)

    def __getattr__(self, name):
        key = (type(self), self.__dict__.get("portal_type"), name)
        if key in missing:
            raise AttributeError(name)
        if key in defaults:
            return defaults[key]
        try:
            value = original(self, name)
        except AttributeError:
            missing.add(key)
            raise
        if isinstance(value, immutable) and not name.startswith("_"):
            defaults[key] = value
        return value

    return __getattr__


@contextlib.contextmanager
def fast_missing_attributes():
    """While loading: remember which attribute names a content type lacks.

    Cataloguing asks every object for every index and column (~120 names);
    what an object lacks is acquired from its folders and the site root, and
    each of them answers a missing name by searching its type's schema and
    every behavior's (the site root also its skins), each time. The answer
    (absent, or an immutable schema default) depends only on the class and
    the type, and no object is added at those places during the load, so it
    is memoised during the load: the catalog receives exactly the same
    values. Measuring runs without the patch.
    """
    from plone.dexterity.content import DexterityContent
    from Products.CMFPlone.Portal import PloneSite

    patched = []
    for cls in (DexterityContent, PloneSite):
        original = cls.__dict__["__getattr__"]
        cls.__getattr__ = _memoising(original, set(), {})
        patched.append((cls, original))
    try:
        yield
    finally:
        for cls, original in patched:
            cls.__getattr__ = original


class Loader:
    """Creates LegalDocuments and News Items directly, in batches."""

    def __init__(self, site, seed, batch, full_news=False):
        from plone import api
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import login

        login(site.app, SITE_OWNER_NAME)
        self.portal = site.portal
        self.catalog = api.portal.get_tool("portal_catalog")
        self.workflow = api.portal.get_tool("portal_workflow")
        self.random = random.Random(seed)
        self.batch = batch
        self.full_news = full_news
        self.documents = 0
        self.news = 0
        self.procedures = 0
        self.numbers = {}  # (issuer, type, year) -> last number
        self.pending = []

    def _publish(self, obj):
        from DateTime import DateTime

        for chain in self.workflow.getChainFor(obj):
            self.workflow.setStatusOf(
                chain,
                obj,
                {
                    "action": "publish",
                    "actor": "admin",
                    "comments": "",
                    "review_state": "published",
                    "time": DateTime(),
                },
            )
            self.workflow[chain].updateRoleMappingsFor(obj)

    def _add(self, container, obj):
        container._setObject(obj.getId(), obj, suppress_events=True)
        obj = container._getOb(obj.getId())
        self._publish(obj)
        self.pending.append(obj)
        if len(self.pending) >= self.batch:
            self.commit()
        return obj

    def commit(self):
        """Index the batch, then commit it.

        A savepoint first gives the new objects their oids, so that Dexterity
        caches their behaviors for the many catalog lookups that follow.
        """
        import transaction
        from zope.globalrequest import getRequest

        transaction.savepoint(optimistic=True)
        for obj in self.pending:
            if obj.portal_type == "News Item" and not self.full_news:
                self.catalog.catalog_object(obj, idxs=NEWS_INDEXES)
            else:
                self.catalog.catalog_object(obj)
        transaction.commit()
        request = getRequest()
        if request is not None:  # the behavior cache lives on the request
            request.__dict__.pop("__plone_dexterity_assignable_cache__", None)
        self.pending = []
        self.portal._p_jar.cacheGC()

    def rare(self):
        """The few items of ``RARE_SUBJECT``, before any other."""
        for i in range(RARE_DOCUMENTS):
            self.document(
                number=f"{i + 1:02d}/QĐ-BQLDA",
                issuer="Ban Quản lý dự án đầu tư xây dựng huyện",
                subject=RARE_SUBJECT,
                issued=date(2024, 3, 1 + i),
            )
        for _ in range(RARE_NEWS):
            self.news_item(words=f"Họp dân về {RARE_SUBJECT}")
        for i in range(RARE_PROCEDURES):
            self.procedure(
                title=f"Giải quyết khiếu nại về {RARE_SUBJECT}",
                code=RARE_CODE if i == 0 else f"2.99900{i + 1}",
            )

    def procedure(self, title=None, code=None):
        """A procedure after one of the demo's, its field, levels and service varied."""
        from plone.app.textfield.value import RichTextValue
        from plone.dexterity.utils import createContent

        from dakto.policy.procedures import demo
        from dakto.policy.procedures import vocabularies

        rnd = self.random
        index = self.procedures
        model = rnd.choice(demo.PROCEDURES)
        obj = createContent(
            "Procedure",
            id=f"tt-{index:05d}",
            title=title or model["title"] + rnd.choice(PROCEDURE_QUALIFIERS),
            description=model["description"],
        )
        for name in demo.FIELDS:
            setattr(obj, name, model[name])
        obj.procedure_code = code or f"{1 + index % 2}.{index:06d}"
        obj.procedure_field = rnd.choice(vocabularies.FIELDS)[0]
        obj.procedure_level = [rnd.choice(("xa", "xa", "tinh", "trung-uong"))]
        obj.service_level = rnd.choice(vocabularies.SERVICE_LEVELS)[0]
        obj.implementing_body = demo.BODY
        obj.steps = RichTextValue(model["steps"], "text/html", "text/x-html-safe")
        obj.legal_basis, obj.legal_basis_text = [], ""
        self.procedures += 1
        return self._add(self.portal["thu-tuc-hanh-chinh"], obj)

    def document(self, number=None, issuer=None, subject=None, issued=None):
        from plone.dexterity.utils import createContent

        rnd = self.random
        index = self.documents
        issuer, issuer_code = (issuer, "") if issuer else rnd.choice(ISSUERS)
        token, abbreviation, _weight = rnd.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        issued = issued or date(2010, 1, 1) + timedelta(days=rnd.randrange(365 * 17))
        if number:
            token, document_number = "quyet-dinh", number
        else:
            key = (issuer_code, issuer, token, issued.year)
            count = self.numbers.get(key, 0) + 1
            self.numbers[key] = count
            symbol = f"{abbreviation}-{issuer_code}" if abbreviation else issuer_code
            if token == "cong-van" and "-" not in symbol:
                symbol = f"{issuer_code}-VP"
            document_number = f"{count:02d}/{symbol}"
        subject = subject or rnd.choice(SUBJECTS)
        roll = rnd.random()
        valid_until = issued + timedelta(days=rnd.randrange(200, 2000)) if roll < 0.3 else None
        obj = createContent(
            "LegalDocument",
            id=f"vb-{index:06d}",
            title=f"Văn bản {document_number} về việc {subject}",
            description=subject,
            document_number=document_number,
            document_type=token,
            issuing_body=issuer,
            signer=rnd.choice(("Nguyễn Văn Hùng - Chủ tịch", "Trần Thị Mai - Phó Chủ tịch")),
            issue_date=issued,
            valid_from=issued + timedelta(days=rnd.choice((0, 0, 10, 15))),
            valid_until=valid_until,
            partly_expired=0.3 <= roll < 0.35,
            legal_field=rnd.choice(FIELDS),
            abstract=f"Về việc {subject} trên địa bàn.",
        )
        self.documents += 1
        return self._add(self.portal["van-ban"], obj)

    def news_item(self, words=None):
        from plone.app.textfield.value import RichTextValue
        from plone.dexterity.utils import createContent

        rnd = self.random
        index = self.news
        title = f"{words or rnd.choice(NEWS_WORDS)} {2010 + index % 17} (bài {index})"
        obj = createContent(
            "News Item",
            id=f"tin-{index:06d}",
            title=title,
            description=title,
            text=RichTextValue(f"<p>{title}. {rnd.choice(SUBJECTS)}.</p>", "text/html"),
            news_source="Đài Truyền thanh thị trấn",
            news_author="Phóng viên",
        )
        self.news += 1
        return self._add(self.portal.unrestrictedTraverse(rnd.choice(NEWS_FOLDERS)), obj)

    def grow(self, documents, news, procedures=0, report=None):
        with fast_missing_attributes():
            return self._grow(documents, news, procedures, report)

    def _grow(self, documents, news, procedures, report):
        start = time.perf_counter()
        while self.documents < documents or self.news < news or self.procedures < procedures:
            if self.documents < documents:
                self.document()
            if self.news < news:
                self.news_item()
            if self.procedures < procedures:
                self.procedure()
            if report and (self.documents + self.news) % 10000 == 0:
                report(
                    f"  {self.documents} documents, {self.news} news items "
                    f"({time.perf_counter() - start:.0f} s, {rss_mb()} MB)"
                )
        self.commit()
        return time.perf_counter() - start


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))]


def measure(url, requests, warmup):
    """Wall time of each request, and the CPU time this process (client and
    server threads) spent on it: the CPU time hardly changes with what other
    processes load the machine with, the wall time does."""
    timings, cpu = [], []
    body = b""
    for i in range(warmup + requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise SystemExit(
                f"{url}: HTTP {error.code}; the page said: {error.read()[-3000:]!r}"
            ) from None
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "load_average": round(os.getloadavg()[0], 1),
        "bytes": len(body),
        "found": _found(body.decode("utf-8", "replace")),
    }


def _found(html):
    """The count the page announces: 'Tìm thấy N văn bản.' / '… N thủ tục.', or the
    site search's number of results."""
    import re

    match = re.search(
        r"Tìm thấy (\d+) (?:văn bản|thủ tục)|id=\"search-results-number\"[^>]*>(\d+)<", html
    )
    return int(match.group(1) or match.group(2)) if match else None


def run_queries(portal_url, requests, warmup):
    """{page: {query name: measure}} for every query of ``PAGES``."""
    results = {}
    for page, (path, queries) in PAGES.items():
        results[page] = {}
        for name, entry in queries.items():
            form, _strict = query_and_goal(entry)
            url = f"{portal_url}/{path}" + ("?" + urllib.parse.urlencode(form) if form else "")
            results[page][name] = measure(url, requests, warmup)
    return results


def goal_of(strict, small, large):
    few = all(m["found"] is not None and m["found"] < FEW for m in (small, large))
    return STRICT_GOAL if strict or few else GOAL


def compare(small, large):
    """{page: {query: row}}: both sizes, the ratios and the goal of each query."""
    rows = {}
    for page, (_path, queries) in PAGES.items():
        rows[page] = {}
        for name, entry in queries.items():
            s, big = small[page][name], large[page][name]
            p95_ratio = round(big["p95_ms"] / s["p95_ms"], 2)
            goal = goal_of(query_and_goal(entry)[1], s, big)
            rows[page][name] = {
                "small": s,
                "large": big,
                "p50_ratio": round(big["p50_ms"] / s["p50_ms"], 2),
                "p95_ratio": p95_ratio,
                "cpu_p95_ratio": round(big["cpu_p95_ms"] / max(s["cpu_p95_ms"], 0.1), 2),
                "p95_goal": goal,
                "meets_goal": p95_ratio <= goal,
            }
    return rows


def print_table(log, rows):
    cell = lambda value: "-" if value is None else value  # noqa: E731
    for page, queries in rows.items():
        log("")
        log(page)
        log(
            f"{'query':<40} {'found':>6} {'p50':>7} {'p95':>7} {'found':>6} {'p50':>7} "
            f"{'p95':>7} {'p50 x':>6} {'p95 x':>6} {'goal':>5} {'':>6} {'cpu p95 x':>9}"
        )
        for name, row in queries.items():
            s, big = row["small"], row["large"]
            log(
                f"{name:<40} {cell(s['found']):>6} {s['p50_ms']:>7} {s['p95_ms']:>7} "
                f"{cell(big['found']):>6} {big['p50_ms']:>7} {big['p95_ms']:>7} "
                f"{row['p50_ratio']:>6} {row['p95_ratio']:>6} "
                f"{'≤' + str(row['p95_goal']):>5} {'ok' if row['meets_goal'] else 'MISSED':>6} "
                f"{row['cpu_p95_ratio']:>9}"
            )


def switch_caching(portal, enabled):
    import transaction
    from plone import api

    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", enabled)
    transaction.commit()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Latency (median, 95th percentile) of the legal-document lookup, the procedure "
            "lookup and the site search with N legal documents, N news items and P procedures, "
            "against the same queries on a small set, in one run; the ratios against issue "
            "18.2's goals."
        )
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=50000,
        help="legal documents (and as many news items) of the large set (default 50000)",
    )
    parser.add_argument(
        "--small", type=int, default=500, help="items of each kind in the small set (default 500)"
    )
    parser.add_argument(
        "--procedures",
        type=int,
        default=2000,
        help="procedures of the large set (default 2000: a province's list)",
    )
    parser.add_argument(
        "--small-procedures",
        type=int,
        default=200,
        help="procedures of the small set (default 200: a commune's)",
    )
    parser.add_argument(
        "--requests", type=int, default=30, help="timed requests per query (default 30)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first (default 3)")
    parser.add_argument(
        "--batch", type=int, default=2000, help="objects per transaction when loading"
    )
    parser.add_argument(
        "--full-news",
        action="store_true",
        help="index the news items in every index (slower load; by default only in those "
        "the lookup's queries touch, and their metadata)",
    )
    parser.add_argument(
        "--cached",
        action="store_true",
        help="keep plone.app.caching on (pages without a keyword then come from its RAM cache)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    args = parser.parse_args(argv)
    if args.documents < args.small or args.small < 50:
        parser.error("need --documents >= --small >= 50")
    if args.procedures < args.small_procedures or args.small_procedures < 10:
        parser.error("need --procedures >= --small-procedures >= 10")
    if args.requests < 5:
        parser.error("--requests must be at least 5")

    sys.path.insert(0, str(REPO))
    began = time.perf_counter()
    log = lambda text: print(text, flush=True)  # noqa: E731
    log("setting up the site (plone.app.testing functional layer)…")
    with Site() as site:
        switch_caching(site.portal, args.cached)
        loader = Loader(site, args.seed, args.batch, full_news=args.full_news)
        portal_url = site.portal.absolute_url()
        loader.rare()
        small_load = loader.grow(args.small, args.small, args.small_procedures)
        log(
            f"loaded {args.small} + {args.small} + {args.small_procedures} procedures "
            f"in {small_load:.1f} s; measuring…"
        )
        small = run_queries(portal_url, args.requests, args.warmup)
        Path(args.output).with_suffix(".small.json").write_text(json.dumps(small), "utf-8")
        log(f"loading up to {args.documents} + {args.documents} + {args.procedures} procedures…")
        large_load = loader.grow(args.documents, args.documents, args.procedures, report=log)
        log(f"loaded in {large_load:.0f} s; measuring…")
        large = run_queries(portal_url, args.requests, args.warmup)
        total_in_catalog = len(site.portal.portal_catalog)

    rows = compare(small, large)
    log("")
    log(
        f"small = {args.small} documents + {args.small} news + {args.small_procedures} "
        f"procedures, large = {args.documents} + {args.documents} + {args.procedures}; ms"
    )
    print_table(log, rows)
    every = [row for queries in rows.values() for row in queries.values()]
    missed = [
        f"{page}: {name}"
        for page, queries in rows.items()
        for name, row in queries.items()
        if not row["meets_goal"]
    ]
    p50s = [row["p50_ratio"] for row in every]
    summary = {
        "median_p50_ratio": round(statistics.median(p50s), 2),
        "worst_p50_ratio": max(p50s),
        "worst_p95_ratio": max(row["p95_ratio"] for row in every),
        "worst_cpu_p95_ratio": max(row["cpu_p95_ratio"] for row in every),
        "missed_goals": missed,
    }
    log("")
    log(
        f"ratios large/small: median of p50 ratios {summary['median_p50_ratio']}, "
        f"worst p50 {summary['worst_p50_ratio']}, worst p95 {summary['worst_p95_ratio']} "
        f"(CPU time: {summary['worst_cpu_p95_ratio']}); "
        f"goals missed: {len(missed)} of {len(every)}"
        + (f" ({'; '.join(missed)})" if missed else "")
    )
    result = {
        "benchmark": "lookups and site search (anonymous, over HTTP, Diazo theme on)",
        "small": {
            "documents": args.small,
            "news_items": args.small,
            "procedures": args.small_procedures,
        },
        "large": {
            "documents": args.documents,
            "news_items": args.documents,
            "procedures": args.procedures,
        },
        "rare_items": {
            "documents": RARE_DOCUMENTS,
            "news_items": RARE_NEWS,
            "procedures": RARE_PROCEDURES,
        },
        "catalogued_objects_large": total_in_catalog,
        "requests_per_query": args.requests,
        "caching": args.cached,
        "news_indexes": "all" if args.full_news else list(NEWS_INDEXES),
        "load_seconds": {"small": round(small_load, 1), "large": round(large_load, 1)},
        "peak_rss_mb": rss_mb(),
        "run_seconds": round(time.perf_counter() - began, 1),
        "queries": {
            page: {name: query_and_goal(entry)[0] for name, entry in queries.items()}
            for page, (_path, queries) in PAGES.items()
        },
        "results": rows,
        "summary": summary,
    }
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"written to {output} (run {result['run_seconds']} s)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
