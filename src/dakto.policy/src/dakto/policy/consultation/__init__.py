"""consultation feature (issue 3)."""
