"""``POST @login`` with a reason when the login is locked (429 + Retry-After)."""

from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.auth.login import Login
from zope.i18n import translate

from dakto.policy.security.lockout import lock_message
from dakto.policy.security.lockout import request_state


class LockoutAwareLogin(Login):
    def reply(self):
        try:
            result = super().reply()
        except DeserializationError as error:  # plone.restapi's Login lets it out: a 500
            self.request.response.setStatus(400)
            return {"error": {"type": "DeserializationError", "message": str(error)}}
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
