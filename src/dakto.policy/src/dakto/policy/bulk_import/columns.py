"""The column layout of each import sheet: one list per type, in one place.

Every reader (the command, the administrator's page), the template to
download (``template.py``) and docs/bulk-import.md take the columns from
here. A column names the schema field it fills (``field``), so its checks
are the Dexterity schema's own (``legal_documents/content.py``,
``procedures/content.py``, ``procedures/fields.py``). Headers are
Vietnamese, as an administrator writes them; ``aliases`` are other headers
that mean the same column (those of the national procedure database's
exported sheets, English names). Headers are matched without case,
diacritics or extra spaces (``header_key``).
"""

import re
from dataclasses import dataclass

from dakto.policy.text import fold


# What a column holds (how its text becomes a value).
LINE = "line"  # one line of text
TEXT = "text"  # several lines
HTML = "html"  # rich text: HTML, or plain lines made paragraphs
DATE = "date"  # dd/mm/yyyy, yyyy-mm-dd or a spreadsheet date
BOOL = "bool"  # có/không, x, 1/0, yes/no
CHOICE = "choice"  # a token or title of the field's vocabulary
CHOICES = "choices"  # several of them, separated by ';' or ','
FILE = "file"  # a file name in the --files folder, or an http(s) address
STATE = "state"  # published (default) or draft
WAYS = "ways"  # ways to submit: JSON, or 'channel | time | fee | description' lines
COMPONENTS = "components"  # dossier components: JSON, or 'name | originals | copies' lines
URL = "url"


@dataclass(frozen=True)
class Column:
    header: str  # Vietnamese, as in the template
    name: str  # the schema field (or title, description, state, source_url…)
    kind: str = LINE
    required: bool = False
    aliases: tuple = ()
    note: str = ""  # for docs/bulk-import.md and the template's second row


def header_key(text):
    """A header compared without case, diacritics, punctuation or extra spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(str(text or ""))).split())


STATE_COLUMN = Column(
    "Trạng thái",
    "state",
    STATE,
    aliases=("State", "Tình trạng"),
    note="'Đã xuất bản' (mặc định) hoặc 'Nháp'",
)

LEGAL_DOCUMENTS = (
    Column(
        "Số, ký hiệu",
        "document_number",
        required=True,
        aliases=("Số ký hiệu", "Số hiệu", "Number"),
        note="như NĐ 30/2020: 33/QĐ-UBND, 42/2022/NĐ-CP; khóa của văn bản",
    ),
    Column(
        "Loại văn bản",
        "document_type",
        CHOICE,
        required=True,
        aliases=("Loại", "Type"),
        note="tên (Quyết định), chữ viết tắt (QĐ) hoặc mã (quyet-dinh)",
    ),
    Column("Tiêu đề", "title", aliases=("Title",), note="trống: lấy trích yếu"),
    Column("Trích yếu", "abstract", TEXT, required=True, aliases=("Abstract",)),
    Column("Cơ quan ban hành", "issuing_body", required=True, aliases=("Issuing body",)),
    Column("Người ký", "signer", required=True, aliases=("Signer",)),
    Column(
        "Ngày ban hành",
        "issue_date",
        DATE,
        required=True,
        aliases=("Issue date",),
        note="dd/mm/yyyy",
    ),
    Column("Ngày có hiệu lực", "valid_from", DATE, aliases=("Effective date",)),
    Column("Ngày hết hiệu lực", "valid_until", DATE, aliases=("Expiry date",)),
    Column(
        "Hết hiệu lực một phần",
        "partly_expired",
        BOOL,
        aliases=("Partly expired",),
        note="có / không",
    ),
    Column(
        "Lĩnh vực",
        "legal_field",
        CHOICE,
        required=True,
        aliases=("Field",),
        note="tên (Hành chính) hoặc mã (hanh-chinh)",
    ),
    Column(
        "Tệp văn bản",
        "file",
        FILE,
        required=True,
        aliases=("Tệp", "File"),
        note="tên tệp trong thư mục --files, hoặc địa chỉ http(s)",
    ),
    Column("Tệp khác", "other_file", FILE, aliases=("Other file",)),
    STATE_COLUMN,
)

# The national database of administrative procedures (NĐ 63/2010 Art. 8.2)
# exports these headers; the aliases are its spellings.
PROCEDURES = (
    Column(
        "Mã thủ tục",
        "procedure_code",
        required=True,
        aliases=("Mã TTHC", "Mã số", "Mã thủ tục hành chính", "Code"),
        note="mã trong CSDL quốc gia, ví dụ 1.001612; khóa của thủ tục",
    ),
    Column(
        "Tên thủ tục",
        "title",
        required=True,
        aliases=("Tên TTHC", "Tên thủ tục hành chính", "Title"),
    ),
    Column("Mô tả", "description", TEXT, aliases=("Description",)),
    Column(
        "Cấp thực hiện",
        "procedure_level",
        CHOICES,
        aliases=("Level",),
        note="Cấp Xã; Cấp Tỉnh; Cấp Trung ương (trống: Cấp Xã)",
    ),
    Column("Lĩnh vực", "procedure_field", CHOICE, required=True, aliases=("Field",)),
    Column(
        "Cơ quan thực hiện",
        "implementing_body",
        required=True,
        aliases=("Cơ quan giải quyết", "Implementing body"),
    ),
    Column(
        "Đối tượng thực hiện",
        "applicants",
        TEXT,
        required=True,
        aliases=("Đối tượng", "Applicants"),
    ),
    Column(
        "Mức độ dịch vụ công",
        "service_level",
        CHOICE,
        aliases=("Mức độ DVC", "Dịch vụ công trực tuyến", "Online service"),
        note="Toàn trình (mặc định), Một phần, Không",
    ),
    Column(
        "Địa chỉ dịch vụ công",
        "service_url",
        URL,
        aliases=("Liên kết dịch vụ công", "Service URL"),
        note="https://dichvucong.gov.vn/…",
    ),
    Column(
        "Trình tự thực hiện",
        "steps",
        HTML,
        required=True,
        aliases=("Trình tự", "Steps"),
    ),
    Column(
        "Cách thức thực hiện",
        "submission_ways",
        WAYS,
        required=True,
        aliases=("Cách thức", "Ways to submit"),
        note="mỗi dòng: Hình thức | Thời hạn | Phí, lệ phí | Mô tả",
    ),
    Column(
        "Thời hạn giải quyết",
        "processing_time",
        required=True,
        aliases=("Thời hạn", "Processing time"),
    ),
    Column("Phí, lệ phí", "fees", TEXT, required=True, aliases=("Lệ phí", "Phí", "Fees")),
    Column(
        "Thành phần hồ sơ",
        "dossier_components",
        COMPONENTS,
        aliases=("Hồ sơ", "Dossier"),
        note="mỗi dòng: Tên giấy tờ | Bản chính | Bản sao",
    ),
    Column(
        "Kết quả thực hiện",
        "result",
        TEXT,
        required=True,
        aliases=("Kết quả", "Result"),
    ),
    Column(
        "Yêu cầu, điều kiện",
        "requirements",
        TEXT,
        aliases=("Yêu cầu điều kiện thực hiện", "Requirements"),
    ),
    Column("Căn cứ pháp lý", "legal_basis_text", TEXT, aliases=("Legal basis",)),
    STATE_COLUMN,
)

NEWS = (
    Column("Tiêu đề", "title", required=True, aliases=("Title",)),
    Column("Tóm tắt", "description", TEXT, aliases=("Sapo", "Description")),
    Column("Nội dung", "text", HTML, aliases=("Body", "Text")),
    Column("Ngày đăng", "date", DATE, aliases=("Ngày", "Date"), note="dd/mm/yyyy"),
    Column("Nguồn tin", "news_source", aliases=("Nguồn", "Source")),
    Column("Tác giả", "news_author", aliases=("Author",)),
    Column(
        "Ảnh",
        "image",
        FILE,
        aliases=("Hình ảnh", "Image"),
        note="tên tệp trong thư mục --files, hoặc địa chỉ http(s)",
    ),
    Column(
        "Địa chỉ cũ",
        "source_url",
        URL,
        aliases=("Địa chỉ nguồn", "Link", "URL"),
        note="địa chỉ bài trên trang cũ: giữ làm chuyển hướng; khóa của bài",
    ),
    STATE_COLUMN,
)

KINDS = {
    "legal-documents": LEGAL_DOCUMENTS,
    "procedures": PROCEDURES,
    "news": NEWS,
}


def by_header(columns):
    """{header_key: column} of the headers and aliases of ``columns``."""
    found = {}
    for column in columns:
        for text in (column.header, *column.aliases):
            found.setdefault(header_key(text), column)
    return found
