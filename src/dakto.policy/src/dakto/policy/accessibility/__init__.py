"""The accessibility statement page (issue 17, point 7)."""
