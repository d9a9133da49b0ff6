"""Lines of the bookmarks list: grouping into lines and the segments of each line (pure).

Kept apart from the widget so the layout rules (a header per article, a line per
bookmark, one more for its note) and the cell arithmetic for CJK text stay testable.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

from tuireader.library.model import Bookmark
from tuireader.ui.safe_text import one_line

HEADER, ITEM, NOTE = "header", "item", "note"
ORPHANED_TAG = " orphaned "
MIN_TEXT = 12  # cells of passage kept before the date and the tag give way


def lay_out(bookmarks: list[Bookmark]) -> tuple[list[tuple[str, int]], list[int]]:
    """(kind, bookmark index) of every line, and the ITEM line of each bookmark."""
    lines: list[tuple[str, int]] = []
    first_line: list[int] = []
    previous = None
    for index, b in enumerate(bookmarks):
        group = (b.title, b.fingerprint)
        if group != previous:
            lines.append((HEADER, index))
            previous = group
        first_line.append(len(lines))
        lines.append((ITEM, index))
        if b.note:
            lines.append((NOTE, index))
    return lines, first_line


def header_segments(b: Bookmark, width: int, header: Style, dim: Style) -> list[Segment]:
    """An article's header line: its title, then its path dimmed if there is room."""
    title = " " + one_line(b.title or b.path)
    room = width - cell_len(title)
    if room <= 2:
        return [Segment(fit(title, width), header)]
    return [Segment(title, header), Segment(fit("  " + one_line(b.path), room), dim)]


def item_segments(
    b: Bookmark, width: int, base: Style, tag_style: Style, orphaned: bool
) -> list[Segment]:
    """A bookmark's line: the quoted passage (or a star), an orphaned tag, the date."""
    tag = ORPHANED_TAG if orphaned else ""
    text = f"“{one_line(b.quote)}”" if b.is_passage else "★ the whole article"
    date = "  " + (b.created or "")[:10] + " "
    indent = "    " if width > 2 * len(ORPHANED_TAG) else ""
    # On a narrow screen the date goes first, then the tag: the passage matters most.
    if width - len(indent) - cell_len(tag) - len(date) < MIN_TEXT:
        date = ""
    if width - len(indent) - cell_len(tag) < MIN_TEXT:
        tag = ""
    room = width - len(indent) - cell_len(tag) - len(date)
    return [
        Segment(indent, base),
        Segment(fit(text, room), base),
        Segment(tag, tag_style),
        Segment(date, base + Style(dim=True)),
    ]


def fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
