"""Key actions of :class:`ArticleReader` (a mixin): line, page, half page, ends.

Moves are measured from the text on the top row rather than from the scroll offset, so
wrapping an estimated block on the way never makes the reader skip or repeat a line.
While a passage is being selected, the line keys grow or shrink it by a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from tuireader.ui.widgets.reader import ArticleReader

# Ids are "reader.*" so the app can remap them from the config file.
READER_BINDINGS: list[BindingType] = [
    Binding(
        "j,down",
        "line_down",
        "Line down",
        show=False,
        id="reader.line_down",
        tooltip="Scroll one line down (grow the selection while selecting)",
    ),
    Binding(
        "k,up",
        "line_up",
        "Line up",
        show=False,
        id="reader.line_up",
        tooltip="Scroll one line up (shrink the selection while selecting)",
    ),
    Binding(
        "space,pagedown,ctrl+f",
        "page_down",
        "Page down",
        id="reader.page_down",
        tooltip="Scroll a page down, keeping one line of context",
    ),
    Binding(
        "shift+space,pageup,ctrl+b",
        "page_up",
        "Page up",
        id="reader.page_up",
        tooltip="Scroll a page up, keeping one line of context",
    ),
    Binding(
        "ctrl+d",
        "half_page_down",
        "Half page down",
        show=False,
        id="reader.half_down",
        tooltip="Scroll half a page down",
    ),
    Binding(
        "ctrl+u",
        "half_page_up",
        "Half page up",
        show=False,
        id="reader.half_up",
        tooltip="Scroll half a page up",
    ),
    Binding("g,home", "top", "Top", show=False, id="reader.top", tooltip="Go to the title"),
    Binding(
        "G,end",
        "bottom",
        "Bottom",
        show=False,
        id="reader.bottom",
        tooltip="Go to the last line",
    ),
    Binding(
        "escape",
        "clear_selection",
        "Cancel selection",
        show=False,
        id="reader.unselect",
        tooltip="Drop the passage being selected",
    ),
]


class ReaderKeys:
    """The actions behind the reader's bindings."""

    def _move(self: ArticleReader, rows: int) -> None:
        """Scroll by ``rows`` relative to the text now on top, even if wrapping the
        target region (an estimate above) shifts the rows under the reader."""
        layout = self._layout
        if layout is None:
            return
        anchor, height = self.anchor, self._view_height()
        # The top row may be a gap or header row just before the anchor's line.
        rows += self.scroll_offset.y - layout.row_of(anchor)
        target = layout.settle(anchor, rows, height)
        self._scroll_to_row(target)

    def action_line_down(self: ArticleReader) -> None:
        """One line down (or one more sentence while selecting)."""
        if self.selection is not None:
            self.extend_selection(1)
        else:
            self._move(1)

    def action_line_up(self: ArticleReader) -> None:
        """One line up (or one sentence less while selecting)."""
        if self.selection is not None:
            self.extend_selection(-1)
        else:
            self._move(-1)

    def action_page_down(self: ArticleReader) -> None:
        """A page down, keeping one line of context."""
        self._move(max(1, self._view_height() - 1))

    def action_page_up(self: ArticleReader) -> None:
        """A page up, keeping one line of context."""
        self._move(-max(1, self._view_height() - 1))

    def action_half_page_down(self: ArticleReader) -> None:
        """Half a page down."""
        self._move(max(1, self._view_height() // 2))

    def action_half_page_up(self: ArticleReader) -> None:
        """Half a page up."""
        self._move(-max(1, self._view_height() // 2))

    def action_top(self: ArticleReader) -> None:
        """To the title."""
        self._scroll_to_row(0)

    def action_bottom(self: ArticleReader) -> None:
        """To the last line."""
        if self._layout is not None:
            self._layout.wrap_tail(self._view_height())
            self._sync_virtual_size()
            self._scroll_to_row(self.max_scroll_y)

    def action_clear_selection(self: ArticleReader) -> None:
        """Cancel the selection."""
        self.clear_selection()

    def check_action(self: ArticleReader, action: str, parameters: tuple[object, ...]) -> bool:
        """Escape only cancels a selection; otherwise it goes on to the screen."""
        if action == "clear_selection":
            return self.selection is not None
        return True
