"""Pure helpers behind the bookmark actions: catalog look-ups, highlight spans, notes.

No widgets here, so each piece is easy to test and to reason about: where a bookmark's
article is in the catalog now, which bookmarks have lost their article, which spans of
which blocks a placed passage covers, and which passage shows in a range of anchors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state.anchors import Placement


def row_for_bookmark(library: Any, b: Bookmark) -> Any | None:
    """The catalog row of a bookmark's article: at its path, else found by fingerprint."""
    row = library.row_for_path(b.path)
    if row is not None and row.fingerprint == b.fingerprint:
        return row
    moved = library.catalog.row_by_fingerprint(b.fingerprint)
    return moved if moved is not None else row  # edited in place: passages re-anchor


def orphaned_ids(library: Any, bookmarks: list[Bookmark]) -> set[int]:
    """Ids of bookmarks whose article is in the catalog neither by fingerprint nor path."""
    fps = library.catalog.known_fingerprints(b.fingerprint for b in bookmarks)
    paths = library.catalog.known_paths(b.path for b in bookmarks)
    return {b.id for b in bookmarks if b.fingerprint not in fps and b.path not in paths}


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


def highlight_spans(article: Article, placed: Iterable[tuple[Bookmark, Placement]]) -> list:
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


def placement_of(placed: Iterable[tuple[Bookmark, Placement]], bookmark_id: int) -> Any:
    """The placement of one bookmark among ``placed`` (None if not there)."""
    for b, placement in placed:
        if b.id == bookmark_id:
            return placement
    return None


#: The section path of the tree's "★ Bookmarked" node (no real section starts with NUL).
BOOKMARKED: tuple[str, ...] = ("\x00bookmarked",)


def listing_args(section: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """(section, bookmarked_only) for a catalog listing of a tree path."""
    return ((), True) if section == BOOKMARKED else (section, False)
