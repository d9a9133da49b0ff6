"""The ``a`` key on the library screen: add or edit a note (a mixin of BookmarkActions).

What the note belongs to, in order: the passage being selected (bookmarked with the note
on save), the bookmarked passage in view in the reader, else the article itself (its
whole-article bookmark is made when the note is saved).
"""

from __future__ import annotations

from typing import Any

from tuireader.library.model import Bookmark
from tuireader.state import StateWriteError
from tuireader.ui.screens.note_editor import NoteEditor


class BookmarkNotes:
    """Notes on passages and articles, written through the note editor."""

    library: Any
    current: Any

    def action_edit_note(self) -> None:
        """Add or edit the note of the selection, the passage in view, or the article."""
        screen: Any = self
        selection = screen._selection_here()
        same = [b for b, p in screen._bm_placed if selection and (p.start, p.end) == selection]
        if same:  # the selection is a bookmarked passage already: edit that note
            screen.reader.clear_selection()
            self.edit_note(same[0])
            return
        if selection is not None:
            quote = screen._quote(*selection)
            editor = NoteEditor("", quote, title="Note on the new bookmark")
            screen.app.push_screen(editor, lambda note: self._note_for_selection(selection, note))
            return
        in_view = screen.passages_in_view() if screen.focused is screen.reader else []
        if in_view:
            self.edit_note(in_view[0])
            return
        row = screen._target_row()
        if row is None:
            screen.notify("Choose an article first.", markup=False)
            return
        whole = [
            b for b in self.library.state.bookmarks.of_article(row.fingerprint) if not b.is_passage
        ]
        if whole:
            self.edit_note(whole[0])
        else:
            editor = NoteEditor("", row.title, title="Note on the article")
            screen.app.push_screen(editor, lambda note: self._note_for_article(row, note))

    def edit_note(self, b: Bookmark) -> None:
        """Open the editor on an existing bookmark's note."""
        screen: Any = self
        editor = NoteEditor(b.note, b.quote or b.title, title="Note")
        screen.app.push_screen(editor, lambda note: self._note_saved(b, note))

    def _note_saved(self, b: Bookmark, note: str | None) -> None:
        screen: Any = self
        if note is None or note == b.note:
            return
        if self._bm_write(lambda: self.library.state.bookmarks.set_note(b.id, note)) is not None:
            screen.notify("Note saved." if note else "Note removed.", markup=False)
            screen.bookmarks_changed()

    def _note_for_selection(self, selection: Any, note: str | None) -> None:
        screen: Any = self
        if note is not None:
            screen.bookmark_passage(*selection, note=note)

    def _note_for_article(self, row: Any, note: str | None) -> None:
        screen: Any = self
        if not note:
            return
        state = self.library.state
        made = self._bm_write(
            lambda: state.bookmarks.add_article(row.fingerprint, row.path, row.title, note)
        )
        if made is not None:
            screen.notify("Article bookmarked with the note.", markup=False)
            screen.bookmarks_changed()

    def _bm_write(self, change: Any) -> Any:
        """Run one state change: its result (True for none), or None after telling the user."""
        screen: Any = self
        try:
            result = change()
        except StateWriteError as exc:
            screen.notify(str(exc), title="Not saved", markup=False, severity="error")
            return None
        return True if result is None else result
