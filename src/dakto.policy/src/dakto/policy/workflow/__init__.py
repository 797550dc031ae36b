"""The editorial board's workflow, roles and groups (Articles 5-8 and 11.2)."""
