"""Dossier lookup (tra cứu hồ sơ, Article 2.2): records imported from the
town's one-stop system, looked up by citizens with their dossier code."""
