"""Plone's users overview, its one English leftover translated (issue 19.6):
the title of each row's "remove" checkbox, which Products.CMFPlone writes
without i18n ("Remove user <name>")."""

from Products.CMFPlone.controlpanel.browser.usergroups_usersoverview import (
    UsersOverviewControlPanel,
)
from zope.i18n import translate

from dakto.policy import _


class UsersOverview(UsersOverviewControlPanel):
    def remove_title(self, user):
        name = user.get("fullname") or user.get("login") or user.get("userid")
        return translate(_("Remove user ${name}", mapping={"name": name}), context=self.request)
