"""The virtual article list: one line per article, rows fetched from the catalog on demand.

No widget per row and no work proportional to the section's size: the virtual height is
the article count, and ``render_line`` asks a :class:`RowSource` for the page of rows
that holds the line being drawn. Pages are cached and dropped when the query changes.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from tuireader.catalog import ArticleRow
from tuireader.ui.bindings import bindings
from tuireader.ui.date_format import show_date
from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.list_cursor import CursorList

PAGE_SIZE = 200
MAX_PAGES = 16
DATE_WIDTH = 10
SOURCE_WIDTH = 14


class RowSource(Protocol):
    """What the list reads from: a count and pages of rows (ArticleRow-like objects)."""

    def count(self) -> int: ...

    def rows(self, offset: int, limit: int) -> list[ArticleRow]: ...


class EmptySource:
    """A source with no rows (before the catalog is open)."""

    def count(self) -> int:
        """No rows."""
        return 0

    def rows(self, offset: int, limit: int) -> list[ArticleRow]:
        """No rows."""
        return []


class ArticleList(CursorList):
    """A list of articles drawn line by line from pages fetched on demand."""

    BINDINGS: ClassVar = bindings("list")
    COMPONENT_CLASSES: ClassVar = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--mark",
        "article-list--dim",
    }
    DEFAULT_CSS = """
    ArticleList { background: $surface; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--mark { color: $accent; }
    ArticleList > .article-list--dim { color: $text-muted; }
    """

    @dataclass
    class Opened(Message):
        """The user opened the article at ``index`` (Enter or click)."""

        article_list: ArticleList
        row: ArticleRow

        @property
        def control(self) -> ArticleList:
            """The list that sent the message."""
            return self.article_list

    @dataclass
    class Moved(Message):
        """The cursor moved to row ``index``."""

        article_list: ArticleList
        index: int

        @property
        def control(self) -> ArticleList:
            """The list that sent the message."""
            return self.article_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._source: RowSource = EmptySource()
        self._count = 0
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()

    @property
    def row_count(self) -> int:
        """How many articles the list holds."""
        return self._count

    def show(self, source: RowSource, cursor: int = 0) -> None:
        """Show the rows of ``source``, with the cursor on row ``cursor``."""
        self._source = source
        self.reload(cursor)

    def reload(self, cursor: int | None = None, recount: bool = True) -> None:
        """Forget cached rows (read marks or order changed) and draw again."""
        self._pages.clear()
        if recount:
            self._count = self._source.count()
        self.virtual_size = Size(self.size.width, self._count)
        self.cursor = self.cursor if cursor is None else cursor  # validate_cursor clamps
        self.refresh()

    def row_at(self, index: int) -> ArticleRow | None:
        """The row at ``index``, fetching its page from the source if needed."""
        if not 0 <= index < self._count:
            return None
        page_number, slot = divmod(index, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._source.rows(page_number * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_number] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[slot] if slot < len(page) else None

    @property
    def current(self) -> ArticleRow | None:
        """The row under the cursor."""
        return self.row_at(self.cursor)

    def index_of(self, article_id: int) -> int | None:
        """The index of a cached row with ``article_id`` (None if not in a cached page)."""
        for page_number, page in self._pages.items():
            for slot, row in enumerate(page):
                if row.id == article_id:
                    return page_number * PAGE_SIZE + slot
        return None

    def set_header(self, title: str, sort: str, unread_only: bool) -> None:
        """Show the section name, the count and the filter in the border title."""
        noun = "article" if self._count == 1 else "articles"
        what = f"unread {noun}" if unread_only else noun
        self.border_title = Content(f"{one_line(title)} · {self._count:,} {what}")
        self.border_subtitle = Content(f"sort: {sort}")

    @property
    def row_total(self) -> int:
        """How many rows the cursor can be on."""
        return self._count

    def open_cursor_row(self) -> None:
        """Post :class:`Opened` for the article under the cursor."""
        row = self.current
        if row is not None:
            self.post_message(self.Opened(self, row))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows that changed and keep the cursor in view."""
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        if old != new:
            self.post_message(self.Moved(self, new))

    def refresh_line(self, index: int) -> None:
        """Redraw the line that shows row ``index``."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual width in step with the widget."""
        self.virtual_size = Size(event.size.width, self._count)

    def render_line(self, y: int) -> Strip:
        """Draw the line at screen row ``y``."""
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        return Strip(self._segments(row, width, index == self.cursor), width)

    def _segments(self, row: ArticleRow, width: int, is_cursor: bool) -> list[Segment]:
        # Full (not partial) component styles: muted colours have alpha and only the
        # full style blends them with the background, which keeps light themes legible.
        if is_cursor:
            base = mark = dim = self.get_component_rich_style("article-list--cursor")
            title_style = base + Style(bold=not row.read)
        else:
            base = self.rich_style
            mark = self.get_component_rich_style("article-list--mark")
            dim = self.get_component_rich_style("article-list--dim")
            weight = "article-list--read" if row.read else "article-list--unread"
            title_style = self.get_component_rich_style(weight)
        title_width = max(1, width - 4 - DATE_WIDTH - SOURCE_WIDTH - 2)
        return [
            Segment(" ", base),
            Segment(" " if row.read else "●", mark),
            Segment("★" if row.bookmarked else " ", mark),
            Segment(" ", base),
            Segment(_fit(one_line(row.title), title_width), title_style),
            Segment(" ", base),
            Segment(_fit(show_date(row.meta.date, with_time=False), DATE_WIDTH), dim),
            Segment(" ", base),
            Segment(_fit(one_line(row.meta.source or ""), SOURCE_WIDTH), dim),
        ]

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row and opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if 0 <= index < self._count:
            self.cursor = index
            self.open_cursor_row()


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (CJK counts two)."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
