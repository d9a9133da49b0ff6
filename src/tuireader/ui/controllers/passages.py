"""Pure helpers behind the bookmark actions: highlight spans and passages in view.

No widgets here, so each piece is easy to test and to reason about: which spans of which
blocks a placed passage covers, and which passages show in a range of anchors.
"""

from __future__ import annotations

from collections.abc import Iterable

from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state.anchors import Placement


def spans_of(article: Article, start: Anchor, end: Anchor) -> list[tuple[int, int, int]]:
    """(block, start, end) spans covering the passage from ``start`` to ``end``."""
    spans = []
    last = min(end.block, len(article.blocks) - 1)
    for block in range(max(0, start.block), last + 1):
        begin = start.offset if block == start.block else 0
        stop = end.offset if block == end.block else len(article.blocks[block].text)
        if stop > begin:
            spans.append((block, begin, stop))
    return spans


def highlight_spans(
    article: Article, placed: Iterable[tuple[Bookmark, Placement]]
) -> list[tuple[int, int, int]]:
    """Highlight spans of every placed passage (orphaned ones have no place)."""
    spans: list[tuple[int, int, int]] = []
    for _, placement in placed:
        if placement.start is not None and placement.end is not None:
            spans.extend(spans_of(article, placement.start, placement.end))
    return spans


def passages_between(
    placed: Iterable[tuple[Bookmark, Placement]], top: Anchor, bottom: Anchor
) -> list[Bookmark]:
    """Passages that overlap the text from ``top`` to ``bottom`` (both inclusive)."""
    found = []
    for b, placement in placed:
        if placement.start is None or placement.end is None:
            continue
        start, end = placement.start, placement.end
        if (start.block, start.offset) <= (bottom.block, bottom.offset) and (
            end.block,
            end.offset,
        ) > (top.block, top.offset):
            found.append(b)
    return found


def placement_of(
    placed: Iterable[tuple[Bookmark, Placement]], bookmark_id: int
) -> Placement | None:
    """The placement of one bookmark among ``placed`` (None if not there)."""
    for b, placement in placed:
        if b.id == bookmark_id:
            return placement
    return None
