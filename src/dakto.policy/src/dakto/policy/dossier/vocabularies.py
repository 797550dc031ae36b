"""The statuses of a dossier at the one-stop office (bộ phận một cửa)."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


RECEIVED = "received"
PROCESSING = "processing"
SUPPLEMENT = "supplement_requested"
DONE = "done"
RETURNED = "returned"
REFUSED = "refused"
WITHDRAWN = "withdrawn"

STATUSES = {
    RECEIVED: _("Received"),
    PROCESSING: _("Being processed"),
    SUPPLEMENT: _("Additional documents requested"),
    DONE: _("Processed, result ready to collect"),
    RETURNED: _("Result handed over"),
    REFUSED: _("Refused (reason given in writing)"),
    WITHDRAWN: _("Withdrawn by the applicant"),
}

# The Vietnamese labels of the one-stop software, also accepted by the import.
VIETNAMESE_LABELS = {
    RECEIVED: ("Đã tiếp nhận", "Tiếp nhận", "Mới tiếp nhận"),
    PROCESSING: ("Đang giải quyết", "Đang xử lý"),
    SUPPLEMENT: ("Yêu cầu bổ sung", "Yêu cầu bổ sung hồ sơ", "Chờ bổ sung"),
    DONE: ("Đã giải quyết", "Đã có kết quả", "Chờ trả kết quả"),
    RETURNED: ("Đã trả kết quả", "Trả kết quả"),
    REFUSED: ("Từ chối giải quyết", "Từ chối"),
    WITHDRAWN: ("Rút hồ sơ", "Công dân rút hồ sơ"),
}


@provider(IVocabularyFactory)
def statuses(context=None):
    return vocabulary(STATUSES)
