"""One parser per article format; each turns decoded text into a ParsedPage."""
