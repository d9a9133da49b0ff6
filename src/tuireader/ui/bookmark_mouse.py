"""Selecting a passage with the mouse: press in the reader, drag, release (a mixin).

Mixed into the library screen through :class:`~tuireader.ui.bookmark_actions.BookmarkActions`.
The selection still snaps to whole sentences, as with ``v``: the drag picks the sentence
under the pointer where it went down and where it is now. A plain click selects nothing.
Terminals that do not report mouse drags simply never send the moves.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events

from tuireader.library.model import Anchor


def anchor_at_point(layout: Any, y: int, x: int) -> Anchor | None:
    """The text position under document row ``y``, cell ``x``; None off the text."""
    if y < 0 or y >= layout.height:
        return None
    row = layout.row(y)
    if row.role not in ("line", "ruby") or row.block < 0:
        return None
    geometry = layout.geometries[row.block]
    prefix = geometry.first_prefix if row.index == 0 else geometry.next_prefix
    column = x - layout.margin - cell_len(prefix or "")
    text, offset, used = layout.text(row.block), row.start, 0
    # With pinyin above the text each character takes its reading's slot.
    widths = layout.view(row.block).widths if layout.readings(row.block) else None
    while offset < row.end:
        cells = widths[offset] if widths else cell_len(text[offset])
        if used + cells > column:
            break
        used += cells
        offset += 1
    return Anchor(row.block, layout.to_original(row.block, offset))


class BookmarkMouse:
    """Mouse drags in the reader select sentences."""

    _bm_drag: Anchor | None = None

    def _point_anchor(self, event: events.MouseEvent) -> Anchor | None:
        """The text position under the mouse in the reader, if it is over the text."""
        screen: Any = self
        reader = screen.reader
        layout = getattr(reader, "_layout", None)  # the reader's own typesetting
        offset = event.get_content_offset(reader)
        if layout is None or offset is None or reader.article is None:
            return None
        return anchor_at_point(layout, offset.y + reader.scroll_offset.y, offset.x)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Remember where a drag in the reader starts."""
        self._bm_drag = self._point_anchor(event) if event.button == 1 else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """While the button is held, select from the start sentence to the one here."""
        if self._bm_drag is None or not event.button:
            return
        here = self._point_anchor(event)
        if here is None or here == self._bm_drag:
            return
        screen: Any = self
        reader = screen.reader
        # The reader offers v-style selection from its top line only; a drag needs both
        # ends, so the selection object is driven directly (same sentence rules).
        selection = reader._selection
        if selection is None or not selection.start(self._bm_drag):
            return
        selection.head = selection.position_at(here)
        reader._show_selection()
        screen.set_focus(reader)
        screen.update_note_strip()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """The drag is over (the selection stays for b, a or y)."""
        self._bm_drag = None
