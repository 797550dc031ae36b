"""One place for the names of the editorial workflow, its roles and groups.

Everything else (workflow definition tests, dashboards, notifications,
reports) imports these; the GenericSetup XML spells the same ids and a test
checks that the two agree.
"""

from dakto.policy.permissions import PUBLISH_CONTENT


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
    # Plone's own pages and events are published content too (Article 7.1):
    # they go through the same review. Folders, links, collections and forms
    # keep Plone's simple_publication_workflow; files and images the file
    # workflow below.
    "Document",
    "Event",
)

# Files and images (Article 11.2): their own small workflow, so that an upload
# is private until a publisher publishes it (or publishes the item that holds
# it, e.g. a procedure's forms); a published file follows its folder.
FILE_WORKFLOW_ID = "dakto_file_workflow"
FILE_TYPES = ("File", "Image")
PRIVATE = "private"  # the file workflow's initial state

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
RETRACT = "retract"  # published/archived -> draft (publisher); pending/reviewed -> draft (author)
ARCHIVE = "archive"  # published -> archived
RESTORE = "restore"  # archived -> published (publisher, administrator)
TRANSITIONS = (SUBMIT, APPROVE, REJECT, PUBLISH, RETRACT, ARCHIVE, RESTORE)
STATES = (DRAFT, PENDING_REVIEW, REVIEWED, PUBLISHED, ARCHIVED)
FILE_STATES = (PRIVATE, PUBLISHED)
FILE_TRANSITIONS = (PUBLISH, RETRACT)  # private -> published -> private

# What the public sees was reviewed, and only a publisher or an administrator
# moves, renames or replaces it (Articles 7.1, 11.2; workflow/integrity.py).
GUARDED_STATES = (REVIEWED, PUBLISHED, ARCHIVED)
# Online now or since: what reports count as published (archived stays counted).
ONLINE_STATES = (PUBLISHED, ARCHIVED)

# The permission that guards publish, archive and restore (rolemap.xml, and
# managed per state by the workflow).
PUBLISH_PERMISSION = PUBLISH_CONTENT

# Roles: Plone's own, plus the publisher's (Article 11.2).
PUBLISHER_ROLE = "Publisher"
REVIEWER_ROLE = "Reviewer"
# The head of the editorial board (Trưởng Ban biên tập): the monthly quota,
# the reports and the royalty amounts (Articles 6.3, 7.1, 8.1).
HEAD_OF_BOARD_ROLE = "HeadOfBoard"

# Groups created on install: id -> the roles the group holds site-wide.
ADMINISTRATORS_GROUP = "quan-tri-he-thong"
REVIEWERS_GROUP = "kiem-duyet"
UPDATERS_GROUP = "cap-nhat"
PUBLISHERS_GROUP = "xuat-ban"
EDITORIAL_GROUPS = (ADMINISTRATORS_GROUP, REVIEWERS_GROUP, UPDATERS_GROUP, PUBLISHERS_GROUP)
# Not a fifth level: the board's head, who also reviews.
HEAD_OF_BOARD_GROUP = "truong-ban-bien-tap"
