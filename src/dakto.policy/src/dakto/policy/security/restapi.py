"""``POST @login`` with a reason when the login is locked (429 + Retry-After)."""

from plone.restapi.services.auth.login import Login
from zope.i18n import translate

from dakto.policy.security.lockout import lock_message
from dakto.policy.security.lockout import request_state


class LockoutAwareLogin(Login):
    def reply(self):
        result = super().reply()
        locked = request_state(self.request).get("locked")
        if locked:
            self.request.response.setStatus(429)
            return {
                "error": {
                    "type": "Login locked",
                    "message": translate(lock_message(*locked), context=self.request),
                    "retry_after": locked[1],
                }
            }
        return result
