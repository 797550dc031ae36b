"""Upgrade part v1005_mail_sender: a 1004 site sends its mails in its body's name."""

from plone import api


def test_a_site_without_sender_name_gets_the_bodys_name(portal, manager, setup_tool):
    from dakto.policy.upgrades import v1005_mail_sender

    api.portal.set_registry_record("plone.email_from_name", "")  # as a 1004 site has it

    v1005_mail_sender.upgrade(setup_tool)

    assert api.portal.get_registry_record("plone.email_from_name") == "Ủy ban nhân dân xã Đắk Tô"


def test_a_sender_name_the_administrator_set_is_kept(portal, manager, setup_tool):
    from dakto.policy.upgrades import v1005_mail_sender

    api.portal.set_registry_record("plone.email_from_name", "Văn phòng HĐND và UBND xã")

    v1005_mail_sender.upgrade(setup_tool)

    assert api.portal.get_registry_record("plone.email_from_name") == "Văn phòng HĐND và UBND xã"
