"""Số, ký hiệu (NĐ 30/2020): the parser, the type and year rules, with good and bad examples."""

from datetime import date

import pytest
from zope.i18n import translate

from dakto.policy.legal_documents.types import BY_ABBREVIATION
from dakto.policy.legal_documents.types import DOCUMENT_TYPES
from dakto.policy.legal_documents.types import NumberError
from dakto.policy.legal_documents.types import document_types
from dakto.policy.legal_documents.types import parse_number
from dakto.policy.legal_documents.types import type_mismatch
from dakto.policy.legal_documents.types import year_mismatch


def _message(error):
    return translate(error, target_language="en")


@pytest.mark.parametrize(
    ("value", "number", "year", "abbreviation", "issuer"),
    [
        ("33/QĐ-UBND", 33, None, "QĐ", "UBND"),
        ("15/UBND-VP", 15, None, "", "UBND-VP"),
        ("42/2022/NĐ-CP", 42, 2022, "NĐ", "CP"),
        ("05/NQ-HĐND", 5, None, "NQ", "HĐND"),
        ("05/2024/NQ-HĐND", 5, 2024, "NQ", "HĐND"),
        ("60/2014/QH13", 60, 2014, "", "QH13"),
        ("123/QyĐ-UBND", 123, None, "QyĐ", "UBND"),
        ("07/CTr-UBND", 7, None, "CTr", "UBND"),
        ("1024/TTr-UBND-TCKH", 1024, None, "TTr", "UBND-TCKH"),
    ],
)
def test_good_numbers(value, number, year, abbreviation, issuer):
    parsed = parse_number(value)
    assert (parsed.number, parsed.year, parsed.abbreviation, parsed.issuer) == (
        number,
        year,
        abbreviation,
        issuer,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "Give the number and symbol"),
        ("33 /QĐ-UBND", "no spaces"),
        ("33/QĐ - UBND", "no spaces"),
        ("QĐ-UBND", "is not a number and symbol"),
        ("33-QĐ-UBND", "is not a number and symbol"),
        ("33/2024/2025/QĐ-UBND", "is not a number and symbol"),
        ("a3/QĐ-UBND", "must start with the document's number"),
        ("00/QĐ-UBND", "must start with the document's number"),
        ("5/QĐ-UBND", "leading zero"),
        ("033/QĐ-UBND", "leading zero"),
        ("42/22/NĐ-CP", "must be the year"),
        ("33/QĐ-", "letters and digits"),
        ("33/QĐ_UBND", "letters and digits"),
        ("33/qđ-UBND", "write the type abbreviation as QĐ"),
        ("33/QD-UBND", "write the type abbreviation as QĐ"),
        ("42/2022/ND-CP", "write the type abbreviation as NĐ"),
        ("33/QĐ-ubnd", "upper case"),
        ("15/ubnd-VP", "upper case"),
        ("33/QĐ", "issuer's abbreviation is missing"),
    ],
)
def test_bad_numbers_say_what_is_wrong(value, expected):
    with pytest.raises(NumberError) as info:
        parse_number(value)
    message = _message(info.value.args[0])
    assert expected in message, message
    if value.strip():
        assert value in message


def test_abbreviations_are_annex_iii():
    # NĐ 30/2020 Annex III (and the older, wrong GN/TTh/NP are not there)
    for abbreviation in "NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB".split():
        assert abbreviation in BY_ABBREVIATION
    for wrong in ("GN", "TTh", "NP"):
        assert wrong not in BY_ABBREVIATION


def test_vocabulary_derives_from_the_list():
    vocabulary = document_types()
    assert [term.token for term in vocabulary] == [t.token for t in DOCUMENT_TYPES]
    assert "cong-van" in vocabulary and "quyet-dinh" in vocabulary


@pytest.mark.parametrize(
    ("value", "token", "expected"),
    [
        ("33/QĐ-UBND", "quyet-dinh", None),
        ("15/UBND-VP", "cong-van", None),
        ("42/2022/NĐ-CP", "nghi-dinh", None),
        ("60/2014/QH13", "luat", None),
        ("05/2024/NQ-HĐND", "nghi-quyet", None),
        ("33/QĐ-UBND", "thong-bao", "must start with 'TB-'"),
        ("33/TB-UBND", "cong-van", "carries the type abbreviation TB"),
        ("42/NĐ-CP", "nghi-dinh", "carries its year"),
        ("60/QH13", "luat", "carries its year"),
        ("12/2025/TB-UBND", "thong-bao", "only legal normative documents"),
    ],
)
def test_number_fits_type(value, token, expected):
    message = type_mismatch(parse_number(value), token)
    if expected is None:
        assert message is None
    else:
        assert expected in _message(message)


def test_year_must_be_year_of_issue():
    parsed = parse_number("42/2022/NĐ-CP")
    assert year_mismatch(parsed, date(2022, 6, 24)) is None
    assert "issued in 2023" in _message(year_mismatch(parsed, date(2023, 1, 2)))
    assert year_mismatch(parse_number("33/QĐ-UBND"), date(2023, 1, 2)) is None


def test_key_ignores_year_and_leading_zero():
    assert parse_number("05/2024/NQ-HĐND").key == parse_number("05/NQ-HĐND").key == "5/NQ-HĐND"
    assert parse_number("15/UBND-VP").key == "15/UBND-VP"
