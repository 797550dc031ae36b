"""Phone numbers and e-mail addresses, checked the same way everywhere
(site identity, units, people).

The errors are ``zope.schema`` validation errors whose ``__doc__`` is the
message: z3c.form shows it at the field, and plone.restapi answers HTTP 400
naming the field (a bare ``Invalid`` would be a server error there).
"""

import re

from zope.schema import ValidationError

from dakto.policy import _


PHONE_RE = re.compile(r"^\+?[0-9][0-9 .()-]{5,19}$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


class InvalidPhone(ValidationError):
    __doc__ = _("Enter a phone number: digits, spaces, dots, dashes, an optional leading +.")


class InvalidEmail(ValidationError):
    __doc__ = _("Enter an e-mail address such as ubnd@kontum.gov.vn.")


def valid_phone(value):
    if value and not PHONE_RE.match(value.strip()):
        raise InvalidPhone(value)
    return True


def valid_email(value):
    if value and not EMAIL_RE.match(value.strip()):
        raise InvalidEmail(value)
    return True
