"""Personal data (Luật 91/2025, NĐ 356/2025): the versioned notice, consent
per purpose, the retention period and its purge, and the administrator's
export / correction / erasure of one person's data.

Other features use ``consent`` (tick boxes, ``record_consent``) and register
a named utility providing ``interfaces.IPersonalDataHolder`` for what they
store; see ``holders``.
"""
