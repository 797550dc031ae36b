"""One backup/restore round trip, the same for both storages.

A real `dakto start` serves the site; content goes in over REST (a document,
two files with real bytes), a backup is made, the site changes (edit, delete,
add, a file's bytes replaced), a second backup, more changes; then the
instance is stopped and each backup is restored and read back from the
database itself.
"""

import base64
import hashlib
import json
import os
import subprocess

from tests.servers import DAKTO
from tests.servers import REPO
from tests.servers import DaktoServer
from tests.servers import http_get
from tests.servers import run_dakto


ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
FOLDER = "gioi-thieu"
BYTES_FORM = os.urandom(150_000)
BYTES_DECISION = b"%PDF-1.4\n" + os.urandom(60_000)
BYTES_FORM_NEW = os.urandom(90_000)


def digest(data):
    return hashlib.sha256(data).hexdigest()


def rest(server, path, method="GET", body=None):
    status, answer = http_get(
        f"{server.url}/{path}",
        headers=JSON,
        auth=ADMIN,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
    )
    assert status < 300, (status, answer[:500])
    return json.loads(answer) if answer.strip() else None


def add(server, type_, id_, title, data=None, filename=None):
    body = {"@type": type_, "id": id_, "title": title}
    if data is not None:
        body["file"] = {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": "application/octet-stream",
        }
    rest(server, FOLDER, "POST", body)


def file_body(data, filename):
    return {
        "file": {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": "application/octet-stream",
        }
    }


# What the folder holds at each backup: id -> (type, title, sha256 of the file or None)
STATE_FIRST = {
    "tai-lieu": ("Document", "Giới thiệu chung về thị trấn", None),
    "bieu-mau": ("File", "Biểu mẫu đăng ký", digest(BYTES_FORM)),
    "quyet-dinh": ("File", "Quyết định thành lập", digest(BYTES_DECISION)),
}
STATE_SECOND = {
    "tai-lieu": ("Document", "Giới thiệu (đã sửa)", None),
    "bieu-mau": ("File", "Biểu mẫu đăng ký", digest(BYTES_FORM_NEW)),
    "moi-them": ("Document", "Trang mới thêm", None),
}


def build_first_state(server):
    for id_, (type_, title, _) in STATE_FIRST.items():
        data = {"bieu-mau": BYTES_FORM, "quyet-dinh": BYTES_DECISION}.get(id_)
        add(server, type_, id_, title, data, f"{id_}.bin" if data else None)


def change_to_second_state(server):
    rest(server, f"{FOLDER}/tai-lieu", "PATCH", {"title": "Giới thiệu (đã sửa)"})
    rest(server, f"{FOLDER}/quyet-dinh", "DELETE")
    add(server, "Document", "moi-them", "Trang mới thêm")
    rest(server, f"{FOLDER}/bieu-mau", "PATCH", file_body(BYTES_FORM_NEW, "bieu-mau.bin"))


def change_after_last_backup(server):
    rest(server, f"{FOLDER}/tai-lieu", "PATCH", {"title": "Lần sửa sau bản sao cuối"})
    add(server, "Document", "sau-sao-luu", "Thêm sau bản sao cuối")


# Every id the scenario creates (the folder also holds the site's own pages).
MANAGED = set(STATE_FIRST) | set(STATE_SECOND) | {"sau-sao-luu"}


def read_state(db):
    """(id -> (type, title, sha256), catalogued ids) of the scenario's items, from the database."""
    connection = db.open()
    try:
        # Straight from the storage (the folders' BTrees), no Zope components needed.
        site = connection.root()["Application"]["dakto"]
        folder = site._tree[FOLDER]
        state = {}
        for id_ in sorted(MANAGED & set(folder._tree.keys())):
            obj = folder._tree[id_]
            blob = getattr(obj, "file", None)
            data = None
            if blob is not None:
                with blob.open() as handle:
                    data = digest(handle.read())
            state[id_] = (obj.portal_type, obj.title, data)
        prefix = f"/dakto/{FOLDER}/"
        catalogued = sorted(
            path[len(prefix) :]
            for path in site._tree["portal_catalog"]._catalog.uids.keys()
            if path.startswith(prefix) and path[len(prefix) :] in MANAGED
        )
        return state, catalogued
    finally:
        connection.close()


def dakto(env, *args, **kwargs):
    return run_dakto(env, *args, **kwargs)


def restore(env, name=None, yes=True):
    args = ["restore"] + ([name] if name else []) + (["--yes"] if yes else [])
    return subprocess.run(
        [str(DAKTO), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def one_line_error(result, *words):
    assert result.returncode != 0, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def backup_name(result):
    assert result.returncode == 0, result.stderr
    # "Backup NAME written (kind) in PATH."
    words = result.stdout.split()
    return words[words.index("Backup") + 1], words[words.index("Backup") + 3].strip("()")


def start(env):
    return DaktoServer(env).start()
