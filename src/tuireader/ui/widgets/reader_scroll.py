"""Scrolling, positions and re-layout for :class:`ArticleReader` (a mixin).

The reader's position is held as an anchor hint: after a re-layout (resize, new reading
width, refined estimates) the row of that anchor is recomputed and scrolled to, so the
text under the reader's eyes does not move.
"""

from __future__ import annotations

from time import perf_counter
from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip

from tuireader.library.model import Anchor
from tuireader.ui.widgets.reader_layout import DocumentLayout

if TYPE_CHECKING:
    from tuireader.ui.widgets.reader import ArticleReader

POSITION_DELAY = 0.25  # seconds of stillness before PositionChanged is posted
REFINE_SLICE = 0.012  # seconds of background wrapping per step
REFINE_PAUSE = 0.02  # seconds between background steps


class ReaderScrolling:
    """Row arithmetic glue between the scroll offset and the article's anchors."""

    # -- geometry of the viewport ----------------------------------------------------
    def _pane_width(self: ArticleReader) -> int:
        """Cells available for a row (the scrollbar gutter excluded)."""
        return self.scrollable_content_region.width

    def _view_height(self: ArticleReader) -> int:
        """Rows on screen (at least one)."""
        return max(1, self.scrollable_content_region.height)

    def _layout_current(self: ArticleReader) -> bool:
        """Whether the layout was made for the pane's present width."""
        return self._layout is not None and self._layout.pane_width == self._pane_width()

    # -- position --------------------------------------------------------------------
    @property
    def anchor(self: ArticleReader) -> Anchor:
        """Anchor of the first visible line."""
        layout = self._layout
        if layout is None or not self._layout_current():
            return self._hint
        top = self.scroll_offset.y
        if layout.row_of(self._hint) == top:
            return self._hint  # keeps a mid-line anchor exact across re-layouts
        return layout.anchor_at(top)

    @property
    def percent(self: ArticleReader) -> int:
        """How far through the article the reader is, 0..100 (100 at the end)."""
        if self._layout is None:
            return 0
        bottom = self.max_scroll_y
        top = self.scroll_offset.y
        if bottom <= 0 or top >= bottom:
            return 100
        return min(99, 100 * top // bottom)

    def scroll_to_anchor(
        self: ArticleReader, anchor: Anchor, *, center: bool = False, animate: bool = False
    ) -> None:
        """Bring ``anchor`` to the top of the view (or its middle with ``center``)."""
        if self._layout is None or not self._layout_current():
            self._hint = anchor
            return
        layout = self._layout
        row = layout.row_of(anchor)
        if center:
            half = self._view_height() // 2
            row = layout.settle(anchor, -half, half)
        self._scroll_to_row(row, animate=animate)
        if not center:
            self._hint = anchor

    # -- layout ----------------------------------------------------------------------
    def _relayout(self: ArticleReader) -> None:
        """Typeset the article for the current width and go back to the anchor hint."""
        self._generation += 1
        width = self._pane_width()
        if self._article is None or width <= 0:
            self._layout = None
            return
        self._layout = DocumentLayout(self._article, width, self.reading_width, self._aids)
        self._place(self._hint)
        self.set_timer(REFINE_PAUSE, self._refine_step(self._generation))

    def _place(self: ArticleReader, anchor: Anchor) -> None:
        """Scroll so that ``anchor`` is on the top row, without animation."""
        assert self._layout is not None
        self._scroll_to_row(self._layout.row_of(anchor))
        self._hint = anchor
        self.refresh()

    def _sync_virtual_size(self: ArticleReader) -> None:
        """Publish the layout's height (which grows or shrinks as blocks get wrapped)."""
        if self._layout is not None:
            size = Size(self._layout.pane_width, self._layout.height)
            if size != self.virtual_size:
                self.virtual_size = size

    def _scroll_to_row(self: ArticleReader, row: int, *, animate: bool = False) -> None:
        """Scroll to ``row`` after wrapping what will show, so the target is exact."""
        layout = self._layout
        if layout is None:
            return
        height = self._view_height()
        row = max(0, row)
        layout.wrap_rows(row, height)
        if row + height >= layout.height:
            layout.wrap_tail(height)
        self._sync_virtual_size()
        self.scroll_to(y=row, animate=animate, force=True)
        self._check_end()

    def _reveal_rows(self: ArticleReader, first: int, last: int) -> None:
        """Scroll the least needed to show rows ``first``..``last`` (their top if too tall)."""
        top, height = self.scroll_offset.y, self._view_height()
        if first >= top and last < top + height:
            return
        tall = last - first + 1 > height
        self._scroll_to_row(first if first < top or tall else last - height + 1)

    def _refine_step(self: ArticleReader, generation: int):
        """A callback wrapping unwrapped blocks for a moment, then rescheduling itself.

        The text on the top row stays put: estimates refined above it move the scroll
        offset by the same amount.
        """
        cursor = 0

        def step() -> None:
            nonlocal cursor
            layout = self._layout
            if generation != self._generation or layout is None or not layout.unwrapped:
                return
            if layout.rows_estimated_only:
                return  # pinyin mode: each block costs dictionary look-ups; wrap what shows
            anchor, top = self.anchor, self.scroll_offset.y
            offset = top - layout.row_of(anchor)  # a gap or header row sits above its line
            deadline = perf_counter() + REFINE_SLICE
            index = layout.next_unwrapped(cursor)
            while index is not None and perf_counter() < deadline:
                layout.ensure_wrapped(index)
                cursor = index + 1
                index = layout.next_unwrapped(cursor)
            self._sync_virtual_size()
            row = layout.row_of(anchor) + offset
            if row != top:
                self.scroll_to(y=row, animate=False, force=True)
                self._hint = anchor
            self.set_timer(REFINE_PAUSE, step)

        return step

    # -- events and watchers ---------------------------------------------------------
    def watch_reading_width(self: ArticleReader) -> None:
        """A new column width re-typesets the article around the same anchor."""
        self._relayout()

    def on_resize(self: ArticleReader, event: events.Resize) -> None:
        """Re-wrap for a new width (keeping the anchor); a new height may show the end."""
        if self._article is not None and not self._layout_current():
            self._relayout()
        else:
            self._check_end()

    def watch_scroll_y(self: ArticleReader, old_value: float, new_value: float) -> None:
        """Track the anchor, watch for the end, and (debounced) report the position."""
        super().watch_scroll_y(old_value, new_value)  # type: ignore[misc]
        if self._layout_current():
            self._hint = self.anchor
            self._check_end()
            if self._position_timer is not None:
                self._position_timer.stop()
            self._position_timer = self.set_timer(POSITION_DELAY, self._post_position)

    def render_lines(self: ArticleReader, crop: Region) -> list[Strip]:
        """Wrap what is about to show first, then publish any height change."""
        if self._article is not None and not self._layout_current():
            self._relayout()  # resized, and the Resize event has not arrived yet
        if self._layout is not None:
            self._layout.wrap_rows(self.scroll_offset.y, self.size.height)
        strips = super().render_lines(crop)  # type: ignore[misc]
        if self._layout is not None and self._layout.height != self.virtual_size.height:
            self.call_later(self._sync_virtual_size)
        return strips

    def _check_end(self: ArticleReader) -> None:
        """Post ReachedEnd the first time the last row is on screen."""
        layout = self._layout
        if self._end_reported or layout is None or not self.scrollable_content_region.height:
            return
        top, height = self.scroll_offset.y, self._view_height()
        if top + height < layout.height:
            return
        layout.wrap_rows(top, height)
        if top + height >= layout.height:
            self._end_reported = True
            # Created from the reader's own queue: a message made while the screen
            # renders would name the screen as its sender and stop bubbling there.
            self.call_later(lambda: self.post_message(self.ReachedEnd(self)))

    def _post_position(self: ArticleReader) -> None:
        """Post PositionChanged unless nothing changed since the last one."""
        position = (self.anchor, self.percent)
        if self._layout is not None and position != self._posted:
            self._posted = position
            self.post_message(self.PositionChanged(*position, reader=self))
