"""WSGI filter: gzip the text the portal sends (HTML, CSS, JavaScript, JSON,
XML, SVG) when the client accepts it (issue 16, docs/light-pages.md).

One place for every way the portal is served: `make start` (waitress) and
the cluster, whose Varnish keeps the compressed copy and unzips it for the
rare client that does not accept gzip, and whose HAProxy passes it on.
Images, PDF and other already compressed files go out as they are (and keep
waitress's file wrapper); a response is compressed while it streams, chunk
by chunk, so a large one is never held in memory. Responses that vary get
``Vary: Accept-Encoding``; a strong ETag of a compressed body becomes weak
(its bytes are not the identity body's).
"""

import zlib


COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/x-javascript",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/xhtml+xml",
    "image/svg+xml",
)
MINIMUM = 512  # bytes: below one packet gzip saves nothing
LEVEL = 6


def accepts_gzip(environ):
    """Whether Accept-Encoding allows gzip (``gzip;q=0`` refuses it)."""
    for part in environ.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() not in ("gzip", "*"):
            continue
        params = params.replace(" ", "")
        if params.startswith("q="):
            try:
                return float(params[2:]) > 0
            except ValueError:
                return False
        return True
    return False


def _header(headers, name):
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def compressible(status, headers):
    """Whether a response of ``status`` with ``headers`` is worth gzip."""
    code = status.split(" ", 1)[0]
    if not code.startswith("2") or code in ("204", "206"):
        return False
    kind = (_header(headers, "Content-Type") or "").split(";")[0].strip().lower()
    if not kind.startswith(COMPRESSIBLE):
        return False
    if _header(headers, "Content-Encoding") or _header(headers, "Content-Range"):
        return False
    length = _header(headers, "Content-Length")
    return not (length is not None and length.isdigit() and int(length) < MINIMUM)


def _add_vary(headers):
    vary = _header(headers, "Vary")
    if vary is None:
        headers.append(("Vary", "Accept-Encoding"))
    elif "accept-encoding" not in vary.lower() and vary.strip() != "*":
        headers[:] = [(k, v) for k, v in headers if k.lower() != "vary"]
        headers.append(("Vary", f"{vary}, Accept-Encoding"))


class Gzip:
    def __init__(self, app, level=LEVEL):
        self.app = app
        self.level = level

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "HEAD" or not accepts_gzip(environ):
            return self.app(environ, start_response)
        state = {"compress": None, "written": []}

        def gzip_start_response(status, headers, exc_info=None):
            headers = list(headers)
            state["compress"] = compressible(status, headers)
            if state["compress"]:
                headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
                headers.append(("Content-Encoding", "gzip"))
                _add_vary(headers)
                etag = _header(headers, "ETag")
                if etag and not etag.startswith("W/"):
                    headers = [(k, v) for k, v in headers if k.lower() != "etag"]
                    headers.append(("ETag", f"W/{etag}"))
            elif state["compress"] is False and (
                (_header(headers, "Content-Type") or "").lower().startswith(COMPRESSIBLE)
            ):
                _add_vary(headers)
            write = start_response(status, headers, exc_info)
            if not state["compress"]:
                return write
            return state["written"].append  # compressed with the body below

        body = self.app(environ, gzip_start_response)
        if state["compress"] is None:  # start_response comes with the first chunk
            return self._deferred(body, state)
        if not state["compress"]:
            return body
        return self._compressed(body, state["written"])

    def _deferred(self, body, state):
        iterator = iter(body)
        try:
            first = next(iterator, None)
            chunks = [] if first is None else [first]
            if state["compress"]:
                yield from self._compressed(_Chain(chunks, iterator), state["written"])
            else:
                yield from chunks
                yield from iterator
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()

    def _compressed(self, body, written):
        compressor = zlib.compressobj(self.level, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        try:
            for chunk in written:
                data = compressor.compress(chunk)
                if data:
                    yield data
            for chunk in body:
                data = compressor.compress(chunk)
                if data:
                    yield data
            yield compressor.flush()
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()


class _Chain:
    """The chunks already read, then the rest of the body (closed by its caller)."""

    def __init__(self, chunks, rest):
        self.chunks = chunks
        self.rest = rest

    def __iter__(self):
        yield from self.chunks
        yield from self.rest


def filter_factory(global_conf, level=LEVEL, **local_conf):
    """PasteDeploy: ``[filter:gzip] use = call:dakto.instance.compression:filter_factory``."""

    def make(app):
        return Gzip(app, int(level))

    return make
