"""The upgrade path on a site that the previous release's code created.

The site is made by main as it was before profile 1005 (commit ``PREVIOUS``,
profile 1004, with its demo content), in its own FileStorage, by that
code's own ``dakto create-site``; today's code then opens the same Data.fs,
runs the upgrade steps and serves the site. Nothing is simulated: the old
code writes the objects, the new code reads and upgrades them.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap

import pytest
import requests

from tests.servers import REPO
from tests.servers import DaktoServer
from tests.servers import base_env
from tests.servers import free_port


PREVIOUS = "058de19"  # main at the start of the 1005 work: profile 1004
PROFILE = "dakto.policy:default"


def _previous_tree(destination):
    """The previous release's add-on, theme and instance templates, from git."""
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{PREVIOUS}^{{commit}}"], cwd=REPO, capture_output=True
    )
    if found.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"commit {PREVIOUS} is not in this clone: clone the whole history")
        pytest.skip(f"commit {PREVIOUS} is not in this clone (a shallow clone)")
    archive = subprocess.run(
        ["git", "archive", PREVIOUS, "src/dakto.policy/src", "src/dakto.theme/src", "instance"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination


# Run by the previous code: its modules first on the path, so that
# ``dakto.policy`` and ``dakto.theme`` are the old ones (``dakto`` is a
# namespace package); its CLI as it was.
OLD_CREATE_SITE = """
import sys
sys.path[:0] = {paths!r}
import dakto.policy
assert dakto.policy.__file__.startswith({root!r}), dakto.policy.__file__
from dakto.policy.instance.cli import main
sys.exit(main(["create-site"]))
"""

# Run by today's code on the same Data.fs: the upgrade, then what it left.
NEW_UPGRADE = """
import json
from plone import api
from dakto.instance import settings as settings_module
from dakto.instance.site import site_transaction
from dakto.policy.platform import province

settings = settings_module.load()
with site_transaction(settings) as portal:
    setup = portal.portal_setup
    before = setup.getLastVersionForProfile({profile!r})
    setup.upgradeProfile({profile!r})
    catalog = portal.portal_catalog
    levels = sorted(
        {{level for brain in catalog.unrestrictedSearchResults(portal_type="Procedure")
          for level in (brain._unrestrictedGetObject().procedure_level or ())}}
    )
    feedback = [b._unrestrictedGetObject() for b in
                catalog.unrestrictedSearchResults(portal_type="Feedback")]
    index = province.get_index(portal.getPhysicalRoot(), create=False)
    print(json.dumps({{
        "before": list(before),
        "after": list(setup.getLastVersionForProfile({profile!r})),
        "profile_version": setup.getVersionForProfile({profile!r}),
        "procedure_levels": levels,
        "feedback": len(feedback),
        "feedback_channels": sorted({{getattr(f, "channel", None) or "" for f in feedback}}),
        "statement": "tuyen-bo-kha-nang-tiep-can" in portal.objectIds(),
        "mail_from_name": api.portal.get_registry_record("plone.email_from_name"),
        "body_name": api.portal.get_registry_record("dakto.identity.body_name"),
        "kind": api.portal.get_registry_record("dakto.identity.kind"),
        "province_entries": len(index.entries) if index is not None else None,
    }}))
"""


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    root = _previous_tree(tmp_path_factory.mktemp("previous"))
    var = tmp_path_factory.mktemp("var")
    port = free_port()
    old_env = base_env(var, port, DAKTO_ADMIN_PASSWORD="Qu4n-tri-2026!")
    old_env["DAKTO_INSTANCE"] = str(root / "instance")
    paths = [str(root / "src/dakto.policy/src"), str(root / "src/dakto.theme/src")]
    created = subprocess.run(
        [sys.executable, "-c", OLD_CREATE_SITE.format(paths=paths, root=str(root))],
        env=old_env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert created.returncode == 0, created.stdout[-2000:] + created.stderr[-4000:]

    new_env = base_env(var, port, DAKTO_ADMIN_PASSWORD="Qu4n-tri-2026!")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(NEW_UPGRADE.format(profile=PROFILE))],
        env=new_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    state = json.loads(result.stdout.strip().splitlines()[-1])
    server = DaktoServer(new_env, command="serve")
    server.start()
    try:
        yield state, server
    finally:
        server.stop()


def test_the_old_site_reaches_todays_profile_version(upgraded):
    state, _server = upgraded
    assert state["before"] == ["1004"]
    assert state["after"] == [state["profile_version"]]


def test_its_content_is_upgraded(upgraded):
    state, _server = upgraded
    assert "huyen" not in state["procedure_levels"]  # the 2025 levels only
    assert state["feedback"] > 0 and state["feedback_channels"] == ["web"]
    assert state["statement"]  # the accessibility statement
    assert state["mail_from_name"] == state["body_name"]
    assert state["kind"] == "xa"
    assert state["province_entries"] > 0  # its published news and legal documents


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/tin-tuc",
        "/van-ban",
        "/thu-tuc-hanh-chinh",
        "/phan-anh-kien-nghi",
        "/tuyen-bo-kha-nang-tiep-can",
    ],
)
def test_todays_code_serves_the_upgraded_site(upgraded, path):
    _state, server = upgraded
    response = requests.get(server.url + path, timeout=60)
    assert response.status_code == 200, path
    assert "Cấp huyện" not in response.text
