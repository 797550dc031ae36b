"""The one file checksum of backups, archives and per-site backups."""

import hashlib

from dakto.policy.checksums import BLOCK
from dakto.policy.checksums import sha256


def test_sha256_of_a_file_larger_than_one_block(tmp_path):
    data = b"\x00\xffd\xe1\xba\xaf" * (BLOCK // 3)
    path = tmp_path / "Data.fs"
    path.write_bytes(data)
    assert sha256(path) == hashlib.sha256(data).hexdigest()
