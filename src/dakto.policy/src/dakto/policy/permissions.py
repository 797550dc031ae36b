"""The portal's own permissions, each defined once.

Python checks a permission by its title (``checkPermission``,
``api.user.has_permission``, ``required_permission``): the constants below.
ZCML refers to a permission by its id: ``permissions.zcml`` declares each
once (``<permission id=… title=…>``, the titles below) and the features' ZCML
uses the ids. The profile's rolemap, workflows and actions name the titles
(GenericSetup XML has no other way). ``tests/policy/test_permissions.py``
checks that this module and permissions.zcml agree and that no other Python
or ZCML file spells a title.
"""

# Logging feedback received in person, by phone, by letter or by Zalo
# (feedback/intake.py: the receivers and administrators, rolemap.xml; also
# Plone's add form); citizens send through @@gui-phan-anh and POST @feedback.
ADD_FEEDBACK = "dakto.policy: Add Feedback"
ADD_FEEDBACK_ID = "dakto.policy.AddFeedback"

# Need-to-know (Luật 91/2025): citizens' contact details (senders of
# feedback, e-mails of comments on drafts, consent records). rolemap.xml:
# administrators and the feedback receivers; the feedback workflow manages it
# per item (also Reader, the unit an item was shared with).
VIEW_PERSONAL_DATA = "dakto.policy: View personal data"
VIEW_PERSONAL_DATA_ID = "dakto.policy.ViewPersonalData"

# Royalties (royalties/): only administrators and the head of the board see amounts.
MANAGE_ROYALTIES = "dakto.policy: Manage royalties"
MANAGE_ROYALTIES_ID = "dakto.policy.ManageRoyalties"

# The editorial board (editorial_board/): its dashboard (board members) and
# the monthly quota (the head of the board: reviewers and administrators).
VIEW_EDITORIAL_DASHBOARD = "dakto.policy: View editorial dashboard"
VIEW_EDITORIAL_DASHBOARD_ID = "dakto.policy.ViewEditorialDashboard"
VIEW_EDITORIAL_REPORTS = "dakto.policy: View editorial reports"
VIEW_EDITORIAL_REPORTS_ID = "dakto.policy.ViewEditorialReports"

# The editorial workflow (workflow/): guards publish, archive and restore
# (rolemap.xml, and managed per state by the workflow), and who may grant
# "Có thể xuất bản" on the sharing tab.
PUBLISH_CONTENT = "dakto.policy: Publish content"
PUBLISH_CONTENT_ID = "dakto.policy.PublishContent"
DELEGATE_PUBLISHER_ROLE = "dakto.policy: Delegate Publisher role"
DELEGATE_PUBLISHER_ROLE_ID = "dakto.policy.DelegatePublisherRole"

# Reports to the chairman and contribution statistics (reports/).
VIEW_REPORTS = "dakto.policy: View reports"
VIEW_REPORTS_ID = "dakto.policy.ViewReports"
