"""promotion feature (issue 3)."""
