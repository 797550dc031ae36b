"""Vietnamese text helpers (dakto.policy.text)."""

import unicodedata

import pytest

from dakto.policy.text import fold
from dakto.policy.text import has_diacritics
from dakto.policy.text import nfc
from dakto.policy.text import tone_key
from dakto.policy.text import words


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Đắk Tô")
    assert decomposed != "Đắk Tô"
    assert nfc(decomposed) == "Đắk Tô"
    assert nfc(None) is None and nfc(3) == 3


@pytest.mark.parametrize(
    "text,folded",
    [
        ("Đắk Tô", "dak to"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("ĐĂK", "dak"),
        ("Quyết định", "quyet dinh"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


@pytest.mark.parametrize(
    "old,new", [("hoà", "hòa"), ("uỷ", "ủy"), ("tóan", "toán"), ("thuỷ", "thủy")]
)
def test_tone_key_ignores_tone_position(old, new):
    assert tone_key(old) == tone_key(new)


@pytest.mark.parametrize(
    "a,b", [("hoa", "hòa"), ("ban", "bán"), ("dan", "dân"), ("dak", "đak"), ("mă", "ma")]
)
def test_tone_key_keeps_every_mark(a, b):
    assert tone_key(a) != tone_key(b)


def test_has_diacritics_and_words():
    assert has_diacritics("Đắk") and not has_diacritics("Dak To")
    assert words("Số: 33/QĐ-UBND, ngày 20/3") == ["Số", "33", "QĐ", "UBND", "ngày", "20", "3"]
