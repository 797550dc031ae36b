"""The downloads of an EasyForm's saved data (CSV, TSV, XLSX: the form's
*saved_data* → ``@@data``) hold what citizens typed: each text cell goes
through the portal's ``spreadsheets.safe_text`` (no formula injection).

collective.easyform builds every row of the three downloads with
``SaveData.get_row_data`` and offers no hook: that one method is wrapped here,
once, when this package is imported. Numbers, dates and the other values
easyform stores are left as they are; the saved rows themselves (and the
``@@data`` page) keep the text as typed.
"""

from collective.easyform.actions import SaveData

from dakto.policy.spreadsheets import safe_text


_original_get_row_data = SaveData.get_row_data


def get_row_data(self, row):
    """easyform's row for a download, its text cells through ``safe_text``."""
    return [
        safe_text(value) if isinstance(value, str) else value
        for value in _original_get_row_data(self, row)
    ]


def install():
    if getattr(SaveData.get_row_data, "__module__", None) != __name__:
        SaveData.get_row_data = get_row_data
