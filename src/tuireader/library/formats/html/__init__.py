"""HTML articles: metadata, main-text extraction and blocks."""
