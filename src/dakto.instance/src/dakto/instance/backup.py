"""``dakto backup`` and ``dakto restore``: backups that restore (Article 11.4).

Every backup is a folder of ``$DAKTO_BACKUP_DIR`` named after its UTC time and
kind, e.g. ``20261129T011405Z-full`` or ``20261129T031000Z-incr``:

- ``backup.json``: what it is (storage, kind, the full backup it builds on,
  the previous backup of its chain, when it was made);
- FileStorage: ``repozo/`` holds the files ZODB's ``repozo`` wrote for this
  backup (a gzipped full ``.fsz``, or the ``.deltafsz`` of an incremental, with
  the ``.dat`` and ``.index`` as of this backup) and ``blobstorage/`` a
  complete copy of the blob folder (files unchanged since the previous backup
  are hard links to it: blob files never change once written). repozo runs
  first, then the blobs are copied, so every blob the saved Data.fs refers to
  is in the copy;
- RelStorage: ``database.dump``, a ``pg_dump --format=custom`` snapshot of the
  whole database (the blobs are stored in it);
- ``SHA256SUMS``: the sha256 of every other file (``sha256sum -c`` reads it),
  checked for the whole chain before anything is restored.
"""

import contextlib
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dakto.instance.settings import SITE_ID
from dakto.instance.settings import SettingsError
from dakto.policy.checksums import sha256
from dakto.policy.commands import t


SUMS = "SHA256SUMS"
MANIFEST = "backup.json"
FULL = "full"
INCREMENTAL = "incr"
NAME = re.compile(r"^\d{8}T\d{6}Z-(full|incr)$")
REPOZO_DATA = re.compile(r"^\d{4}(?:-\d\d){5}\.(?:delta)?fsz?$")
REPOZO_SECOND = "%Y-%m-%d-%H-%M-%S"  # how repozo names its files (UTC)


class BackupError(SettingsError):
    """A backup or restore that cannot go on; one line that says why."""


def _say(message):
    print(message, flush=True)


# --- sets -------------------------------------------------------------------


class BackupSet:
    def __init__(self, path):
        self.path = Path(path)
        self.name = self.path.name
        try:
            self.info = json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.info = {}

    @property
    def kind(self):
        return self.info.get("kind")

    @property
    def storage(self):
        return self.info.get("storage")

    @property
    def previous(self):
        return self.info.get("previous")

    def __repr__(self):
        return f"<BackupSet {self.name}>"


def backup_dir(settings):
    return settings.backup_dir


def all_sets(settings):
    """The backups in ``DAKTO_BACKUP_DIR``, oldest first."""
    folder = backup_dir(settings)
    if not folder.is_dir():
        return []
    return [BackupSet(p) for p in sorted(folder.iterdir()) if p.is_dir() and NAME.match(p.name)]


def find_set(settings, name=None):
    """The backup called ``name`` (default: the latest); one line if missing."""
    sets = [s for s in all_sets(settings) if s.storage == settings.storage]
    if name is None:
        if not sets:
            raise BackupError(
                t(
                    "There is no backup in ${path} yet: run `make backup` first.",
                    path=backup_dir(settings),
                )
            )
        return sets[-1]
    for backup in sets:
        if backup.name == name:
            return backup
    raise BackupError(
        t(
            "There is no backup called ${name} in ${path}; `dakto backup --list` lists them.",
            name=name,
            path=backup_dir(settings),
        )
    )


def chain(settings, backup):
    """The full backup ``backup`` builds on, then each backup up to it."""
    by_name = {s.name: s for s in all_sets(settings)}
    result = [backup]
    while result[0].kind != FULL:
        previous = by_name.get(result[0].previous or "")
        if previous is None:
            raise BackupError(
                t(
                    "Backup ${name} is incomplete: the backup it builds on (${previous}) is missing.",
                    name=result[0].name,
                    previous=result[0].previous or "?",
                )
            )
        result.insert(0, previous)
    return result


def _utc_second_after(latest, form):
    """The current UTC time as ``form``, once it is later than ``latest``.

    Backups and repozo's files are named by the second and ordered by name,
    so two of them made within one second would collide or sort wrongly.
    """
    while True:
        stamp = datetime.datetime.now(datetime.UTC).strftime(form)
        if stamp > latest:
            return stamp
        time.sleep(0.2)


def _new_name(settings, kind):
    """A name later than every existing backup."""
    latest = max((s.name[:16] for s in all_sets(settings)), default="")
    return f"{_utc_second_after(latest, '%Y%m%dT%H%M%SZ')}-{kind}"


# --- checksums --------------------------------------------------------------


def _files(folder):
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.name != SUMS:
            yield path


def write_sums(folder, known=None):
    """Write ``SHA256SUMS`` for every file of ``folder`` (``sha256sum`` format).

    ``known`` maps a file's (device, inode) to a digest already computed:
    hard-linked blob files are not read again.
    """
    known = known or {}
    lines = []
    for path in _files(folder):
        stat = path.stat()
        digest = known.get((stat.st_dev, stat.st_ino)) or sha256(path)
        lines.append(f"{digest}  {path.relative_to(folder).as_posix()}")
    (Path(folder) / SUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_sums(folder):
    sums = {}
    text = (Path(folder) / SUMS).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            digest, name = line.split("  ", 1)
            sums[name] = digest
    return sums


def known_digests(folder):
    """(device, inode) -> digest for the files of a checked folder."""
    known = {}
    try:
        sums = read_sums(folder)
    except (OSError, ValueError):
        return known
    for name, digest in sums.items():
        with contextlib.suppress(OSError):
            stat = (Path(folder) / name).stat()
            known[(stat.st_dev, stat.st_ino)] = digest
    return known


def check_sums(folder, label=None):
    """Every file listed with the right digest, none missing, none added."""
    folder = Path(folder)
    label = label or folder.name
    try:
        sums = read_sums(folder)
    except (OSError, ValueError):
        raise BackupError(
            t("${name}: the checksum file SHA256SUMS is missing or unreadable.", name=label)
        ) from None
    present = {p.relative_to(folder).as_posix() for p in _files(folder)}
    for name in sorted(set(sums) | present):
        if name not in present:
            raise BackupError(t("${name}: the file ${file} is missing.", name=label, file=name))
        if name not in sums:
            raise BackupError(
                t("${name}: the file ${file} is not in SHA256SUMS.", name=label, file=name)
            )
        if sha256(folder / name) != sums[name]:
            raise BackupError(
                t(
                    "${name}: the checksum of ${file} does not match: the backup is damaged, nothing was restored.",
                    name=label,
                    file=name,
                )
            )
    return len(sums)


# --- running instance checks ------------------------------------------------


def _port_in_use(settings):
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((settings.host, settings.port)) == 0


def check_stopped(settings):
    """Refuse to restore over a running instance."""
    if settings.storage == "filestorage":
        import zc.lockfile

        lock_path = settings.var / "filestorage" / "Data.fs.lock"
        if lock_path.exists():
            try:
                zc.lockfile.LockFile(str(lock_path)).close()
            except zc.lockfile.LockError:
                raise BackupError(
                    t(
                        "Restore refused: the instance in ${path} is running (its Data.fs is locked); stop it first.",
                        path=settings.var,
                    )
                ) from None
    else:
        others = _other_connections(settings.pg_dsn)
        if others:
            raise BackupError(
                t(
                    "Restore refused: ${count} other connection(s) use the database of DAKTO_PG_DSN (a running Zope process?); stop every process using it first.",
                    count=others,
                )
            )
    if _port_in_use(settings):
        raise BackupError(
            t(
                "Restore refused: a process listens on ${host}:${port} (the instance is running?); stop it first.",
                host=settings.host,
                port=settings.port,
            )
        )


def _connect(dsn):
    import psycopg2

    try:
        return psycopg2.connect(dsn, connect_timeout=5)
    except psycopg2.Error as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise BackupError(
            t(
                "Cannot reach the PostgreSQL database of DAKTO_PG_DSN (${reason}): start PostgreSQL or correct DAKTO_PG_DSN.",
                reason=reason,
            )
        ) from None


def _other_connections(dsn):
    connection = _connect(dsn)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return cursor.fetchone()[0]
    finally:
        connection.close()


# --- tools ------------------------------------------------------------------


def _run(command, what):
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        reason = lines[-1] if lines else f"exit {result.returncode}"
        raise BackupError(t("${what} failed: ${reason}", what=what, reason=reason))
    return result


def repozo():
    return Path(sys.executable).with_name("repozo")


def pg_tool(settings, name):
    """pg_dump/pg_restore: DAKTO_PG_BIN, else the newest server's, else PATH."""
    if settings.pg_bin:
        candidate = Path(settings.pg_bin) / name
        if candidate.is_file():
            return candidate
        raise BackupError(
            t("DAKTO_PG_BIN=${path} has no ${tool}.", path=settings.pg_bin, tool=name)
        )
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=_version, reverse=True)
    if found:
        return found[0]
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise BackupError(
        t(
            "${tool} is not installed: install PostgreSQL's client programs or set DAKTO_PG_BIN.",
            tool=name,
        )
    )


def _version(path):
    try:
        return int(path.parent.parent.name)
    except ValueError:
        return 0


# --- backup -----------------------------------------------------------------


def _copy_blobs(source, target, previous):
    """Copy the blob folder; files already in ``previous`` are hard-linked."""
    known = {}
    if not source.is_dir():
        target.mkdir(parents=True)
        return known
    previous_known = known_digests(previous.parent) if previous else {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts and relative.parts[0] == "tmp":
            continue
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        old = previous / relative if previous else None
        if (
            old is not None
            and path.suffix == ".blob"
            and old.is_file()
            and old.stat().st_size == path.stat().st_size
        ):
            os.link(old, destination)
            stat = old.stat()
            if (stat.st_dev, stat.st_ino) in previous_known:
                known[(stat.st_dev, stat.st_ino)] = previous_known[(stat.st_dev, stat.st_ino)]
        else:
            shutil.copy2(path, destination)
    return known


def _work_repository(sets, work):
    """Link the repozo files of a chain into ``work`` (a repozo repository)."""
    work.mkdir(parents=True, exist_ok=True)
    for backup in sets:
        for path in (backup.path / "repozo").iterdir():
            if REPOZO_DATA.match(path.name):
                os.link(path, work / path.name)
    last = sets[-1].path / "repozo"
    for path in last.iterdir():
        if not REPOZO_DATA.match(path.name) and not (work / path.name).exists():
            shutil.copy2(path, work / path.name)


def _backup_filestorage(settings, target, full):
    data_fs = settings.var / "filestorage" / "Data.fs"
    if not data_fs.is_file():
        raise BackupError(t("There is no database to back up: ${path} is missing.", path=data_fs))
    sets = [s for s in all_sets(settings) if s.storage == "filestorage"]
    base = None if full or not sets else chain(settings, sets[-1])
    work = Path(tempfile.mkdtemp(prefix=".work-", dir=backup_dir(settings)))
    try:
        if base:
            _work_repository(base, work)
        before = {p.name for p in work.iterdir()}
        # repozo --recover takes the files after the newest full backup *by
        # name*: an incremental named in the second of the file before it
        # (``.deltafsz`` sorts before ``.fsz``) would be left out of restores.
        _utc_second_after(max((n.split(".")[0] for n in before), default=""), REPOZO_SECOND)
        command = [repozo(), "--backup", "--gzip", "--repository", work, "--file", data_fs]
        if not base:
            command.append("--full")
        _run(command, "repozo")
        new = sorted(
            p for p in work.iterdir() if REPOZO_DATA.match(p.name) and p.name not in before
        )
        if not new:
            return None
        kind = INCREMENTAL if new[-1].suffix == ".deltafsz" else FULL
        (target / "repozo").mkdir(parents=True)
        root = new[-1].name.split(".")[0]
        for path in work.iterdir():
            if path in new or path.suffix == ".dat" or path.name == f"{root}.index":
                if path.suffix == ".dat" and kind == FULL and not path.name.startswith(root):
                    continue
                shutil.copy2(path, target / "repozo" / path.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    previous = base[-1] if base and kind == INCREMENTAL else None
    known = _copy_blobs(
        settings.var / "blobstorage",
        target / "blobstorage",
        previous.path / "blobstorage" if previous else None,
    )
    return kind, previous, known


def _backup_relstorage(settings, target):
    target.mkdir(parents=True)
    _run(
        [
            pg_tool(settings, "pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            target / "database.dump",
            "--dbname",
            settings.pg_dsn,
        ],
        "pg_dump",
    )
    return FULL, None, {}


def backup(settings, full=False):
    """Make a backup; return its set (None when nothing changed)."""
    folder = backup_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".new-", dir=folder))
    try:
        target = staging / "set"
        if settings.storage == "filestorage":
            result = _backup_filestorage(settings, target, full)
            if result is None:
                return None
        else:
            result = _backup_relstorage(settings, target)
        kind, previous, known = result
        name = _new_name(settings, kind)
        info = {
            "name": name,
            "kind": kind,
            "storage": settings.storage,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "previous": previous.name if previous else None,
            "format": "dakto-backup/1",
        }
        (target / MANIFEST).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        write_sums(target, known)
        final = folder / name
        target.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BackupSet(final)


def prune(settings):
    """Keep the last DAKTO_BACKUP_KEEP full backups; delete older ones and their incrementals."""
    sets = all_sets(settings)
    fulls = [s for s in sets if s.kind == FULL]
    if len(fulls) <= settings.backup_keep:
        return []
    oldest_kept = fulls[-settings.backup_keep].name
    removed = [s for s in sets if s.name < oldest_kept]
    for backup in removed:
        shutil.rmtree(backup.path)
    return removed


# --- restore ----------------------------------------------------------------


def check_chain(settings, backup):
    sets = chain(settings, backup)
    for item in sets:
        check_sums(item.path)
    return sets


def _restore_filestorage_into(sets, var):
    """Write Data.fs and blobstorage of ``sets`` into ``var`` (new folders)."""
    work = Path(tempfile.mkdtemp(prefix=".restore-", dir=var))
    try:
        repository = work / "repository"
        _work_repository(sets, repository)
        (var / "filestorage.new").mkdir()
        _run(
            [
                repozo(),
                "--recover",
                "--with-verify",
                "--repository",
                repository,
                "--output",
                var / "filestorage.new" / "Data.fs",
            ],
            "repozo",
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(sets[-1].path / "blobstorage", var / "blobstorage.new")


def restore(settings, backup, sets=None):
    """Replace the instance's data by ``backup`` (checked first)."""
    sets = sets or check_chain(settings, backup)
    check_stopped(settings)
    if settings.storage == "filestorage":
        var = settings.var
        var.mkdir(parents=True, exist_ok=True)
        for leftover in ("filestorage.new", "blobstorage.new"):
            shutil.rmtree(var / leftover, ignore_errors=True)
        _restore_filestorage_into(sets, var)
        # The data it replaces is kept in before-restore/ until the next restore.
        kept = var / "before-restore"
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir()
        for name in ("filestorage", "blobstorage"):
            if (var / name).exists():
                (var / name).rename(kept / name)
            (var / f"{name}.new").rename(var / name)
    else:
        _run(
            [
                pg_tool(settings, "pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                settings.pg_dsn,
                backup.path / "database.dump",
            ],
            "pg_restore",
        )
        shutil.rmtree(settings.var / "blobcache", ignore_errors=True)
    return sets


# --- verify -----------------------------------------------------------------


def inspect_database(db):
    """(catalogued objects, database records, blobs read) of an opened ZODB."""
    from ZODB.blob import is_blob_record

    connection = db.open()
    try:
        app = connection.root()["Application"]
        if SITE_ID not in app.objectIds():
            raise BackupError(t("The restored database has no site '${site}'.", site=SITE_ID))
        site = getattr(app, SITE_ID)
        catalogued = len(site._getOb("portal_catalog"))
        storage = db.storage
        records = blobs = 0
        if hasattr(storage, "record_iternext"):
            cursor = None
            while True:
                oid, tid, data, cursor = storage.record_iternext(cursor)
                records += 1
                if is_blob_record(data):
                    with open(storage.loadBlob(oid, tid), "rb") as handle:
                        handle.read(1)
                    blobs += 1
                if cursor is None:
                    break
        else:
            records = len(storage)
        return catalogued, records, blobs
    finally:
        connection.close()


def open_filestorage(var, read_only=True):
    import ZODB
    from ZODB.FileStorage import FileStorage

    storage = FileStorage(
        str(var / "filestorage" / "Data.fs"),
        blob_dir=str(var / "blobstorage"),
        read_only=read_only,
    )
    return ZODB.DB(storage)


def open_relstorage(dsn, blob_cache):
    import ZODB.config

    return ZODB.config.databaseFromString(
        "%import relstorage\n<zodb>\n<relstorage>\nkeep-history true\nread-only true\n"
        f"shared-blob-dir false\nblob-dir {blob_cache}\n<postgresql>\ndsn {dsn}\n"
        "</postgresql>\n</relstorage>\n</zodb>\n"
    )


def _scratch_dsn(dsn, name):
    from psycopg2.extensions import make_dsn
    from psycopg2.extensions import parse_dsn

    params = parse_dsn(dsn)
    params["dbname"] = name
    return make_dsn(**params)


def verify(settings, backup):
    """Restore ``backup`` into a scratch instance and open it."""
    sets = check_chain(settings, backup)
    scratch = Path(tempfile.mkdtemp(prefix="dakto-verify-"))
    try:
        if settings.storage == "filestorage":
            _restore_filestorage_into(sets, scratch)
            (scratch / "filestorage.new").rename(scratch / "filestorage")
            (scratch / "blobstorage.new").rename(scratch / "blobstorage")
            db = open_filestorage(scratch)
            try:
                return inspect_database(db)
            finally:
                db.close()
        name = f"dakto_verify_{os.getpid()}"
        connection = _connect(settings.pg_dsn)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        except Exception as error:
            connection.close()
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise BackupError(
                t(
                    "Cannot create a scratch database to verify the backup (${reason}).",
                    reason=reason,
                )
            ) from None
        try:
            dsn = _scratch_dsn(settings.pg_dsn, name)
            _run(
                [
                    pg_tool(settings, "pg_restore"),
                    "--no-owner",
                    "--exit-on-error",
                    "--dbname",
                    dsn,
                    backup.path / "database.dump",
                ],
                "pg_restore",
            )
            db = open_relstorage(dsn, scratch / "blobcache")
            try:
                return inspect_database(db)
            finally:
                db.close()
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- commands ---------------------------------------------------------------


def cmd_backup(settings, args):
    if args.list:
        for item in all_sets(settings):
            _say(f"{item.name}  {item.storage}  {item.kind}")
        return
    if args.verify is not False:
        item = find_set(settings, args.verify)
        catalogued, records, blobs = verify(settings, item)
        _say(
            t(
                "Backup ${name} is good: restored into a scratch instance, site '${site}' found, ${catalogued} catalogued objects, ${records} database records, ${blobs} blobs read.",
                name=item.name,
                site=SITE_ID,
                catalogued=catalogued,
                records=records,
                blobs=blobs,
            )
        )
        return
    item = backup(settings, full=args.full)
    if item is None:
        _say(t("Nothing changed since the last backup; no new backup written."))
        return
    _say(
        t(
            "Backup ${name} written (${kind}) in ${path}.",
            name=item.name,
            kind=item.kind,
            path=item.path,
        )
    )
    for removed in prune(settings):
        _say(t("Old backup ${name} deleted (DAKTO_BACKUP_KEEP).", name=removed.name))


def _confirmed(args, settings, item):
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise BackupError(
            t(
                "Restore refused: no terminal to ask for confirmation; add CONFIRM=yes (make) or --yes (dakto)."
            )
        )
    question = t(
        "Replace the data of ${path} with backup ${name}? Type yes to go on: ",
        path=settings.var if settings.storage == "filestorage" else "DAKTO_PG_DSN",
        name=item.name,
    )
    answer = input(question)
    return answer.strip().lower() in ("yes", "y", "có", "co")


def cmd_restore(settings, args):
    name = args.name or None
    item = find_set(settings, name)
    sets = check_chain(settings, item)
    check_stopped(settings)
    if not _confirmed(args, settings, item):
        raise BackupError(t("Restore cancelled; nothing was changed."))
    restore(settings, item, sets)
    _say(t("Backup ${name} restored; start the instance again.", name=item.name))
