"""No ``X-Powered-By`` header (issue 21.6).

Zope's ``HTTPBaseResponse.listHeaders`` puts ``X-Powered-By: Zope
(www.zope.dev), Python (www.python.org)`` first in every response's headers,
unconditionally: it is not in ``response.headers`` (so a subscriber cannot
remove it) and no zope.conf setting turns it off. The method is wrapped once,
at import (``headers.py`` imports this module), to leave it out; every other
header passes through unchanged.
"""

from ZPublisher.HTTPResponse import HTTPBaseResponse


HEADER = "x-powered-by"


def _without_powered_by(list_headers):
    def listHeaders(self):
        return [(name, value) for name, value in list_headers(self) if name.lower() != HEADER]

    listHeaders._dakto_without_powered_by = True
    return listHeaders


if not getattr(HTTPBaseResponse.listHeaders, "_dakto_without_powered_by", False):
    HTTPBaseResponse.listHeaders = _without_powered_by(HTTPBaseResponse.listHeaders)
