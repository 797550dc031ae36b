"""The site structure that Article 4 of the regulation asks for."""
