"""One parser per article format (plain text, Markdown, HTML), each returning a ParsedPage."""
