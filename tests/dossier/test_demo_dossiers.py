"""Issue 19.5: the demo has dossiers, and the example code the dossier
lookup page shows is one of them."""

import re

import pytest
from plone import api
from plone.app.testing import applyProfile

from dakto.policy import DEMO_PROFILE_ID
from dakto.policy.dossier import store
from dakto.policy.dossier.views import EXAMPLE_CODE


@pytest.fixture
def demo(portal, manager, apply_profiles):
    applyProfile(portal, DEMO_PROFILE_ID)
    return portal


def test_the_demo_imports_dossiers(demo):
    assert store.count(demo) >= 3
    dossier = store.get(EXAMPLE_CODE, demo)
    assert dossier is not None
    applyProfile(demo, DEMO_PROFILE_ID)  # safe to repeat: the same dossiers
    assert store.count(demo) == len(store.parse((store_sample()).read_bytes(), "csv"))


def store_sample():
    from dakto.policy.dossier.demo import SAMPLE

    return SAMPLE


def test_the_example_code_on_the_page_finds_a_dossier(demo, request):
    view = api.content.get_view("tra-cuu-ho-so", demo, demo.REQUEST)
    page = view()
    example = re.search(r'id="dossier-code"[^>]*placeholder="([^"]+)"', page, re.S)
    if example is None:
        example = re.search(r'placeholder="([^"]+)"[^>]*id="dossier-code"', page, re.S)
    assert example.group(1) == EXAMPLE_CODE
    demo.REQUEST.form["code"] = EXAMPLE_CODE
    page = view()
    assert 'id="dossier-result"' in page and EXAMPLE_CODE in page
