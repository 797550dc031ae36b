"""The old site's web server of the news imports (feeds and sitemaps): a
real HTTP server on a loopback port serving ``tmp_path / "old-site"``."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest

from tests.bulk_import.helpers import png
from tests.servers import free_port


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    """The old site's address; its files are ``tmp_path / "old-site"`` (an
    image at ``/images/le-hoi.png``)."""
    root = tmp_path / "old-site"
    (root / "images").mkdir(parents=True)
    (root / "images" / "le-hoi.png").write_bytes(png())
    server = ThreadingHTTPServer(
        ("127.0.0.1", free_port()), partial(QuietHandler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
