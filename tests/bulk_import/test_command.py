"""`dakto import legal-documents|procedures|news FILE` as an administrator
runs it: a real `dakto` process on a real instance; `dakto import DIR`
stays the archival import."""

from dakto.instance import cli
from tests.bulk_import.helpers import LEGAL_HEADER
from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import files_folder
from tests.bulk_import.helpers import legal_row
from tests.bulk_import.test_sitemaps import article_page
from tests.bulk_import.test_sitemaps import sitemap
from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


def test_import_kind_runs_the_bulk_import_and_import_dir_the_archival_one(tmp_path):
    registered = {"import-legal-documents": None, "import-news": None}
    assert cli.dispatch_import(["import", "legal-documents", "a.xlsx"], registered) == [
        "import-legal-documents",
        "a.xlsx",
    ]
    assert cli.dispatch_import(["import", str(tmp_path)], registered) == ["import", str(tmp_path)]
    (tmp_path / "news").mkdir()  # a folder named like a kind is an archive
    assert cli.dispatch_import(["import", str(tmp_path / "news")], registered)[0] == "import"
    assert cli.dispatch_import(["import", "procedures", "p.csv"], registered)[0] == "import"


def test_the_command_imports_reports_and_reruns(tmp_path, old_site):
    env = base_env(tmp_path / "var", free_port(), DAKTO_DEMO="0")
    created = run_dakto(env, "create-site", timeout=300)
    assert created.returncode == 0, created.stdout + created.stderr
    folder = files_folder(tmp_path, "12.pdf", "13.pdf")
    sheet = tmp_path / "van-ban.csv"
    sheet.write_bytes(
        csv_bytes(LEGAL_HEADER, [legal_row(), legal_row("13/QĐ-UBND", file="13.pdf")])
    )
    command = ("import", "legal-documents", str(sheet), "--files", str(folder))

    first = run_dakto(env, *command, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith("Legal documents imported: 2 new, 0 updated, 0 unchanged in ")
    assert "2/2 (100%)" in first.stderr  # the progress, one line per tenth off a terminal

    again = run_dakto(env, *command, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 new, 0 updated, 2 unchanged" in again.stdout

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(LEGAL_HEADER, [legal_row("14/QĐ-UBND", issued="32/01/2024")]))
    refused = run_dakto(env, "import", "legal-documents", str(bad), "--files", str(folder))
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert f"Nothing was imported: 1 error(s) in {bad}:" in refused.stderr
    assert "row 2, Ngày ban hành: '32/01/2024'" in refused.stderr
    assert "Traceback" not in refused.stderr

    missing = run_dakto(env, "import", "procedures", str(tmp_path / "none.xlsx"))
    assert missing.returncode == 2 and "none.xlsx" in missing.stderr
    word = tmp_path / "thu-tuc.xlsx"
    word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    old_excel = run_dakto(env, "import", "procedures", str(word))
    assert old_excel.returncode == 2 and "XLS" in old_excel.stderr
    assert len(old_excel.stderr.strip().splitlines()) == 1

    archive = run_dakto(env, "import", str(tmp_path / "no-such-archive"))
    assert archive.returncode != 0 and "no-such-archive" in archive.stderr

    pages = tmp_path / "old-site"
    (pages / "le-hoi.html").write_bytes(article_page(author=""))
    (pages / "sitemap.xml").write_bytes(
        sitemap(f"{old_site}/le-hoi.html?id=12", f"{old_site}/none.html")
    )
    help_text = run_dakto(env, "import-news", "--help").stdout
    assert "sitemap" in help_text and "--author" in help_text
    news = run_dakto(env, "import", "news", f"{old_site}/sitemap.xml", "--author", "Ban biên tập")
    assert news.returncode == 2, news.stdout + news.stderr
    assert f"row 2, Địa chỉ cũ: The page {old_site}/none.html cannot be fetched" in news.stderr
    assert "Traceback" not in news.stderr
    (pages / "sitemap.xml").write_bytes(sitemap(f"{old_site}/le-hoi.html?id=12"))
    news = run_dakto(env, "import", "news", f"{old_site}/sitemap.xml", "--author", "Ban biên tập")
    assert news.returncode == 0, news.stdout + news.stderr
    assert news.stdout.startswith("News imported: 1 new, 0 updated, 0 unchanged in ")
    assert "Fetched 1/1 (100%)" in news.stderr  # the pages, before the import's own progress
