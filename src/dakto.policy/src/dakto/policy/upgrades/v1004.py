"""1003 → 1004: integrity and need-to-know (issue 13), the security doors
(issue 21), Vietnamese screens and dates (issue 19).

Each part is a self-contained module ``v1004_<topic>.py`` with its own
``upgrade(context)``: it imports profile steps or sets what it needs itself and
calls no install code of today's features, which will change.
"""

import importlib


PARTS = (
    "v1004_need_to_know",
    "v1004_four_eyes",
    "v1004_sessions",
    "v1004_concurrent_writes",
    "v1004_integrity",
    "v1004_search",
    "v1004_editing_screens",
)


def upgrade(context):
    for name in PARTS:
        importlib.import_module(f"dakto.policy.upgrades.{name}").upgrade(context)
