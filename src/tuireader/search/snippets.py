"""Snippets for search results: a slice of the paragraph holding the first hit.

The stored folded body has the same lines (blocks) as the original, because folding
never adds or removes a newline; so the first hit's line is found in the folded text and
only that one paragraph is folded again with a map to place highlights in the original.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.search.find import original_span
from tuireader.text.fold import fold_positions

WIDTH = 120
_LEAD = 30
ELLIPSIS = "…"
_WINDOW = 4000  # characters of a long paragraph folded to place the highlights
# Hits marked per term: a snippet shows a few, a huge paragraph may hold thousands. Per
# term, so a common word's hits never crowd out another term's (the first 200 hits of a
# term reach past the snippet, which begins at most 30 characters before the first hit).
_MAX_SPANS = 200

Span = tuple[int, int]


def first_hit(folded_body: str, terms: Sequence[str]) -> tuple[int, int] | None:
    """(line, offset in the folded line) of the earliest hit of any term, or None."""
    positions = [p for p in (folded_body.find(t) for t in terms if t) if p >= 0]
    if not positions:
        return None
    first = min(positions)
    return folded_body.count("\n", 0, first), first - folded_body.rfind("\n", 0, first) - 1


def make_snippet(
    body: str, folded_body: str, terms: Sequence[str], width: int = WIDTH
) -> tuple[str, tuple[Span, ...]]:
    """A one-line snippet around the first hit, and the hit spans inside it."""
    lines = body.split("\n")
    hit = first_hit(folded_body, terms)
    if hit is None or hit[0] >= len(lines):
        text = next((line for line in lines if line.strip()), "")
        return _cut(text, 0, width), ()
    line = lines[hit[0]]
    spans = _spans_near(line, terms, hit[1])
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


def _spans_near(line: str, terms: Sequence[str], offset: int) -> list[Span]:
    """Hit spans in ``line``; a very long line is folded only around ``offset``.

    Folding rarely changes lengths, so the folded offset is close to the original one;
    if the window misses the hit, the whole line is folded after all.
    """
    if len(line) <= _WINDOW:
        return _spans(line, terms)
    base = max(0, offset - _WINDOW // 2)
    spans = [(s + base, e + base) for s, e in _spans(line[base : base + _WINDOW], terms)]
    return spans or _spans(line, terms)


def _spans(line: str, terms: Sequence[str]) -> list[Span]:
    """Hit spans of every term in one original line, sorted."""
    folded, origin = fold_positions(line)
    spans: set[Span] = set()
    for term in terms:
        start = folded.find(term) if term else -1
        marked = 0
        while start >= 0 and marked < _MAX_SPANS:
            end = start + len(term)
            spans.add(original_span(origin, start, end))
            marked += 1
            start = folded.find(term, end)
    return sorted(spans)


def _cut(line: str, begin: int, width: int) -> str:
    """``width`` characters of ``line`` from ``begin``, with ellipses where cut."""
    text = line[begin : begin + width]
    prefix = ELLIPSIS if begin else ""
    suffix = ELLIPSIS if begin + width < len(line) else ""
    return prefix + text + suffix
