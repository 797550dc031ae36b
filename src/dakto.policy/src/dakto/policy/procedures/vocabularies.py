"""The closed lists of an administrative procedure (national procedure database).

Tokens are short ASCII and stable (they are in URLs, the catalog and the
REST API); titles are translated.
"""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


# Cấp thực hiện, the 2025 levels: no district (Cấp huyện) since 1 July 2025
# (content that had it: upgrades/v1005_admin_levels.py).
LEVELS = (
    ("xa", _("Commune level")),
    ("tinh", _("Provincial level")),
    ("trung-uong", _("Central level")),
)

# Lĩnh vực: the fields of the national database that a commune, ward or special zone handles.
FIELDS = (
    ("ho-tich", _("Civil status")),
    ("chung-thuc", _("Authentication")),
    ("nuoi-con-nuoi", _("Adoption")),
    ("bao-tro-xa-hoi", _("Social protection")),
    ("nguoi-co-cong", _("People with meritorious services")),
    ("dat-dai", _("Land")),
    ("xay-dung", _("Construction")),
    ("moi-truong", _("Environment")),
    ("nong-nghiep", _("Agriculture")),
    ("ho-kinh-doanh", _("Household businesses")),
    ("lao-dong-viec-lam", _("Labour and employment")),
    ("van-hoa", _("Grassroots culture")),
    ("giao-duc", _("Education and training")),
    ("ton-giao", _("Beliefs and religion")),
    ("thi-dua-khen-thuong", _("Emulation and commendation")),
    ("hoa-giai", _("Grassroots mediation")),
    ("khieu-nai-to-cao", _("Complaints and denunciations")),
)

# Mức độ dịch vụ công trực tuyến (Luật Chuyển đổi số: full online is the default).
FULL_ONLINE = "toan-trinh"
PARTLY_ONLINE = "mot-phan"
NOT_ONLINE = "khong"
SERVICE_LEVELS = (
    (FULL_ONLINE, _("Fully online")),
    (PARTLY_ONLINE, _("Partly online")),
    (NOT_ONLINE, _("Not online")),
)
ONLINE_LEVELS = (FULL_ONLINE, PARTLY_ONLINE)

# Hình thức nộp hồ sơ
IN_PERSON = "truc-tiep"
ONLINE = "truc-tuyen"
BY_POST = "buu-chinh"
CHANNELS = (
    (IN_PERSON, _("In person")),
    (ONLINE, _("Online")),
    (BY_POST, _("By post")),
)


@provider(IVocabularyFactory)
def procedure_levels(context=None):
    return vocabulary(LEVELS)


@provider(IVocabularyFactory)
def procedure_fields(context=None):
    return vocabulary(FIELDS)


@provider(IVocabularyFactory)
def service_levels(context=None):
    return vocabulary(SERVICE_LEVELS)


@provider(IVocabularyFactory)
def submission_channels(context=None):
    return vocabulary(CHANNELS)
