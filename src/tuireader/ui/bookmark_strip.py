"""The note strip on the library screen: the selection's keys or the note in view.

A mixin of :class:`~tuireader.ui.bookmark_actions.BookmarkActions` (``self`` is the
screen). The strip is mounted under the reader the first time it has something to say.
"""

from __future__ import annotations

from typing import Any

from textual.css.query import NoMatches

from tuireader.library.model import Bookmark
from tuireader.ui.bookmark_lookup import passages_between
from tuireader.ui.widgets.note_strip import NoteStrip


class BookmarkStrip:
    """What the strip under the reader shows."""

    _bm_placed: list

    def note_strip(self) -> NoteStrip:
        """The strip under the reader (added the first time it is needed)."""
        screen: Any = self
        try:
            return screen.query_one("#note-strip", NoteStrip)
        except NoMatches:
            strip = NoteStrip(id="note-strip")
            screen.query_one("#reader-pane").mount(strip)
            return strip

    def update_note_strip(self) -> None:
        """Show the selection's keys, or the note of the passage in view, or nothing."""
        screen: Any = self
        try:
            reader = screen.reader
        except NoMatches:  # the screen is being taken down
            return
        selection = reader.selection if reader.article is not None else None
        if selection is not None:
            self.note_strip().show_selecting(len(screen._quote(*selection)))
            return
        with_notes = [b for b in self.passages_in_view() if b.note]
        if with_notes:
            self.note_strip().show_note(with_notes[0].note, len(with_notes) - 1)
        elif screen.query("#note-strip"):
            self.note_strip().hide()

    def passages_in_view(self) -> list[Bookmark]:
        """Bookmarked passages with some text on screen, first one first."""
        screen: Any = self
        shown = screen.reader.visible_range() if self._bm_placed else None
        if shown is None:
            return []
        return passages_between(self._bm_placed, *shown)
