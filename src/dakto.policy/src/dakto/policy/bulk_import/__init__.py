"""Bulk import of legal documents, procedures and news (issue 18, point 1).

``dakto import legal-documents FILE``, ``dakto import procedures FILE`` and
``dakto import news FILE|FEED`` (``command.py``), and the administrator's
page ``@@nhap-du-lieu`` (``views.py``) for small files, all go through
``engine.run``: the sheet is read (``sheets.py``: XLSX, ODS, CSV), every row
is converted and checked against the Dexterity schema of its type (the
columns of each type are in ``columns.py``, one list per type), and only
when the whole file is valid is anything written: all or nothing per file.
A re-run updates the items it finds by their key (number and symbol,
procedure code, source address) instead of adding copies.

See docs/bulk-import.md.
"""
