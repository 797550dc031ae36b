"""Feedback and petitions (phản ánh, kiến nghị — Article 9), follow by code,
and the public Q&A (hỏi đáp)."""
