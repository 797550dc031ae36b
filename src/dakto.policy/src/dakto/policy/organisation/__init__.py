"""organisation feature (issue 3)."""
