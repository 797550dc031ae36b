"""Faults survived: a Zope process killed during writes, PostgreSQL restarted
or gone, the disk full. Each test is bounded in time and in the writes it tries."""

import json
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.servers import http_get


pytestmark = pytest.mark.server

ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
WRITES = 400  # at most, per stream
STREAM_SECONDS = 60


def post_page(server, id, timeout=30):
    body = json.dumps({"@type": "Document", "id": id, "title": f"Trang {id}"}).encode()
    return http_get(
        server.url + "/gioi-thieu",
        headers=JSON,
        auth=ADMIN,
        data=body,
        method="POST",
        timeout=timeout,
    )


def exists(server, id):
    status, _ = http_get(server.url + f"/gioi-thieu/{id}", headers=JSON, auth=ADMIN)
    return status == 200


class WriteStream(threading.Thread):
    """POSTs pages one after another until stopped; keeps the ids answered 201."""

    def __init__(self, server, prefix):
        super().__init__(daemon=True)
        self.server, self.prefix = server, prefix
        self.acknowledged, self.failed = [], 0
        self.stopped = threading.Event()

    def run(self):
        deadline = time.monotonic() + STREAM_SECONDS
        for n in range(WRITES):
            if self.stopped.is_set() or time.monotonic() > deadline:
                break
            id = f"{self.prefix}-{n}"
            try:
                status, _ = post_page(self.server, id, timeout=10)
            except OSError:
                self.failed += 1
                if self.stopped.is_set():
                    break
                time.sleep(0.05)
                continue
            if status == 201:
                self.acknowledged.append(id)
            else:
                self.failed += 1

    def wait_for(self, count, timeout=60):
        deadline = time.monotonic() + timeout
        while len(self.acknowledged) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.acknowledged) >= count, f"only {len(self.acknowledged)} writes answered"


def test_every_acknowledged_write_survives_sigkill(dakto_server, tmp_path):
    var = tmp_path / "var"
    server = dakto_server(var=var, DAKTO_DEMO="0")
    streams = [WriteStream(server, f"s{i}") for i in range(2)]
    for stream in streams:
        stream.start()
    for stream in streams:
        stream.wait_for(15)
    server.process.kill()  # SIGKILL in the middle of the stream
    server.process.wait()
    for stream in streams:
        stream.stopped.set()
        stream.join(30)
    acknowledged = [id for stream in streams for id in stream.acknowledged]
    assert len(acknowledged) >= 30

    again = dakto_server(var=var, port=server.port)
    assert "Existing site kept" in again.output
    missing = [id for id in acknowledged if not exists(again, id)]
    assert missing == [], f"{len(missing)} of {len(acknowledged)} acknowledged writes lost"
    # and the storage takes new writes
    assert post_page(again, "sau-khi-khoi-dong-lai")[0] == 201


def retry_until_ok(request, attempts=20, pause=0.5):
    """(number of failed answers, last status) until ``request()`` answers 2xx."""
    failures = 0
    for _ in range(attempts):
        try:
            status, body = request()
        except OSError:
            status, body = None, ""
        if status is not None and 200 <= status < 300:
            return failures, status, body
        failures += 1
        time.sleep(pause)
    return failures, status, body


def test_relstorage_reconnects_after_postgresql_restarts(postgres, dakto_server, tmp_path):
    dsn = postgres.createdb("dakto_faults_restart")
    server = dakto_server(
        var=tmp_path / "rs", DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn, DAKTO_DEMO="0"
    )
    assert post_page(server, "truoc")[0] == 201
    postgres.restart()
    failures, status, body = retry_until_ok(lambda: post_page(server, "sau"))
    assert status == 201, body
    assert failures <= 2  # the requests that met the dropped connections, at most
    failures, status, body = retry_until_ok(
        lambda: http_get(server.url + "/gioi-thieu/truoc", headers=JSON, auth=ADMIN)
    )
    assert (failures, status) == (0, 200)
    assert exists(server, "sau")


@pytest.fixture
def own_postgres():
    """A PostgreSQL cluster of this test alone, which it may stop."""
    from tests.servers import PostgresCluster
    from tests.servers import postgres_bin

    if postgres_bin() is None:
        pytest.skip("PostgreSQL's server programs are not installed")
    root = Path(tempfile.mkdtemp(prefix="dakto-pg-faults-"))  # the postgres user must reach it
    cluster = PostgresCluster(postgres_bin(), root).start()
    yield cluster
    cluster.stop()
    shutil.rmtree(root, ignore_errors=True)


def test_database_unreachable_gives_a_clear_page_and_writes_nothing(
    own_postgres, dakto_server, tmp_path
):
    dsn = own_postgres.createdb("dakto_faults_gone")
    server = dakto_server(
        var=tmp_path / "gone", DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn, DAKTO_DEMO="0"
    )
    assert post_page(server, "co-san")[0] == 201
    own_postgres.stop()

    status, body = http_get(server.url, headers={"Accept": "text/html"})
    assert status == 503, body[:500]
    assert "Traceback" not in body and "psycopg2" not in body
    assert "tạm thời" in body  # Vietnamese: the portal is temporarily unavailable
    status, body = post_page(server, "khi-mat-ket-noi")
    assert status == 503 and "Traceback" not in body

    own_postgres.resume()
    failures, status, _ = retry_until_ok(
        lambda: http_get(server.url + "/gioi-thieu/co-san", headers=JSON, auth=ADMIN)
    )
    assert status == 200
    assert not exists(server, "khi-mat-ket-noi")  # nothing half-written


def test_disk_full_gives_a_clear_page_and_the_storage_stays_whole(dakto_server, tmp_path):
    import resource

    var = tmp_path / "full"
    server = dakto_server(var=var, DAKTO_DEMO="0")
    assert post_page(server, "truoc-khi-day")[0] == 201
    server.stop()

    data_fs = var / "filestorage" / "Data.fs"
    limit = data_fs.stat().st_size + 512 * 1024  # room for a few writes, not for many

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    full = dakto_server(var=var, port=server.port, preexec_fn=small_disk)
    acknowledged, refused = [], None
    for n in range(200):
        status, body = post_page(full, f"ghi-{n}")
        if status == 201:
            acknowledged.append(f"ghi-{n}")
            continue
        refused = (status, body)
        break
    assert refused is not None, "the file size limit was never reached"
    status, body = refused
    assert len(acknowledged) >= 1
    assert status == 503, body[:300]
    assert json.loads(body)["type"] == "ServiceUnavailable"
    assert "traceback" not in body.lower() and "File too large" not in body
    # Reading still works while writing fails.
    assert exists(full, "truoc-khi-day")
    full.stop()

    again = dakto_server(var=var, port=server.port)
    assert exists(again, "truoc-khi-day")
    assert [id for id in acknowledged if not exists(again, id)] == []
    assert not exists(again, f"ghi-{len(acknowledged)}")
    assert post_page(again, "sau-khi-giai-phong")[0] == 201


@pytest.mark.parametrize(
    "error",
    [OSError(27, "File too large"), OSError(28, "No space left on device")],
    ids=["EFBIG", "ENOSPC"],
)
def test_the_error_page_for_a_full_disk_is_a_clear_503(portal, error):
    from zope.component import getMultiAdapter

    request = portal.REQUEST
    request.environ["HTTP_ACCEPT"] = "text/html"
    view = getMultiAdapter((error, request), name="index.html")
    view.__parent__ = portal
    page = view()
    assert request.response.getStatus() == 503
    assert "Cổng thông tin tạm thời gián đoạn" in page
    assert "Traceback" not in page and "File too large" not in page


def test_other_errors_keep_their_page(portal):
    from zope.component import getMultiAdapter

    portal.REQUEST.environ["HTTP_ACCEPT"] = "text/html"
    view = getMultiAdapter((OSError(2, "No such file"), portal.REQUEST), name="index.html")
    view.__parent__ = portal
    assert "tạm thời gián đoạn" not in view()
