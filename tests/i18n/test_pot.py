"""The .pot is what i18ndude extracts (ZCML, GenericSetup profiles, templates,
Python) plus the regex pass for the commands' ``t()``, and every msgid of ZCML
and profiles reads in Vietnamese."""

import pytest

from tests.i18n.test_catalog import LOCALES
from tests.i18n.test_catalog import POLICY
from tests.i18n.test_catalog import i18ndude_msgids
from tests.i18n.test_catalog import parse_po
from tests.i18n.test_catalog import used_msgids


POT = LOCALES / "dakto.policy.pot"


@pytest.fixture(scope="module")
def extracted():
    return i18ndude_msgids()


@pytest.fixture(scope="module")
def from_zcml_and_profiles():
    """i18ndude's msgids of ZCML and GenericSetup XML only."""
    return i18ndude_msgids([*POLICY.rglob("*.zcml"), POLICY / "profiles"])


def test_pot_holds_every_msgid_i18ndude_finds(extracted):
    missing = sorted(extracted - set(parse_po(POT)))
    assert missing == [], f"run scripts/i18n_sync.py: not in the .pot: {missing}"


def test_pot_holds_the_regex_pass(extracted):
    missing = sorted(used_msgids() - set(parse_po(POT)))
    assert missing == [], f"run scripts/i18n_sync.py: not in the .pot: {missing}"


def test_zcml_and_profiles_are_extracted(from_zcml_and_profiles):
    # behaviour titles (ZCML), profile titles (ZCML), FTI actions (types/*.xml)
    for msgid in (
        "News attribution (source, author, topics, reference news)",
        "Cổng thông tin điện tử xã/phường/đặc khu (dakto.policy)",
        "Edit",
    ):
        assert msgid in from_zcml_and_profiles


def test_zcml_and_profile_msgids_in_pot_and_vietnamese(from_zcml_and_profiles):
    pot = set(parse_po(POT))
    vi = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")
    assert sorted(from_zcml_and_profiles - pot) == []
    assert sorted(m for m in from_zcml_and_profiles if not vi.get(m)) == []
