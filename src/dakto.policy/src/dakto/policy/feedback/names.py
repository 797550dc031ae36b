"""The ids of the feedback workflow, its states and transitions, and the places."""

WORKFLOW_ID = "dakto_feedback_workflow"
PORTAL_TYPE = "Feedback"
SECTION = "phan-anh-kien-nghi"  # where Feedback items are stored
QA_SECTION = "hoi-dap"  # child of SECTION: the public Q&A
FORM_VIEW = "gui-phan-anh"
STATUS_VIEW = "tra-cuu-phan-anh"
QA_VIEW = "hoi-dap-listing"

# States
RECEIVED = "received"
CLASSIFIED = "classified"
FORWARDED = "forwarded"
ANSWERED = "answered"
PUBLISHED_QA = "published_qa"
CLOSED = "closed"
REJECTED = "rejected"
STATES = (RECEIVED, CLASSIFIED, FORWARDED, ANSWERED, PUBLISHED_QA, CLOSED, REJECTED)
OPEN_STATES = (RECEIVED, CLASSIFIED, FORWARDED, ANSWERED)
FINAL_STATES = (PUBLISHED_QA, CLOSED, REJECTED)
ANSWER_VISIBLE_STATES = (ANSWERED, PUBLISHED_QA, CLOSED)

# Transitions
CLASSIFY = "classify"
FORWARD = "forward"
ANSWER = "answer"
PUBLISH_QA = "publish_qa"
CLOSE = "close"
REJECT = "reject"

PERSONAL_FIELDS = ("sender_name", "sender_phone", "sender_email", "sender_address")

# Who receives and routes feedback (need-to-know, Luật 91/2025): the only
# people besides the administrators who see the items, their senders'
# details and attachments, and who classify, forward, answer and reject.
# The editorial board's groups (cap-nhat, kiem-duyet, xuat-ban) see nothing
# of them. The role is granted site-wide by the group (created on install);
# the workflow maps it per state (rolemap.xml also grants it
# personal_data.interfaces.VIEW_PERSONAL_DATA).
RECEIVER_ROLE = "FeedbackReceiver"
RECEIVERS_GROUP = "tiep-nhan-phan-anh"
RECEIVERS_GROUP_TITLE = "Tiếp nhận phản ánh"
RECEIVERS_GROUP_DESCRIPTION = (
    "Tiếp nhận, phân loại, chuyển xử lý và trả lời phản ánh, kiến nghị của người dân "
    "(Điều 9 Quy chế); được xem họ tên, điện thoại, địa chỉ, thư điện tử của người gửi "
    "(Luật Bảo vệ dữ liệu cá nhân 2025: chỉ người có nhiệm vụ)."
)
