"""Create the site 'dakto' in a zc.buildout instance, if it is missing.

Usage: bin/instance run scripts/buildout_create_site.py [--no-demo]
(`bin/instance run` binds `app` to the Zope application.)
"""

import sys

import transaction
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

from dakto.instance.site import ensure_site
from dakto.policy.security import root


app = makerequest(app)  # noqa: F821 - provided by `bin/instance run`
setRequest(app.REQUEST)
created = ensure_site(app, demo="--no-demo" not in sys.argv)
root.install(app)  # the Zope root's logins counted, locked, audited (as `dakto` does)
transaction.commit()
print("site created" if created else "site already there")
