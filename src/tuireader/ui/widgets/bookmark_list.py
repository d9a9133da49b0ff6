"""The list of all bookmarks, grouped by article: a Line-API widget drawing only what shows.

The bookmarks arrive already grouped (state.db orders them by article title); this widget
lays them out as lines once — a header per article, a line per bookmark and one more for
a note — and draws the visible ones. The cursor moves over bookmarks, never headers.
10,000 bookmarks cost one list of small tuples, not 10,000 widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from tuireader.library.model import Bookmark
from tuireader.ui.bindings import bindings
from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.bookmark_rows import (
    HEADER,
    NOTE,
    fit,
    header_segments,
    item_segments,
    lay_out,
)
from tuireader.ui.widgets.list_cursor import CursorList


class BookmarkList(CursorList):
    """Bookmarks grouped under their article's title; Enter opens the one under the cursor."""

    COMPONENT_CLASSES: ClassVar = {
        "bookmark-list--header",
        "bookmark-list--cursor",
        "bookmark-list--note",
        "bookmark-list--tag",
    }

    DEFAULT_CSS = """
    BookmarkList { background: $surface; overflow-x: hidden; }
    BookmarkList > .bookmark-list--header { color: $text; text-style: bold; }
    BookmarkList > .bookmark-list--cursor { background: $accent 40%; }
    BookmarkList > .bookmark-list--note { color: $text-muted; }
    BookmarkList > .bookmark-list--tag { color: $warning; text-style: reverse; }
    """

    BINDINGS: ClassVar = bindings("bookmark_list")

    @dataclass
    class Opened(Message):
        """Enter (or a click) on a bookmark."""

        bookmark_list: BookmarkList
        bookmark: Bookmark

        @property
        def control(self) -> BookmarkList:
            """The list that sent the message."""
            return self.bookmark_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._bookmarks: list[Bookmark] = []
        self._orphaned: set[int] = set()
        self._lines: list[tuple[str, int]] = []  # (kind, bookmark index)
        self._first_line: list[int] = []  # line of each bookmark's ITEM

    # -- content ---------------------------------------------------------------------
    def show(self, bookmarks: list[Bookmark], orphaned: set[int], cursor: int = 0) -> None:
        """Show ``bookmarks`` (grouped by article); ``orphaned`` holds bookmark ids."""
        self._bookmarks, self._orphaned = bookmarks, orphaned
        self._lines, self._first_line = lay_out(bookmarks)
        self.virtual_size = Size(0, len(self._lines))  # lines are cut to fit: no x scroll
        self.cursor = max(0, min(cursor, len(bookmarks) - 1))
        self.refresh()

    @property
    def count(self) -> int:
        """How many bookmarks are listed."""
        return len(self._bookmarks)

    @property
    def current(self) -> Bookmark | None:
        """The bookmark under the cursor."""
        return self._bookmarks[self.cursor] if self._bookmarks else None

    def is_orphaned(self, bookmark_id: int) -> bool:
        """Whether the bookmark's article is missing from the library."""
        return bookmark_id in self._orphaned

    def index_of(self, bookmark_id: int) -> int | None:
        """The position of a bookmark in the list, if listed."""
        for index, b in enumerate(self._bookmarks):
            if b.id == bookmark_id:
                return index
        return None

    @property
    def row_total(self) -> int:
        """How many rows the cursor can be on: one per bookmark."""
        return len(self._bookmarks)

    def page_rows(self) -> int:
        """About a page of bookmarks (each takes a line or two)."""
        return max(1, self.scrollable_content_region.height // 2)

    def open_cursor_row(self) -> None:
        """Post :class:`Opened` for the bookmark under the cursor."""
        if self.current is not None:
            self.post_message(self.Opened(self, self.current))

    def watch_cursor(self) -> None:
        """Bring the cursor's lines (and its article's header, when close) into view."""
        if not self._first_line:
            return
        first = self._first_line[self.cursor]
        last = self._last_line(self.cursor)
        top = first - 1 if first and self._lines[first - 1][0] == HEADER else first
        height = max(1, self.scrollable_content_region.height)
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif last >= self.scroll_offset.y + height:
            self.scroll_to(y=last - height + 1, animate=False)
        self.refresh()

    def _last_line(self, index: int) -> int:
        first = self._first_line[index]
        has_note = first + 1 < len(self._lines) and self._lines[first + 1][0] == NOTE
        return first + 1 if has_note else first

    # -- drawing ---------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw screen row ``y``."""
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        if not 0 <= line < len(self._lines):
            return Strip.blank(width, self.rich_style)
        kind, index = self._lines[line]
        style = self.rich_style
        if kind != HEADER and index == self.cursor:
            style = self.get_component_rich_style("bookmark-list--cursor")
        return Strip(self._segments(kind, self._bookmarks[index], width, style), width)

    def _segments(self, kind: str, b: Bookmark, width: int, base: Style) -> list[Segment]:
        if kind == HEADER:
            header = self.get_component_rich_style("bookmark-list--header")
            return header_segments(b, width, header, base + Style(dim=True))
        if kind == NOTE:
            note = base + self.get_component_rich_style("bookmark-list--note", partial=True)
            return [Segment(fit("      ✎ " + one_line(b.note), width), note)]
        tag_style = self.get_component_rich_style("bookmark-list--tag")
        return item_segments(b, width, base, tag_style, b.id in self._orphaned)

    # -- the mouse -------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on that bookmark; a second click opens it."""
        offset = event.get_content_offset(self)
        line = None if offset is None else offset.y + self.scroll_offset.y
        if line is None or not 0 <= line < len(self._lines):
            return
        kind, index = self._lines[line]
        target = index if kind != HEADER else min(index, len(self._bookmarks) - 1)
        if target == self.cursor and kind != HEADER:
            self.open_cursor_row()
        self.cursor = target
        self.refresh(Region(0, 0, self.size.width, self.size.height))
