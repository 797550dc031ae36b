"""The accessibility statement: its page at the site root, in the site's names.

The conformance claim is WCAG 2.1 level AA (TT 26/2020/TT-BTTTT makes
WCAG 1.0 mandatory and recommends 2.0/2.1; TT 32/2017 Art. 18); how it is
checked is what the project's tests do (axe-core in Chromium at a phone's
and a desktop's width, keyboard-only use, the skip links and landmarks);
a barrier is reported through the feedback form.

The text names the body and the portal from the identity settings
(``dakto.identity.*``), never a fixed place; once created it is the
board's page to edit.
"""

import html
import logging

from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy.personal_data.setup import publish


logger = logging.getLogger(__name__)

STATEMENT_ID = "tuyen-bo-kha-nang-tiep-can"
STATEMENT_TITLE = "Tuyên bố về khả năng tiếp cận"
FEEDBACK_SECTION = "phan-anh-kien-nghi"  # structure/sections.py: its layout is the form


def _identity(name, default=""):
    return api.portal.get_registry_record(f"dakto.identity.{name}", default=default) or default


def statement_description(portal_title):
    return (
        f"Mức độ đáp ứng tiêu chuẩn tiếp cận WCAG 2.1 mức AA của {portal_title}, "
        "cách kiểm tra và cách báo cho chúng tôi khi gặp trở ngại."
    )


def statement_text(body_name, portal_title, feedback_url, email="", phone=""):
    """The statement's HTML; every name is the site's own (escaped)."""
    body = html.escape(body_name)
    portal = html.escape(portal_title)
    contact = []
    if email:
        contact.append(
            f'thư điện tử <a href="mailto:{html.escape(email)}">{html.escape(email)}</a>'
        )
    if phone:
        contact.append(f"điện thoại {html.escape(phone)}")
    contact_line = f"<p>Hoặc liên hệ Ban Biên tập qua {', '.join(contact)}.</p>" if contact else ""
    return f"""
<h2>1. Cam kết</h2>
<p>{body} cam kết bảo đảm {portal} có thể được tiếp cận và sử dụng bởi mọi người,
kể cả người khuyết tật, người cao tuổi và người dùng điện thoại di động
(Luật Người khuyết tật 2010; Thông tư 26/2020/TT-BTTTT; Thông tư 32/2017/TT-BTTTT, Điều 18).</p>
<h2>2. Mức độ đáp ứng</h2>
<p>{portal} được xây dựng để <strong>đáp ứng Hướng dẫn tiếp cận nội dung web
WCAG 2.1 mức AA</strong> (cao hơn mức WCAG 1.0 bắt buộc theo Thông tư 26/2020/TT-BTTTT).
Tài liệu đính kèm (PDF, văn bản quét) do các cơ quan khác ban hành có thể chưa
đáp ứng đầy đủ; khi cần, bạn có thể đề nghị cung cấp nội dung ở dạng khác.</p>
<h2>3. Cách kiểm tra</h2>
<ul>
<li>Kiểm tra tự động bằng axe-core (các quy tắc WCAG 2.0 và 2.1 mức A và AA) trên trình duyệt
Chromium, ở độ rộng màn hình điện thoại (360 px) và máy tính (1280 px), cho trang chủ,
mỗi loại trang công khai và mỗi biểu mẫu, mỗi lần phần mềm được cập nhật;</li>
<li>Kiểm tra sử dụng chỉ bằng bàn phím: liên kết “bỏ qua đến nội dung”, thứ tự di chuyển,
khung viền khi chọn, trình đơn và biểu mẫu;</li>
<li>Kiểm tra với trình đọc màn hình: tiêu đề trang, các vùng (landmark), nhãn của trường nhập liệu,
thông báo lỗi gắn với trường, ngôn ngữ của trang (tiếng Việt, tiếng Anh).</li>
</ul>
<h2>4. Báo cho chúng tôi khi gặp trở ngại</h2>
<p>Nếu bạn không đọc được, không dùng được một trang hay một biểu mẫu, hãy
<a href="{html.escape(feedback_url)}">gửi phản ánh qua Cổng thông tin</a>, ghi rõ địa chỉ trang
và trở ngại gặp phải. Phản ánh được tiếp nhận, cấp mã tra cứu và trả lời theo thời hạn như
mọi phản ánh, kiến nghị khác.</p>
{contact_line}
"""


def feedback_link(portal):
    """The feedback form's link, through the section's UID (Plone's
    ``resolveuid``: it follows the site to its domain and the section if moved)."""
    section = portal.get(FEEDBACK_SECTION)
    if section is not None:
        return f"resolveuid/{section.UID()}"
    return f"{portal.absolute_url()}/@@gui-phan-anh"


def install(portal):
    """Create the statement page if missing (its text is the board's afterwards)."""
    if STATEMENT_ID in portal.objectIds():
        return portal[STATEMENT_ID]
    portal_title = _identity("portal_title") or portal.Title()
    body_name = _identity("body_name") or portal_title
    page = api.content.create(
        container=portal,
        type="Document",
        id=STATEMENT_ID,
        title=STATEMENT_TITLE,
        description=statement_description(portal_title),
        safe_id=False,
    )
    text = statement_text(
        body_name,
        portal_title,
        feedback_link(portal),
        _identity("email"),
        _identity("phone"),
    )
    page.text = RichTextValue(text, "text/html", "text/x-html-safe")
    page.exclude_from_nav = True
    publish(page)
    page.reindexObject()
    logger.info("Created the accessibility statement /%s", STATEMENT_ID)
    return page


def statement_url(portal):
    """The statement's address, or None when the site has none."""
    page = portal.get(STATEMENT_ID) if hasattr(portal, "get") else None
    return page.absolute_url() if page is not None else None
