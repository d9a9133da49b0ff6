"""Plain-text articles: scraped pages, labelled headers, hard-wrapped archives."""
