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
