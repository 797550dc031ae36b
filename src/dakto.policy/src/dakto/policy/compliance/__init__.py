"""The compliance self-check (issue 17, point 8): one page for administrators
that checks the site against the publishing duties of the regulation and the
laws it carries on (``/work/shared/vn-legal-notes.md``)."""
