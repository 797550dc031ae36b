"""Royalties (nhuận bút) for published articles: Article 7.1, NĐ 18/2014."""
