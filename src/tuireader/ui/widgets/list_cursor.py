"""A list drawn line by line with a cursor row: the keys both of our lists share.

:class:`ArticleList` and :class:`BookmarkList` are virtual lists (no widget per row)
whose cursor moves by line, page, half page and to either end, clamped to their rows,
and whose Enter opens the row under it. Those moves live here, once.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.scroll_view import ScrollView


class CursorList(ScrollView, can_focus=True):
    """A scrolling list with a ``cursor`` row; subclasses say how many rows and how
    a row opens."""

    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    @property
    def row_total(self) -> int:
        """How many rows the cursor can be on."""
        raise NotImplementedError

    def open_cursor_row(self) -> None:
        """Open the row under the cursor (post the list's ``Opened`` message)."""
        raise NotImplementedError

    def page_rows(self) -> int:
        """How far page down and page up move the cursor."""
        return max(1, self.size.height - 1)

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(value, self.row_total - 1)) if self.row_total else 0

    def action_cursor_down(self) -> None:
        """The next row."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """The previous row."""
        self.cursor -= 1

    def action_page_down(self) -> None:
        """A page down."""
        self.cursor += self.page_rows()

    def action_page_up(self) -> None:
        """A page up."""
        self.cursor -= self.page_rows()

    def action_half_page_down(self) -> None:
        """Half a page down."""
        self.cursor += max(1, self.size.height // 2)

    def action_half_page_up(self) -> None:
        """Half a page up."""
        self.cursor -= max(1, self.size.height // 2)

    def action_first(self) -> None:
        """The first row."""
        self.cursor = 0

    def action_last(self) -> None:
        """The last row."""
        self.cursor = self.row_total - 1

    def action_open(self) -> None:
        """Open the row under the cursor."""
        self.open_cursor_row()
