"""Diazo theme of a Vietnamese commune/town government portal."""

THEME_NAME = "dakto"
