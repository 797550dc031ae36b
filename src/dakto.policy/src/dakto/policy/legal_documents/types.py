"""The document types and the rules of their number and symbol, in one place.

NĐ 30/2020/NĐ-CP (Annex III) gives each administrative document type an
abbreviation used in its number and symbol (số, ký hiệu): ``33/QĐ-UBND`` is
decision number 33 of the People's Committee. A công văn has none
(``15/UBND-VP``). Legal normative documents (văn bản quy phạm pháp luật,
Law 80/2015/QH13) also carry the year: ``42/2022/NĐ-CP``; a law carries no
type abbreviation (``60/2014/QH13``).

The vocabulary of document types, the number validator, the lookup filter
and the catalog all derive from ``DOCUMENT_TYPES``.
"""

import re
from dataclasses import dataclass

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


# Whether a type's number carries the year.
NO_YEAR = "no"  # administrative documents: never
MAY_HAVE_YEAR = "may"  # a resolution or decision may be normative: with the year
YEAR = "yes"  # normative only (law, decree, circular): always


@dataclass(frozen=True)
class DocumentType:
    token: str  # ASCII, stable: URLs, catalog, REST
    abbreviation: str  # as in the number and symbol; "" when the type has none
    title: str  # msgid
    year: str = NO_YEAR


DOCUMENT_TYPES = (
    # Legal normative documents
    DocumentType("luat", "", _("Law"), YEAR),
    DocumentType("nghi-dinh", "NĐ", _("Decree"), YEAR),
    DocumentType("thong-tu", "TT", _("Circular"), YEAR),
    # NĐ 30/2020 Annex III
    DocumentType("nghi-quyet", "NQ", _("Resolution"), MAY_HAVE_YEAR),
    DocumentType("quyet-dinh", "QĐ", _("Decision"), MAY_HAVE_YEAR),
    DocumentType("chi-thi", "CT", _("Directive"), MAY_HAVE_YEAR),
    DocumentType("quy-che", "QC", _("Regulation (quy chế)")),
    DocumentType("quy-dinh", "QyĐ", _("Rules (quy định)")),
    DocumentType("thong-cao", "TC", _("Communiqué")),
    DocumentType("thong-bao", "TB", _("Notice")),
    DocumentType("huong-dan", "HD", _("Guidance")),
    DocumentType("chuong-trinh", "CTr", _("Programme")),
    DocumentType("ke-hoach", "KH", _("Plan")),
    DocumentType("phuong-an", "PA", _("Scheme (phương án)")),
    DocumentType("de-an", "ĐA", _("Project proposal (đề án)")),
    DocumentType("du-an", "DA", _("Project (dự án)")),
    DocumentType("bao-cao", "BC", _("Report")),
    DocumentType("bien-ban", "BB", _("Minutes")),
    DocumentType("to-trinh", "TTr", _("Submission (tờ trình)")),
    DocumentType("hop-dong", "HĐ", _("Contract")),
    DocumentType("cong-van", "", _("Official letter (công văn)")),
    DocumentType("cong-dien", "CĐ", _("Official dispatch (công điện)")),
    DocumentType("ban-ghi-nho", "BGN", _("Memorandum of understanding")),
    DocumentType("ban-thoa-thuan", "BTT", _("Agreement")),
    DocumentType("giay-uy-quyen", "GUQ", _("Power of attorney")),
    DocumentType("giay-moi", "GM", _("Invitation")),
    DocumentType("giay-gioi-thieu", "GGT", _("Letter of introduction")),
    DocumentType("giay-nghi-phep", "GNP", _("Leave permit")),
    DocumentType("phieu-gui", "PG", _("Dispatch slip (phiếu gửi)")),
    DocumentType("phieu-chuyen", "PC", _("Transfer slip (phiếu chuyển)")),
    DocumentType("phieu-bao", "PB", _("Notification slip (phiếu báo)")),
)

BY_TOKEN = {t.token: t for t in DOCUMENT_TYPES}
BY_ABBREVIATION = {t.abbreviation: t for t in DOCUMENT_TYPES if t.abbreviation}
ABBREVIATIONS = ", ".join(BY_ABBREVIATION)
EXAMPLES = "33/QĐ-UBND, 15/UBND-VP, 42/2022/NĐ-CP"


@provider(IVocabularyFactory)
def document_types(context=None):
    """``dakto.policy.legal_document_types``: the types, titled with their abbreviation."""
    return vocabulary((t.token, t.title) for t in DOCUMENT_TYPES)  # title: msgid


def type_title(token):
    found = BY_TOKEN.get(token)
    return found.title if found else token or ""


class NumberError(ValueError):
    """A malformed number and symbol; ``args[0]`` is the message (a msgid)."""


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed number and symbol."""

    symbol: str  # as written
    number: int
    year: int | None
    abbreviation: str  # "" when absent
    issuer: str  # the issuer's abbreviation, e.g. "UBND", "UBND-VP", "CP"

    @property
    def key(self):
        """What makes two documents the same: number, type and issuer (not the year)."""
        if self.abbreviation:
            return f"{self.number}/{self.abbreviation}-{self.issuer}"
        return f"{self.number}/{self.issuer}"

    @property
    def sort_key(self):
        return f"{self.number:08d}{self.key[len(str(self.number)) :]}"


NUMBER = re.compile(r"^\d+$")
SEGMENT = re.compile(r"^[^\W_]+$")


def _loose(abbreviation):
    """Upper case, Đ as D: how a mistyped abbreviation (qđ, QD) is recognised."""
    return abbreviation.upper().replace("Đ", "D")


def _is_upper(segment):
    return all(c.isdigit() or (c.isalpha() and c == c.upper()) for c in segment)


def parse_number(value):
    """Parse a number and symbol; raise ``NumberError`` with what is wrong."""
    text = value or ""
    mapping = {"value": text, "examples": EXAMPLES}
    if not text.strip():
        raise NumberError(_("Give the number and symbol, e.g. ${examples}.", mapping=mapping))
    if any(c.isspace() for c in text):
        raise NumberError(
            _(
                "'${value}': a number and symbol has no spaces, e.g. ${examples}.",
                mapping=mapping,
            )
        )
    parts = text.split("/")
    if len(parts) not in (2, 3):
        raise NumberError(
            _(
                "'${value}' is not a number and symbol: write the number, '/', "
                "[the year, '/' for a legal normative document], the type abbreviation, '-', "
                "the issuer's abbreviation, e.g. ${examples}.",
                mapping=mapping,
            )
        )
    number = parts[0]
    if not NUMBER.match(number) or int(number) == 0:
        raise NumberError(
            _(
                "'${value}' must start with the document's number (digits, from 01), e.g. ${examples}.",
                mapping=mapping,
            )
        )
    if len(number) < 2 or (len(number) > 2 and number.startswith("0")):
        raise NumberError(
            _(
                "'${value}': numbers below 10 take one leading zero (01 to 09), "
                "others none, e.g. 05/QĐ-UBND, 33/QĐ-UBND.",
                mapping=mapping,
            )
        )
    year = None
    if len(parts) == 3:
        if not re.match(r"^\d{4}$", parts[1]) or not 1945 <= int(parts[1]) <= 2100:
            raise NumberError(
                _(
                    "'${value}': the part between the two slashes must be the year "
                    "(four digits), e.g. 42/2022/NĐ-CP.",
                    mapping=mapping,
                )
            )
        year = int(parts[1])
    segments = parts[-1].split("-")
    if any(not SEGMENT.match(s) for s in segments):
        raise NumberError(
            _(
                "'${value}': after the '/' write the type abbreviation and the issuer's "
                "abbreviation, letters and digits joined by '-', e.g. ${examples}.",
                mapping=mapping,
            )
        )
    abbreviation = segments[0] if segments[0] in BY_ABBREVIATION else ""
    if not abbreviation:
        wrong_case = {_loose(a): a for a in BY_ABBREVIATION}.get(_loose(segments[0]))
        if wrong_case and len(segments) > 1:
            raise NumberError(
                _(
                    "'${value}': write the type abbreviation as ${abbreviation}.",
                    mapping={"value": text, "abbreviation": wrong_case},
                )
            )
    issuer = segments[1:] if abbreviation else segments
    if not issuer:
        raise NumberError(
            _(
                "'${value}': the issuer's abbreviation is missing after '${abbreviation}-', "
                "e.g. 33/QĐ-UBND.",
                mapping={"value": text, "abbreviation": abbreviation},
            )
        )
    if not all(_is_upper(s) for s in issuer):
        raise NumberError(
            _(
                "'${value}': the issuer's abbreviation is written in upper case, e.g. UBND, HĐND, UBND-VP.",
                mapping=mapping,
            )
        )
    return DocumentNumber(text, int(number), year, abbreviation, "-".join(issuer))


def type_mismatch(parsed, type_token):
    """The message when the number and symbol does not fit the document type, else None."""
    doc_type = BY_TOKEN.get(type_token)
    if parsed is None or doc_type is None:
        return None
    mapping = {
        "value": parsed.symbol,
        "type": doc_type.title,
        "abbreviation": doc_type.abbreviation,
    }
    if doc_type.abbreviation != parsed.abbreviation:
        if doc_type.abbreviation:
            return _(
                "'${value}' does not fit the document type: its symbol must start with "
                "'${abbreviation}-' (NĐ 30/2020, Annex III), e.g. 33/${abbreviation}-UBND.",
                mapping=mapping,
            )
        mapping["found"] = parsed.abbreviation
        return _(
            "'${value}' carries the type abbreviation ${found}, but this type has none: "
            "e.g. 15/UBND-VP for a công văn, 60/2014/QH13 for a law.",
            mapping=mapping,
        )
    if doc_type.year == YEAR and parsed.year is None:
        return _(
            "'${value}': a legal normative document carries its year, e.g. 42/2022/NĐ-CP.",
            mapping=mapping,
        )
    if doc_type.year == NO_YEAR and parsed.year is not None:
        return _(
            "'${value}': only legal normative documents carry the year in their number; "
            "write e.g. 15/TB-UBND.",
            mapping=mapping,
        )
    return None


def year_mismatch(parsed, issue_date):
    """The message when the year in the number is not the year of issue, else None."""
    if parsed is None or parsed.year is None or issue_date is None:
        return None
    if parsed.year != issue_date.year:
        return _(
            "'${value}' carries the year ${year}, but the document was issued in ${issued}.",
            mapping={"value": parsed.symbol, "year": parsed.year, "issued": issue_date.year},
        )
    return None
