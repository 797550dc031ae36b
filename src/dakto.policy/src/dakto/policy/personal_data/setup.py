"""Install: the personal-data notice page at the site root."""

import html
import logging

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy.personal_data.interfaces import NOTICE_ID
from dakto.policy.personal_data.interfaces import REGISTRY_PREFIX
from dakto.policy.registrations import FeatureSetup


logger = logging.getLogger(__name__)

NOTICE_TITLE = "Chính sách xử lý dữ liệu cá nhân"
NOTICE_DESCRIPTION = (
    "Thông báo về việc thu thập, sử dụng và bảo vệ dữ liệu cá nhân của người dân "
    "gửi qua Cổng thông tin (Luật Bảo vệ dữ liệu cá nhân 2025, Nghị định 356/2025/NĐ-CP)."
)


def notice_text(version, retention_days, controller):
    """The notice; ``controller`` is the site's body (the identity's ``body_name``)."""
    controller = html.escape(controller)
    return f"""
<p><strong>Phiên bản {version}</strong></p>
<h2>1. Bên kiểm soát và xử lý dữ liệu</h2>
<p>{controller} (Ban Biên tập Cổng thông tin) thu thập và xử lý
dữ liệu cá nhân mà bạn gửi qua Cổng thông tin.</p>
<h2>2. Dữ liệu được thu thập</h2>
<p>Họ và tên, số điện thoại, thư điện tử, địa chỉ, nội dung và tệp đính kèm mà bạn
gửi trong phản ánh, kiến nghị, góp ý dự thảo văn bản và các biểu mẫu trực tuyến.</p>
<h2>3. Mục đích xử lý</h2>
<ul>
<li>Tiếp nhận, xử lý, trả lời phản ánh, kiến nghị và liên hệ với bạn về nội dung đó;</li>
<li>Công bố họ tên cùng câu hỏi và câu trả lời trong mục Hỏi đáp (chỉ khi bạn đồng ý riêng);</li>
<li>Tiếp nhận và tổng hợp góp ý dự thảo văn bản;</li>
<li>Xử lý biểu mẫu, khảo sát, đăng ký mà bạn gửi.</li>
</ul>
<p>Mỗi mục đích cần sự đồng ý riêng của bạn bằng ô đánh dấu; dữ liệu chỉ được dùng
cho mục đích bạn đã đồng ý. Không có dữ liệu cá nhân nào được công khai nếu bạn không đồng ý.</p>
<h2>4. Thời hạn lưu trữ</h2>
<p>Dữ liệu cá nhân được lưu trong thời gian xử lý và {retention_days} ngày sau khi
hồ sơ kết thúc, sau đó được xóa; nội dung câu hỏi và trả lời không kèm dữ liệu cá nhân
có thể được lưu lâu hơn.</p>
<h2>5. Quyền của bạn</h2>
<p>Bạn có quyền được biết; đồng ý, không đồng ý hoặc rút lại sự đồng ý; xem và chỉnh sửa;
yêu cầu xóa, hạn chế xử lý, phản đối xử lý dữ liệu; khiếu nại. Để thực hiện các quyền
này, hãy liên hệ Ban Biên tập qua thông tin ở trang Liên hệ, kèm thư điện tử hoặc số điện
thoại đã dùng khi gửi.</p>
<h2>6. Bảo vệ dữ liệu</h2>
<p>Dữ liệu được lưu trên máy chủ của cơ quan, chỉ cán bộ được giao nhiệm vụ mới được
xem; không chuyển cho bên thứ ba ngoài các cơ quan có thẩm quyền giải quyết nội dung
bạn gửi.</p>
"""


def publish(page):
    """Put the page in its workflow's ``published`` state directly.

    At install time nobody reviews it, so the editorial workflow's guards
    (reviewer ≠ author, ...) are not for it; the history records the step.
    """
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(page):
        if (
            "published" not in workflow.states
            or (workflow_tool.getStatusOf(workflow.id, page) or {}).get(workflow.state_var)
            == "published"
        ):
            continue
        workflow_tool.setStatusOf(
            workflow.id,
            page,
            {
                workflow.state_var: "published",
                "action": "publish",
                "actor": "system",
                "comments": "Created on install (dakto.policy personal_data)",
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(page)


def install(portal):
    """Create the notice page if missing (its text is the town's afterwards)."""
    if NOTICE_ID in portal.objectIds():
        return portal[NOTICE_ID]
    version = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.notice_version", default="1.0")
    days = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.retention_days", default=730)
    page = api.content.create(
        container=portal,
        type="Document",
        id=NOTICE_ID,
        title=NOTICE_TITLE,
        description=NOTICE_DESCRIPTION,
        safe_id=False,
    )
    controller = api.portal.get_registry_record("dakto.identity.body_name", default="") or (
        api.portal.get().Title()
    )
    page.text = RichTextValue(
        notice_text(version, days, controller), "text/html", "text/x-html-safe"
    )
    page.exclude_from_nav = True
    publish(page)
    page.reindexObject()
    logger.info("Created the personal-data notice /%s", NOTICE_ID)
    return page


# The notice names the body from the identity settings, in its section.
registration = FeatureSetup(install, after=("structure", "identity"))
