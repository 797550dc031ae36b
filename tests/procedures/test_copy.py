"""A pasted copy of a procedure or a legal document does not keep the code or
number of the original (copies.py): they are unique on the site, and copy
and paste goes through neither the forms' nor the REST API's check."""

from plone import api
from Products.statusmessages.interfaces import IStatusMessage

from tests.legal_documents import helpers as legal
from tests.procedures import helpers as procedures


def messages(request):
    return [m.message for m in IStatusMessage(request).show()]


def test_a_copied_procedure_has_no_code_until_one_is_entered(portal, manager):
    section = procedures.prepare(portal)
    original = procedures.make(section, "khai-sinh", "Đăng ký khai sinh", "1.001193")
    copy = api.content.copy(source=original, target=section, id="khai-sinh-ban-sao")
    assert original.procedure_code == "1.001193"
    assert copy.procedure_code is None
    assert api.content.get_state(copy) == "draft"  # not online, and the form asks for a code
    assert [b.getPath() for b in api.content.find(procedure_code="1.001193")] == [
        "/".join(original.getPhysicalPath())
    ]
    shown = messages(portal.REQUEST)
    assert any("1.001193" in m and "Đăng ký khai sinh" in m for m in shown), shown
    # everything else is kept
    assert copy.result == original.result and copy.fees == original.fees


def test_a_copied_folder_clears_the_number_of_each_legal_document(portal, manager):
    legal.prepare(portal)
    folder = api.content.create(container=portal, type="Folder", id="kho", title="Kho")
    legal.make(folder, "qd-33", "33/QĐ-UBND")
    legal.make(folder, "qd-34", "34/QĐ-UBND")
    copy = api.content.copy(source=folder, target=portal, id="kho-2")
    assert [copy[i].document_number for i in ("qd-33", "qd-34")] == [None, None]
    assert [folder[i].document_number for i in ("qd-33", "qd-34")] == ["33/QĐ-UBND", "34/QĐ-UBND"]


def test_other_types_are_copied_whole(portal, manager):
    page = api.content.create(container=portal, type="Document", id="trang", title="Trang")
    copy = api.content.copy(source=page, target=portal, id="trang-2")
    assert copy.title == "Trang"
