"""Upgrade steps of the default profile.

Every change to ``profiles/default`` bumps the version in ``metadata.xml``
and adds a step here, registered in ``configure.zcml`` beside this file.
"""
