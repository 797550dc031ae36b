"""News (Article 7.1): source and author on every article, reference news,
topics; the news listings."""
