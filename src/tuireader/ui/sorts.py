"""The orders the article list can be sorted in, in the order ``s`` cycles through."""

SORTS = ("date", "title")
