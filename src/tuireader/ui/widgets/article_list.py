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
MARKS_WIDTH = 4  # " ●★ ": unread and bookmark marks
RIGHT_GAP = 1  # a blank cell before the border
SOURCE_WIDTH = 16  # the most a source gets
MIN_SOURCE_WIDTH = 6  # a source cut shorter than this says nothing
FULL_DATE_FROM = 64  # list widths (cells) from which the date is shown in full
SHORT_DATE_FROM = 32  # ... in its short form (two-digit year); below, not at all
TITLE_MARGIN = 6  # the border's corners and the spaces around its title
SAMPLE_DATE = "2000-09-27"  # the widest day a format shows: two digits, Wednesday, September


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
        self._title: str | None = None  # set_header's words (the border title)
        self._hint = ""

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
        self._title = f"{one_line(title)} · {self._count:,} {what}"
        self._show_title()
        self.border_subtitle = Content(f"sort: {sort}")

    def set_title_hint(self, hint: str) -> None:
        """Add a hint after the title (``h: sections`` while the tree is folded away)."""
        if hint != self._hint:
            self._hint = hint
            self._show_title()

    def _show_title(self) -> None:
        if self._title is not None:
            hint = f"  ({self._hint})" if self._hint else ""
            if cell_len(self._title + hint) + TITLE_MARGIN > self.size.width:
                hint = ""  # a narrow list keeps its title whole rather than the hint
            self.border_title = Content(self._title + hint)

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
        """Keep the virtual width in step with the widget (and the hint if it fits)."""
        self.virtual_size = Size(event.size.width, self._count)
        self._show_title()

    def render_line(self, y: int) -> Strip:
        """Draw the line at screen row ``y``."""
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        # Cropped to the pane whatever the row holds: nothing draws past the border.
        return Strip(self._segments(row, width, index == self.cursor)).crop_extend(
            0, width, self.rich_style
        )

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
        title, source, date = fit_row(
            one_line(row.title), one_line(row.meta.source or ""), row.meta.date, width
        )
        segments = [
            Segment(" ", base),
            Segment(" " if row.read else "●", mark),
            Segment("★" if row.bookmarked else " ", mark),
            Segment(" ", base),
            Segment(title, title_style),
        ]
        if source:
            segments.append(Segment(source, dim))
        if date:
            segments.append(Segment(date, dim))
        return segments

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row and opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if 0 <= index < self._count:
            self.cursor = index
            self.open_cursor_row()


def fit_row(title: str, source: str, date: str | None, width: int) -> tuple[str, str, str]:
    """A row's title, source and date fitted to a list ``width`` cells wide (marks
    included): exactly ``width`` cells in all, whatever the width, the last one blank.

    The title comes first: the date takes its short form below 64 cells and goes below
    32; the source (next to the date, right-aligned) gets only the room the title does
    not need, and none at all when it is empty.
    """
    room = max(0, width - MARKS_WIDTH - RIGHT_GAP)
    shown_date, date_cells = "", 0
    if width >= SHORT_DATE_FROM:
        short = width < FULL_DATE_FROM
        # One column width for every row: a month alone (2001-06) is padded, a date
        # that is not ISO (a label) is cut.
        date_cells = cell_len(show_date(SAMPLE_DATE, with_time=False, short=short))
        shown_date = _fit(show_date(date, with_time=False, short=short), date_cells)
        date_cells += 1
    title_room = room - date_cells
    title_cells = cell_len(title)
    spare = title_room - title_cells - 1  # what the title does not need, a space kept
    shown_source = ""
    if source and spare >= min(cell_len(source), MIN_SOURCE_WIDTH):
        shown_source = _fit(source, min(cell_len(source), SOURCE_WIDTH, spare))
    source_cells = cell_len(shown_source) + 1 if shown_source else 0
    fitted_title = _fit(title, max(0, title_room - source_cells))
    if shown_source:  # right-aligned against the date: " 田野观察"
        fitted_title += " " * (title_room - source_cells - cell_len(fitted_title))
        shown_source = " " + shown_source
    gap = " " * min(RIGHT_GAP, max(0, width - MARKS_WIDTH))
    return fitted_title, shown_source, ((" " + shown_date) if shown_date else "") + gap


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (CJK counts two)."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
