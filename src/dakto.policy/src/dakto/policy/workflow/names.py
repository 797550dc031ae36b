"""One place for the names of the editorial workflow, its roles and groups.

Everything else (workflow definition tests, dashboards, notifications,
reports) imports these; the GenericSetup XML spells the same ids and a test
checks that the two agree.
"""

WORKFLOW_ID = "dakto_editorial_workflow"

# The types that go through the editorial board (Article 7).
EDITORIAL_TYPES = (
    "News Item",
    "LegalDocument",
    "DraftDocument",
    "Procedure",
    "OrgUnit",
    "Person",
    "Promotion",
)

# States
DRAFT = "draft"
PENDING_REVIEW = "pending_review"
REVIEWED = "reviewed"  # approved by a reviewer, waiting for a publisher
PUBLISHED = "published"
ARCHIVED = "archived"

# Transitions
SUBMIT = "submit"  # draft -> pending_review (updater)
APPROVE = "approve"  # pending_review -> reviewed (reviewer)
REJECT = "reject"  # pending_review/reviewed -> draft, a reason required
PUBLISH = "publish"  # reviewed -> published (publisher, administrator)
RETRACT = "retract"  # published -> draft
ARCHIVE = "archive"  # published -> archived

# Roles: Plone's own, plus the publisher's (Article 11.2).
PUBLISHER_ROLE = "Publisher"
REVIEWER_ROLE = "Reviewer"

# Groups created on install: id -> the roles the group holds site-wide.
ADMINISTRATORS_GROUP = "quan-tri-he-thong"
REVIEWERS_GROUP = "kiem-duyet"
UPDATERS_GROUP = "cap-nhat"
PUBLISHERS_GROUP = "xuat-ban"
EDITORIAL_GROUPS = (ADMINISTRATORS_GROUP, REVIEWERS_GROUP, UPDATERS_GROUP, PUBLISHERS_GROUP)
