"""Snippets for search results: a slice of the paragraph holding the first hit.

The stored folded body has the same lines (blocks) as the original, because folding
never adds or removes a newline; so the first hit's line is found in the folded text and
only that one paragraph is folded again with a map to place highlights in the original.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.text.fold import fold_with_map

WIDTH = 120
_LEAD = 30
ELLIPSIS = "…"

Span = tuple[int, int]


def first_hit_line(folded_body: str, terms: Sequence[str]) -> int | None:
    """The line (block index) of the earliest hit of any term, or None."""
    positions = [p for p in (folded_body.find(t) for t in terms if t) if p >= 0]
    if not positions:
        return None
    return folded_body.count("\n", 0, min(positions))


def make_snippet(
    body: str, folded_body: str, terms: Sequence[str], width: int = WIDTH
) -> tuple[str, tuple[Span, ...]]:
    """A one-line snippet around the first hit, and the hit spans inside it."""
    lines = body.split("\n")
    line_no = first_hit_line(folded_body, terms)
    if line_no is None or line_no >= len(lines):
        text = next((line for line in lines if line.strip()), "")
        return _cut(text, 0, width), ()
    line = lines[line_no]
    spans = _spans(line, terms)
    first = spans[0][0] if spans else 0
    begin = max(0, first - _LEAD)
    snippet = _cut(line, begin, width)
    shift = len(ELLIPSIS) if begin else 0
    limit = len(snippet) - (len(ELLIPSIS) if snippet.endswith(ELLIPSIS) else 0)
    inside = tuple(
        (start - begin + shift, min(end - begin + shift, limit))
        for start, end in spans
        if begin <= start and start - begin + shift < limit
    )
    return snippet, inside


def _spans(line: str, terms: Sequence[str]) -> list[Span]:
    """Hit spans of every term in one original line, sorted."""
    folded, origin = fold_with_map(line)
    spans: set[Span] = set()
    for term in terms:
        start = folded.find(term) if term else -1
        while start >= 0:
            end = start + len(term)
            spans.add((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    return sorted(spans)


def _cut(line: str, begin: int, width: int) -> str:
    """``width`` characters of ``line`` from ``begin``, with ellipses where cut."""
    text = line[begin : begin + width]
    prefix = ELLIPSIS if begin else ""
    suffix = ELLIPSIS if begin + width < len(line) else ""
    return prefix + text + suffix
