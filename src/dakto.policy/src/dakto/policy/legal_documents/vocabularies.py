"""The closed lists of a legal document other than its type (see ``types.py``).

Tokens are short ASCII and stable (URLs, catalog, REST); titles are translated.
"""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


# Lĩnh vực: the fields a commune, ward or town government issues documents in.
FIELDS = (
    ("hanh-chinh", _("Administration")),
    ("to-chuc-can-bo", _("Organisation and personnel")),
    ("tai-chinh-ngan-sach", _("Finance and budget")),
    ("dat-dai-xay-dung", _("Land and construction")),
    ("tai-nguyen-moi-truong", _("Natural resources and environment")),
    ("nong-nghiep", _("Agriculture and rural development")),
    ("cong-thuong", _("Industry and trade")),
    ("giao-thong", _("Transport")),
    ("van-hoa-the-thao", _("Culture, sport and tourism")),
    ("giao-duc", _("Education")),
    ("y-te", _("Health")),
    ("lao-dong-xa-hoi", _("Labour, invalids and social affairs")),
    ("tu-phap", _("Justice and civil status")),
    ("quoc-phong-an-ninh", _("Defence and security")),
    ("thong-tin-truyen-thong", _("Information and communications")),
)

IN_FORCE = "in-force"
PARTLY_EXPIRED = "partly-expired"
EXPIRED = "expired"
NOT_YET = "not-yet"

STATUSES = (
    (IN_FORCE, _("In force")),
    (PARTLY_EXPIRED, _("Partly expired")),
    (EXPIRED, _("Expired")),
    (NOT_YET, _("Not yet in force")),
)


@provider(IVocabularyFactory)
def legal_fields(context=None):
    return vocabulary(FIELDS)


@provider(IVocabularyFactory)
def validity_statuses(context=None):
    return vocabulary(STATUSES)
