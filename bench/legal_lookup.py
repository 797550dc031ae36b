"""Benchmark of the legal-document lookup page (issue 3, "Done when").

Builds a throw-away site with the policy installed (the functional
plone.app.testing layer of ``dakto.policy.testing``: an in-memory ZODB and a
real WSGI server), loads a small set (500 legal documents and 500 news
items), measures the anonymous lookup page for a few realistic queries over
HTTP, then loads up to the full size (50,000 of each, by default) in the same
site and measures the SAME queries again. Reports the median and 95th
percentile of each, and the ratio large / small.

Objects are created directly (no add forms, no events but creation), given
their workflow state, catalogued, and committed in batches.

Usage:
    .venv/bin/python bench/legal_lookup.py                 # 50,000 + 50,000
    .venv/bin/python bench/legal_lookup.py --documents 5000 --requests 20
Writes bench/results/legal_lookup.json (or --output).
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

QUERIES = {
    "newest first (no filter)": {},
    "text 'quy chế'": {"SearchableText": "quy chế"},
    "text 'dat dai' + in force": {"SearchableText": "dat dai", "status": "in-force"},
    "type QĐ + year 2024": {"type": "quyet-dinh", "year": "2024"},
    "number 33/QĐ-UBND": {"number": "33/QĐ-UBND"},
    "expired, by title, page 3": {"status": "expired", "sort_on": "title", "b_start": "40"},
    "field + issuer, by number": {
        "field": "y-te",
        "issuer": "UBND thị trấn Đắk Tô",
        "sort_on": "number",
    },
}


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

    def document(self):
        from plone.dexterity.utils import createContent

        rnd = self.random
        index = self.documents
        issuer, issuer_code = rnd.choice(ISSUERS)
        token, abbreviation, _weight = rnd.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        issued = date(2010, 1, 1) + timedelta(days=rnd.randrange(365 * 17))
        key = (issuer_code, issuer, token, issued.year)
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        symbol = f"{abbreviation}-{issuer_code}" if abbreviation else issuer_code
        if token == "cong-van" and "-" not in symbol:
            symbol = f"{issuer_code}-VP"
        document_number = f"{number:02d}/{symbol}"
        subject = rnd.choice(SUBJECTS)
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

    def news_item(self):
        from plone.app.textfield.value import RichTextValue
        from plone.dexterity.utils import createContent

        rnd = self.random
        index = self.news
        title = f"{rnd.choice(NEWS_WORDS)} {2010 + index % 17} (bài {index})"
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

    def grow(self, documents, news, report=None):
        with fast_missing_attributes():
            return self._grow(documents, news, report)

    def _grow(self, documents, news, report=None):
        start = time.perf_counter()
        while self.documents < documents or self.news < news:
            if self.documents < documents:
                self.document()
            if self.news < news:
                self.news_item()
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
    timings = []
    body = b""
    for i in range(warmup + requests):
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "bytes": len(body),
        "found": _found(body.decode("utf-8", "replace")),
    }


def _found(html):
    """The count the page announces ('Tìm thấy N văn bản.')."""
    import re

    match = re.search(r"Tìm thấy (\d+) văn bản|(\d+) documents found", html)
    return int(match.group(1) or match.group(2)) if match else None


def run_queries(section_url, requests, warmup):
    results = {}
    for name, query in QUERIES.items():
        url = section_url + ("?" + urllib.parse.urlencode(query) if query else "")
        results[name] = measure(url, requests, warmup)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Latency of the legal-document lookup page (median, 95th percentile) with N legal "
            "documents and N news items, against the same queries with 500 of each, in one run."
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
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    args = parser.parse_args(argv)
    if args.documents < args.small or args.small < 50:
        parser.error("need --documents >= --small >= 50")
    if args.requests < 5:
        parser.error("--requests must be at least 5")

    sys.path.insert(0, str(REPO))
    began = time.perf_counter()
    log = lambda text: print(text, flush=True)  # noqa: E731
    log("setting up the site (plone.app.testing functional layer)…")
    with Site() as site:
        loader = Loader(site, args.seed, args.batch, full_news=args.full_news)
        section_url = site.portal["van-ban"].absolute_url()
        small_load = loader.grow(args.small, args.small)
        log(f"loaded {args.small} + {args.small} in {small_load:.1f} s; measuring…")
        small = run_queries(section_url, args.requests, args.warmup)
        log(f"loading up to {args.documents} + {args.documents}…")
        large_load = loader.grow(args.documents, args.documents, report=log)
        log(f"loaded in {large_load:.0f} s; measuring…")
        large = run_queries(section_url, args.requests, args.warmup)
        total_in_catalog = len(site.portal.portal_catalog)

    rows = {}
    for name in QUERIES:
        rows[name] = {
            "small": small[name],
            "large": large[name],
            "p50_ratio": round(large[name]["p50_ms"] / small[name]["p50_ms"], 2),
            "p95_ratio": round(large[name]["p95_ms"] / small[name]["p95_ms"], 2),
        }
    head = (
        f"{'query':<28} {'found':>7} {'p50 small':>9} {'p95 small':>9} "
        f"{'found':>7} {'p50 large':>9} {'p95 large':>9} {'p50 x':>6} {'p95 x':>6}"
    )
    log("")
    log(f"small = {args.small} + {args.small}, large = {args.documents} + {args.documents} ms")
    log(head)
    for name, row in rows.items():
        s, big = row["small"], row["large"]
        log(
            f"{name:<28} {'-' if s['found'] is None else s['found']:>7} {s['p50_ms']:>9} {s['p95_ms']:>9} "
            f"{'-' if big['found'] is None else big['found']:>7} {big['p50_ms']:>9} {big['p95_ms']:>9} "
            f"{row['p50_ratio']:>6} {row['p95_ratio']:>6}"
        )
    p50s = [row["p50_ratio"] for row in rows.values()]
    summary = {
        "median_p50_ratio": round(statistics.median(p50s), 2),
        "worst_p50_ratio": max(p50s),
        "worst_p95_ratio": max(row["p95_ratio"] for row in rows.values()),
    }
    log(
        f"ratios large/small: median of p50 ratios {summary['median_p50_ratio']}, "
        f"worst p50 {summary['worst_p50_ratio']}, worst p95 {summary['worst_p95_ratio']}"
    )
    result = {
        "benchmark": "legal-document lookup page (anonymous, over HTTP, Diazo theme on)",
        "small_items_each": args.small,
        "large_items_each": args.documents,
        "catalogued_objects_large": total_in_catalog,
        "requests_per_query": args.requests,
        "news_indexes": "all" if args.full_news else list(NEWS_INDEXES),
        "load_seconds": {"small": round(small_load, 1), "large": round(large_load, 1)},
        "peak_rss_mb": rss_mb(),
        "run_seconds": round(time.perf_counter() - began, 1),
        "queries": {name: dict(query) for name, query in QUERIES.items()},
        "results": rows,
        "summary": summary,
    }
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"written to {output} (run {result['run_seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
