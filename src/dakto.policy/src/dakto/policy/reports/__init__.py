"""Reports to the chairman (Article 6.3) and contribution statistics (Article 13)."""
