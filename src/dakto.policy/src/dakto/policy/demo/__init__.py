"""Realistic Vietnamese demo content (the ``demo`` profile)."""
