"""Translate the command's messages: the add-on's ``t`` (one place)."""

from dakto.policy.commands import language  # noqa: F401
from dakto.policy.commands import t  # noqa: F401
