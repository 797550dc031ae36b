"""Install: the contact form (in ``lien-he``) and the satisfaction survey (in
``cai-cach-hanh-chinh``), both EasyForms with a save-data adapter; the
contact form also mails the board through MailHost. Idempotent: an existing
form (edited by the board, or deleted and re-created by hand) is kept.
"""

import logging
from xml.sax.saxutils import escape

from plone import api

from dakto.policy import SITE_LANGUAGE
from dakto.policy.registrations import FeatureSetup


logger = logging.getLogger(__name__)

CONTACT_SECTION = "lien-he"
CONTACT_ID = "gui-thu-lien-he"
SURVEY_SECTION = "cai-cach-hanh-chinh"
SURVEY_ID = "khao-sat-muc-do-hai-long"

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"
       xmlns:form="http://namespaces.plone.org/supermodel/form">
  <schema>
"""
TAIL = """  </schema>
</model>
"""

CONSENT_FIELDS = """    <field name="consent" type="zope.schema.Bool"
           easyform:validators="isChecked">
      <title>Tôi đồng ý để dữ liệu cá nhân của tôi được xử lý để giải quyết nội dung gửi qua biểu mẫu này</title>
      <description>Đã đọc Chính sách xử lý dữ liệu cá nhân (trang /chinh-sach-du-lieu-ca-nhan, liên kết ngay dưới biểu mẫu).</description>
      <required>True</required>
    </field>
    <field name="consent_record" type="zope.schema.TextLine"
           easyform:serverSide="True">
      <title>Ghi nhận đồng ý (mục đích; phiên bản thông báo; thời điểm)</title>
      <required>False</required>
    </field>
"""


def _text(name, title, required=True, max_length=200, multiline=False, email=False):
    validators = "isValidEmail|dakto-plain-text" if email else "dakto-plain-text"
    kind = "zope.schema.Text" if multiline else "zope.schema.TextLine"
    return (
        f'    <field name="{name}" type="{kind}" easyform:validators="{validators}">\n'
        f"      <title>{escape(title)}</title>\n"
        f"      <required>{required}</required>\n"
        f"      <max_length>{max_length}</max_length>\n"
        "    </field>\n"
    )


def _choice(name, title, values, required=True):
    elements = "".join(f"        <element>{escape(v)}</element>\n" for v in values)
    return (
        f'    <field name="{name}" type="zope.schema.Choice">\n'
        f"      <title>{escape(title)}</title>\n"
        f"      <required>{required}</required>\n"
        f"      <values>\n{elements}      </values>\n"
        '      <form:widget type="z3c.form.browser.radio.RadioFieldWidget" />\n'
        "    </field>\n"
    )


CONTACT_FIELDS = (
    HEAD
    + _text("ho_ten", "Họ và tên", max_length=120)
    + _text("email", "Thư điện tử", max_length=254, email=True)
    + _text("dien_thoai", "Số điện thoại", required=False, max_length=20)
    + _text("tieu_de", "Tiêu đề", max_length=200)
    + _text("noi_dung", "Nội dung", max_length=5000, multiline=True)
    + CONSENT_FIELDS
    + TAIL
)

CONTACT_ACTIONS = (
    HEAD
    + """    <field name="mailer" type="collective.easyform.actions.Mailer">
      <title>Gửi thư cho Ban Biên tập</title>
      <msg_subject>Thư liên hệ từ Cổng thông tin</msg_subject>
      <replyto_field>email</replyto_field>
      <subject_field>tieu_de</subject_field>
      <showAll>True</showAll>
    </field>
    <field name="saved_data" type="collective.easyform.actions.SaveData">
      <title>Thư liên hệ đã nhận</title>
    </field>
"""
    + TAIL
)

SATISFACTION = ("Rất hài lòng", "Hài lòng", "Bình thường", "Chưa hài lòng")

SURVEY_FIELDS = (
    HEAD
    + _text("thu_tuc", "Thủ tục hành chính bạn đã thực hiện", max_length=300)
    + _choice("dung_hen", "Hồ sơ được trả kết quả", ("Đúng hẹn", "Sớm hơn hẹn", "Trễ hẹn"))
    + _choice("thai_do", "Thái độ phục vụ của công chức bộ phận một cửa", SATISFACTION)
    + _choice("hai_long", "Mức độ hài lòng chung", SATISFACTION)
    + _text("gop_y", "Góp ý để phục vụ tốt hơn", required=False, max_length=3000, multiline=True)
    + CONSENT_FIELDS
    + TAIL
)

SURVEY_ACTIONS = (
    HEAD
    + """    <field name="saved_data" type="collective.easyform.actions.SaveData">
      <title>Phiếu khảo sát đã nhận</title>
    </field>
"""
    + TAIL
)

FORMS = (
    {
        "section": CONTACT_SECTION,
        "id": CONTACT_ID,
        "title": "Gửi thư liên hệ",
        "description": "Gửi câu hỏi, thông tin hoặc đề nghị tới Ban Biên tập Cổng thông tin "
        "và Ủy ban nhân dân. Phản ánh, kiến nghị xin gửi qua mục Phản ánh - Kiến nghị để "
        "được cấp mã theo dõi.",
        "fields": CONTACT_FIELDS,
        "actions": CONTACT_ACTIONS,
        "submit": "Gửi thư",
        "thanks": "Cảm ơn bạn đã liên hệ",
        "thanks_text": "Ban Biên tập đã nhận thư của bạn và sẽ trả lời qua thư điện tử.",
    },
    {
        "section": SURVEY_SECTION,
        "id": SURVEY_ID,
        "title": "Khảo sát mức độ hài lòng về giải quyết thủ tục hành chính",
        "description": "Phiếu khảo sát không ghi tên; ý kiến của bạn giúp Bộ phận "
        "một cửa phục vụ tốt hơn.",
        "fields": SURVEY_FIELDS,
        "actions": SURVEY_ACTIONS,
        "submit": "Gửi phiếu khảo sát",
        "thanks": "Cảm ơn bạn đã tham gia khảo sát",
        "thanks_text": "Phiếu khảo sát của bạn đã được ghi nhận.",
    },
)


def _recipient():
    """The board's address from the site identity (empty: the site's mail address)."""
    value = api.portal.get_registry_record("dakto.identity.email", default=None)
    return value or ""


def create_form(portal, spec):
    section = portal.get(spec["section"])
    if section is None or spec["id"] in section.objectIds():
        return None
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=section,
            type="EasyForm",
            id=spec["id"],
            title=spec["title"],
            description=spec["description"],
            language=SITE_LANGUAGE,
            safe_id=False,
        )
        form.fields_model = spec["fields"]
        form.actions_model = (
            spec["actions"].replace(
                "<replyto_field>",
                f"<recipient_email>{escape(_recipient())}</recipient_email>\n      <replyto_field>",
            )
            if _recipient()
            else spec["actions"]
        )
        form.submitLabel = spec["submit"]
        form.thankstitle = spec["thanks"]
        form.thanksdescription = spec["thanks_text"]
        form.useCancelButton = False
        api.content.transition(obj=form, to_state="published")
        form.reindexObject()
    logger.info("Created the form %s/%s", spec["section"], spec["id"])
    return form


def install(portal):
    """Create the shipped forms if missing; return the ones created."""
    return [form for spec in FORMS if (form := create_form(portal, spec)) is not None]


registration = FeatureSetup(install, after=("structure",))
