"""Markdown articles: front matter, blocks and inline text."""
