"""Read-aloud on articles, procedures and the Q&A (issue 17, point 7)."""
