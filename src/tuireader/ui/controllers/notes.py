"""The ``a`` key on the library screen: which note to add or edit, and saving it.

What the note belongs to, in order: the passage being selected (bookmarked with the note
on save), the bookmarked passage in view in the reader, else the article itself (its
whole-article bookmark is made when the note is saved). The controller decides and
writes; the screen shows the note editor a :class:`NoteRequest` describes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tuireader.catalog import ArticleRow
from tuireader.library.model import Anchor, Bookmark
from tuireader.ui.controllers.bookmarks import Bookmarking
from tuireader.ui.controllers.host import MainHost


@dataclass(frozen=True)
class NoteRequest:
    """A note to edit: its text now, what it is about, the editor's title, and what to
    do with the text the editor returns (None when it was cancelled)."""

    note: str
    about: str
    title: str
    save: Callable[[str | None], None]


class Notes:
    """Notes on passages and articles."""

    def __init__(self, host: MainHost, bookmarking: Bookmarking) -> None:
        """Serve ``host``; passages are bookmarked through ``bookmarking``."""
        self.host = host
        self.bookmarking = bookmarking

    def request(self) -> NoteRequest | None:
        """The note ``a`` edits now (None after telling the user there is nothing)."""
        marks = self.bookmarking
        selection = marks.selection_here()
        same = [b for b, p in marks.placed if selection and (p.start, p.end) == selection]
        if same:  # the selection is a bookmarked passage already: edit that note
            self.host.reader.clear_selection()
            return self.of_bookmark(same[0])
        if selection is not None:
            start, end = selection
            return NoteRequest(
                "",
                marks.quote(start, end),
                "Note on the new bookmark",
                lambda note: self._for_selection(start, end, note),
            )
        in_view = marks.passages_in_view() if self.host.focused is self.host.reader else []
        if in_view:
            return self.of_bookmark(in_view[0])
        row = self.host.target_row()
        if row is None:
            self.host.notify("Choose an article first.", markup=False)
            return None
        bookmarks = self.host.opened.state.bookmarks.of_article(row.fingerprint)
        whole = [b for b in bookmarks if not b.is_passage]
        if whole:
            return self.of_bookmark(whole[0])
        return NoteRequest(
            "", row.title, "Note on the article", lambda note: self._for_article(row, note)
        )

    def of_bookmark(self, b: Bookmark) -> NoteRequest:
        """Edit an existing bookmark's note."""
        return NoteRequest(b.note, b.quote or b.title, "Note", lambda note: self._saved(b, note))

    def _saved(self, b: Bookmark, note: str | None) -> None:
        if note is None or note == b.note:
            return
        bookmarks = self.host.opened.state.bookmarks
        if self.bookmarking.write(lambda: bookmarks.set_note(b.id, note)):
            self.host.notify("Note saved." if note else "Note removed.", markup=False)
            self.bookmarking.changed()

    def _for_selection(self, start: Anchor, end: Anchor, note: str | None) -> None:
        if note is not None:
            self.bookmarking.bookmark_passage(start, end, note=note)

    def _for_article(self, row: ArticleRow, note: str | None) -> None:
        if not note:
            return
        bookmarks = self.host.opened.state.bookmarks
        if self.bookmarking.write(
            lambda: bookmarks.add_article(row.fingerprint, row.path, row.title, note)
        ):
            self.host.notify("Article bookmarked with the note.", markup=False)
            self.bookmarking.changed()
