"""'Was this page helpful?' on procedures and articles (issue 17, point 7)."""
