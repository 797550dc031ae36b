"""The SHA-256 of a file, read in blocks: what backups, archival exports and
per-site backups write next to their files and check before a restore."""

import hashlib


BLOCK = 1 << 20


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()
