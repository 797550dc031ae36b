"""legal_documents feature (issue 3)."""
