"""One parser per article format (plain text, Markdown, HTML, EPUB), each returning a ParsedPage."""

#: The version of what the parsers make of a file. Raise it when a parser change should
#: reach files already in a catalog (a title, date or paragraph read differently): the
#: next scan of each catalog reads every file again, once (``catalog.scan``). Kept here,
#: not in the loader, so that a scan of an unchanged library imports no parser.
PARSER_VERSION = 6
