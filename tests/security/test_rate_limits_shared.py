"""The public forms' rate limits count in the same place as the login
lockout (issue 14.5): two Zope processes on one site share one budget per
client address, in PostgreSQL on RelStorage and in an SQLite file next to
the Data.fs on FileStorage. Each process here is a real Python process."""

import json
import subprocess
import sys
import textwrap
import uuid

import pytest

from dakto.policy import antispam
from dakto.policy.counters import Counters
from dakto.policy.counters import ProcessCounters
from dakto.policy.counters import SharedCounters
from dakto.policy.product_config import SHARED_TABLE_DSN


LIMIT = 5
# One "Zope process": its counters as the product config and the database it
# opens give them, then ``attempts`` requests from one address.
PROCESS = textwrap.dedent(
    """
    import json, sys
    from dakto.policy import antispam
    from dakto.policy.counters import ProcessCounters

    config, data_fs, attempts, LIMIT = json.loads(sys.argv[1])
    antispam.HITS = ProcessCounters(config, antispam.RATE_TABLE, antispam.RATE_FILE)
    if data_fs:
        from ZODB import DB
        from ZODB.FileStorage import FileStorage
        db = DB(FileStorage(data_fs))
        antispam.HITS.use_database(db)
    limiter = antispam.RateLimiter("shared-test", LIMIT, 600)

    class Request:
        def getClientAddr(self):
            return "10.0.0.5"

    answers = []
    for _ in range(attempts):
        try:
            limiter.hit(Request())
            answers.append(200)
        except antispam.Refused as refused:
            answers.append([refused.status, refused.retry_after,
                            str(refused.message), dict(refused.message.mapping)])
    print(json.dumps({"store": type(antispam.HITS.store).__name__, "answers": answers}))
    """
)


def process(config, data_fs=None, attempts=3):
    result = subprocess.run(
        [sys.executable, "-c", PROCESS, json.dumps([config, data_fs, attempts, LIMIT])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def check_one_budget(first, second):
    assert first["answers"] == [200, 200, 200]
    # the second process sees the first one's three requests: two more, then 429
    assert second["answers"][:2] == [200, 200]
    refused = second["answers"][2]
    assert refused[0] == 429 and 590 <= refused[1] <= 600
    assert refused[2].startswith("Too many requests from your address.")
    assert refused[3] == {"minutes": 10}


@pytest.fixture(scope="module")
def dsn(postgres):
    return postgres.createdb(f"rate_{uuid.uuid4().hex[:8]}")


def test_two_processes_on_relstorage_share_one_budget(dsn):
    config = {SHARED_TABLE_DSN: dsn}
    first = process(config)
    second = process(config)
    assert first["store"] == second["store"] == "SharedCounters"
    check_one_budget(first, second)


def test_two_processes_on_filestorage_share_one_budget(tmp_path):
    data_fs = str(tmp_path / "Data.fs")
    first = process({}, data_fs)
    assert (tmp_path / antispam.RATE_FILE).exists()
    second = process({}, data_fs)  # the next process on the same data
    assert first["store"] == second["store"] == "SharedCounters"
    check_one_budget(first, second)


def test_without_a_database_file_each_process_counts_alone():
    """The test layers' DemoStorage: memory, as before."""
    assert process({})["store"] == "Counters"


def test_reset_forgets_one_limiter_only(tmp_path, monkeypatch):
    from dakto.policy.shared_tables import FileTable

    table = FileTable(tmp_path / "r.sqlite", antispam.RATE_TABLE, SharedCounters.DDL)
    for store in (Counters(), SharedCounters(table)):
        hits = ProcessCounters({}, antispam.RATE_TABLE, antispam.RATE_FILE)
        hits.store = store
        monkeypatch.setattr(antispam, "HITS", hits)
        one = antispam.RateLimiter("reset-one", 1, 60)
        other = antispam.RateLimiter("reset-one-more", 1, 60)

        class Request:
            def getClientAddr(self):
                return "10.0.0.6"

        one.hit(Request())
        other.hit(Request())
        one.reset()
        one.hit(Request())  # forgotten
        with pytest.raises(antispam.Refused):
            other.hit(Request())  # kept: "reset-one" is a prefix of its name only
