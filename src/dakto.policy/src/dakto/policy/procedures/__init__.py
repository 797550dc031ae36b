"""procedures feature (issue 3)."""
