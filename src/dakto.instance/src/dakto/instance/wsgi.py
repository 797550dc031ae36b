"""WSGI filter: when the database or the disk fails, a clear 503 page.

Zope renders errors with the site's own error pages, but those need the
database. When PostgreSQL is unreachable (RelStorage) or the disk is full,
the request fails before or after Plone could answer; this filter, outermost
in zope.ini's pipeline, answers such failures with a static page in
Vietnamese and English, status 503 and Retry-After, and logs the error. The
transaction was aborted by Zope: nothing half-written stays.
"""

import logging
import sys

from dakto.policy.storage_failures import RETRY_AFTER
from dakto.policy.storage_failures import is_storage_failure


logger = logging.getLogger("dakto.unavailable")

PAGE = """<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin tạm thời gián đoạn</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{color:#a50e0e;font-size:1.5rem}</style></head>
<body><main>
<h1>Cổng thông tin tạm thời gián đoạn</h1>
<p>Hệ thống đang gặp sự cố lưu trữ dữ liệu nên chưa phục vụ được yêu cầu của bạn.
Dữ liệu đã lưu trước đó không bị ảnh hưởng; thao tác vừa rồi chưa được ghi.
Vui lòng thử lại sau ít phút.</p>
<p lang="en">The portal is temporarily unavailable: its data storage failed. Nothing you sent
was saved and nothing stored before was lost. Please try again in a few minutes.</p>
</main></body></html>
""".encode()


class StorageFailurePage:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        try:
            return self.app(environ, start_response)
        except Exception as error:
            if not is_storage_failure(error):
                raise
            logger.error("Storage failure, answered 503: %r", error, exc_info=True)
            start_response(
                "503 Service Unavailable",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(PAGE))),
                    ("Retry-After", RETRY_AFTER),
                    ("Cache-Control", "no-store"),
                ],
                sys.exc_info(),
            )
            return [PAGE]


def filter_factory(global_conf, **local_conf):
    """PasteDeploy: ``[filter:storage-failure] use = call:dakto.instance.wsgi:filter_factory``."""
    return StorageFailurePage
