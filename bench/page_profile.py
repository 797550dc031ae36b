"""Where an anonymous page's time goes, measured in one process without HTTP.

Builds (or reuses, with --var) a scratch FileStorage instance with the demo
portal and the baseline Classic UI site (bench/baseline.py), switches
plone.app.caching off in it (the RAM cache would answer otherwise), then
calls Zope's WSGI application directly:

- the mean time of each page, in interleaved rounds, and its ratio to the
  first page given (by default the baseline's front page);
- with --viewlets, the time of each viewlet (update + render) of one page;
- with --profile, cProfile over one page, the stats written to a file and
  the top functions by cumulative time printed.

A development tool beside bench/serving.py (which measures over HTTP with
wrk under load): use it to find what to make faster, then confirm with
serving.py.
"""

import argparse
import collections
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ARTICLE = "/dakto/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"
CACHING = "plone.caching.interfaces.ICacheSettings.enabled"


def prepare(var):
    """Configure the instance in ``var`` and create both sites if missing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKTO_")}
    env.update(DAKTO_VAR=str(var), DAKTO_INSTANCE=str(REPO / "instance"), DAKTO_LANG="en")
    for command in ("configure", "create-site"):
        result = subprocess.run(
            [str(BIN / "dakto"), command], env=env, cwd=REPO, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"dakto {command}: {result.stdout}{result.stderr}".strip())
    os.environ.update(env)


def open_wsgi_app():
    """Zope's WSGI application on the instance; both sites ready, caching off."""
    import transaction
    import Zope2
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.users import system
    from baseline import create_classic_site
    from plone.registry.interfaces import IRegistry
    from Testing.makerequest import makerequest
    from zope.component import getUtility
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app

    from dakto.instance import settings

    app = make_wsgi_app({}, str(settings.load().zope_conf))
    root = makerequest(Zope2.app())
    setRequest(root.REQUEST)
    newSecurityManager(None, system)
    create_classic_site(root)
    setSite(root["dakto"])
    getUtility(IRegistry)[CACHING] = False
    transaction.commit()
    noSecurityManager()
    setSite(None)
    root._p_jar.close()
    return app


def request(app, path, host):
    """GET ``path`` as an anonymous browser; (status, bytes)."""
    out = io.BytesIO()
    status = []

    def start_response(value, headers, exc_info=None):
        status.append(value)
        return out.write

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": host.split(":")[0],
        "SERVER_PORT": host.split(":")[1] if ":" in host else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_LANGUAGE": "vi",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    body = b"".join(app(environ, start_response))
    return status[0], len(body) + len(out.getvalue())


def timings(app, paths, rounds, per_round, host):
    """Mean ms of each path over interleaved rounds (noise hits all alike)."""
    total = dict.fromkeys(paths, 0.0)
    for path in paths:
        for _ in range(3):
            request(app, path, host)  # warm the caches of templates and ZODB
    for _ in range(rounds):
        for path in paths:
            began = time.perf_counter()
            for _ in range(per_round):
                status, _ = request(app, path, host)
            total[path] += time.perf_counter() - began
            if not status.startswith("200"):
                raise SystemExit(f"{path}: {status}")
    return {path: 1000 * total[path] / (rounds * per_round) for path in paths}


def viewlet_times(app, path, count, host):
    """Mean ms of each viewlet (update + render) of ``path``."""
    import zope.event
    from zope.contentprovider.interfaces import BeforeUpdateEvent
    from zope.viewlet import manager

    spent = collections.defaultdict(float)

    def timed(function, name):
        def wrapper():
            began = time.perf_counter()
            try:
                return function()
            finally:
                spent[name] += time.perf_counter() - began

        return wrapper

    def update_viewlets(self):
        for viewlet in self.viewlets:
            name = f"{self.__name__}/{viewlet.__name__}"
            zope.event.notify(BeforeUpdateEvent(viewlet, self.request))
            timed(viewlet.update, name)()
            viewlet.render = timed(viewlet.render, name)

    original = manager.ViewletManagerBase._updateViewlets
    manager.ViewletManagerBase._updateViewlets = update_viewlets
    try:
        for _ in range(3):
            request(app, path, host)
        spent.clear()
        began = time.perf_counter()
        for _ in range(count):
            request(app, path, host)
        whole = 1000 * (time.perf_counter() - began) / count
    finally:
        manager.ViewletManagerBase._updateViewlets = original
    return whole, {name: 1000 * value / count for name, value in spent.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Time anonymous pages in one process (no HTTP), per viewlet or with "
        "cProfile, against the baseline Classic UI site, plone.app.caching off."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=["/Plone", "/dakto", ARTICLE],
        help="paths to time; the first is the reference (default: /Plone /dakto and an article)",
    )
    parser.add_argument(
        "--var",
        help="instance folder to create or reuse (default: a new temporary one, removed)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (5)")
    parser.add_argument("--requests", type=int, default=10, help="requests a path a round (10)")
    parser.add_argument("--viewlets", metavar="PATH", help="time each viewlet of PATH")
    parser.add_argument("--profile", metavar="PATH", help="cProfile PATH")
    parser.add_argument(
        "--output", default="page.prof", help="the --profile stats file (page.prof)"
    )
    parser.add_argument(
        "--host", default="127.0.0.1:8080", help="Host header of the requests (127.0.0.1:8080)"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.requests < 1:
        parser.error("--rounds and --requests must be at least 1")
    if not all(path.startswith("/") for path in [*args.paths, args.viewlets or "/"]):
        parser.error("paths start with / (e.g. /dakto)")

    scratch = None if args.var else tempfile.TemporaryDirectory(prefix="dakto-profile-")
    var = Path(args.var or scratch.name).resolve()
    print(f"instance in {var} (demo portal and baseline site)…", flush=True)
    prepare(var)
    sys.path.insert(0, str(Path(__file__).parent))
    app = open_wsgi_app()

    means = timings(app, args.paths, args.rounds, args.requests, args.host)
    reference = means[args.paths[0]]
    print(f"\n{'path':<60} {'ms':>8} {'ratio':>7}")
    for path, value in means.items():
        print(f"{path:<60} {value:>8.1f} {value / reference:>7.2f}")

    if args.viewlets:
        whole, spent = viewlet_times(app, args.viewlets, args.rounds * args.requests, args.host)
        print(f"\n{args.viewlets}: {whole:.1f} ms, of which viewlets {sum(spent.values()):.1f}")
        for name, value in sorted(spent.items(), key=lambda item: -item[1])[:25]:
            print(f"  {value:7.2f} ms  {name}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.rounds * args.requests):
            request(app, args.profile, args.host)
        profiler.disable()
        profiler.dump_stats(args.output)
        print(f"\ncProfile of {args.profile} written to {args.output}; top 30 by cumulative time:")
        pstats.Stats(args.output).sort_stats("cumulative").print_stats(30)
    if scratch is not None:
        scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
