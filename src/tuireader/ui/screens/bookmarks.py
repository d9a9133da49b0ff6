"""The bookmarks screen (``B``): every bookmark and note, grouped by article, filterable.

Enter dismisses the screen with the bookmark to open; ``a``/``e`` edit its note, ``d``
deletes it and ``u`` brings the last deleted one back. The filter box keeps bookmarks
whose title, quote or note hold every word typed, and applies as you type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from tuireader.library.model import Bookmark
from tuireader.state import StateStore, StateWriteError
from tuireader.ui.bindings import bindings
from tuireader.ui.safe_text import one_line
from tuireader.ui.screens.note_editor import NoteEditor
from tuireader.ui.widgets.bookmark_list import BookmarkList

T = TypeVar("T")
FIRST_PAGE = 200  # bookmarks shown before the rest is read in a thread
FILTER_DELAY = 0.12  # seconds of quiet typing before the list is filtered again
EMPTY = "No bookmarks yet. In the reader: v selects a passage, b bookmarks it."


class BookmarksScreen(Screen["Bookmark | None"]):
    """All bookmarks; dismissed with the bookmark to open, or None."""

    DEFAULT_CSS = """
    BookmarksScreen #bm-filter { margin: 0 1; }
    BookmarksScreen #bm-list { height: 1fr; border: round $panel-lighten-2; }
    BookmarksScreen #bm-list:focus { border: round $accent; }
    BookmarksScreen #bm-status { height: 1; background: $panel; }
    """

    BINDINGS: ClassVar = bindings("bookmarks")

    def __init__(
        self,
        state: StateStore,
        missing: Callable[[Iterable[Bookmark]], set[int]] | None = None,
        start_at: int | None = None,
    ) -> None:
        """``state`` is the StateStore; ``missing(bookmarks)`` gives orphaned ids;
        ``start_at`` is the bookmark (id) to put the cursor on, if still there."""
        super().__init__()
        self._start_at = start_at
        self._state = state
        self._missing = missing
        self._undo: list[int] = []
        self._filter_timer: Timer | None = None
        self._generation = 0
        self._total = 0

    def compose(self) -> ComposeResult:
        """Filter box, the list and a status line naming the keys."""
        yield Input(placeholder="Filter: words in the title, passage or note  (/)", id="bm-filter")
        yield BookmarkList(id="bm-list")
        yield Static(id="bm-status")

    @property
    def bookmark_list(self) -> BookmarkList:
        """The list widget."""
        return self.query_one("#bm-list", BookmarkList)

    @property
    def filter_text(self) -> str:
        """What the filter box holds."""
        return self.query_one("#bm-filter", Input).value

    def on_mount(self) -> None:
        """Fill the list and give it the keys."""
        self.bookmark_list.border_title = "Bookmarks"
        self.reload(keep=self._start_at)
        self.bookmark_list.focus()

    def reload(self, keep: int | None = None) -> None:
        """Read the bookmarks matching the filter again; the cursor on ``keep`` (an id).

        The first page is shown at once; the rest is read in a thread and shown when
        it arrives, so the screen paints fast however many bookmarks there are.
        """
        self._generation += 1
        text = self.filter_text
        self._total = self._state.bookmarks.count(text)
        first = self._state.bookmarks.page(text, 0, FIRST_PAGE)
        self._show(first, self._orphaned(first), keep)
        if self._total > len(first):
            self._load_all(self._generation, text, self._total, keep)

    @work(thread=True, exclusive=True, group="bookmarks")
    def _load_all(self, generation: int, text: str, total: int, keep: int | None) -> None:
        found = self._state.bookmarks.page(text, 0, total + FIRST_PAGE)  # room for new ones
        self.post_message(self.Loaded(generation, found, self._orphaned(found), keep))

    @dataclass
    class Loaded(Message):
        """Every bookmark matching a filter, read in a thread."""

        generation: int
        bookmarks: list[Bookmark]
        orphaned: set[int]
        keep: int | None

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.generation == self._generation:
            self._show(message.bookmarks, message.orphaned, message.keep)

    def _orphaned(self, found: list[Bookmark]) -> set[int]:
        return set(self._missing(found)) if self._missing else set()

    def _show(self, found: list[Bookmark], orphaned: set[int], keep: int | None) -> None:
        listing = self.bookmark_list
        listing.show(found, orphaned, listing.cursor)
        if keep is not None and (index := listing.index_of(keep)) is not None:
            listing.cursor = index
        self._show_status(max(self._total, len(found)))

    def _show_status(self, count: int) -> None:
        line = Text(f" {count:,} bookmark{'s' if count != 1 else ''}", no_wrap=True)
        if self.filter_text:
            line.append(f"  matching “{one_line(self.filter_text)}”")
        if not count and not self.filter_text:
            line = Text(" " + EMPTY)
        line.append("   enter open · a note · d delete · u undo · / filter", style="dim")
        self.query_one("#bm-status", Static).update(line)

    # -- filter ----------------------------------------------------------------------
    @on(Input.Changed, "#bm-filter")
    def _filter_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self.reload())

    @on(Input.Submitted, "#bm-filter")
    def _filter_submitted(self) -> None:
        self.reload()
        self.bookmark_list.focus()

    def action_focus_filter(self) -> None:
        """Type to filter."""
        self.query_one("#bm-filter", Input).focus()

    # -- actions ---------------------------------------------------------------------
    @on(BookmarkList.Opened, "#bm-list")
    def _opened(self, message: BookmarkList.Opened) -> None:
        if self.bookmark_list.is_orphaned(message.bookmark.id):
            note = "Its article is not in the library any more; the quote and note stay here."
            self.notify(note, markup=False, severity="warning")
            return
        self.dismiss(message.bookmark)

    def action_close(self) -> None:
        """Leave the filter box, or the screen."""
        if self.focused is self.query_one("#bm-filter"):
            self.bookmark_list.focus()
        else:
            self.dismiss(None)

    def action_edit_note(self) -> None:
        """Open the note editor on the bookmark under the cursor."""
        b = self.bookmark_list.current
        if b is None:
            return
        about = b.quote if b.is_passage else b.title
        editor = NoteEditor(b.note, about or "", title=f"Note · {one_line(b.title)}")
        self.app.push_screen(editor, lambda note: self._note_saved(b, note))

    def _note_saved(self, b: Bookmark, note: str | None) -> None:
        if note is None or note == b.note:
            return
        if self._write(lambda: self._saved_note(b.id, note)):
            self.notify("Note saved." if note else "Note removed.", markup=False)
            self.reload(keep=b.id)

    def action_delete(self) -> None:
        """Delete the bookmark under the cursor (u brings it back)."""
        b = self.bookmark_list.current
        if b is None:
            return
        token = self._write(lambda: self._state.bookmarks.delete(b.id))
        if token is not None:
            self._undo.append(token)
            self.notify("Bookmark deleted. Press u to undo.", markup=False)
            self.reload()

    def action_undo(self) -> None:
        """Bring back the bookmark deleted last."""
        if not self._undo:
            self.notify("Nothing to undo.", markup=False)
            return
        token = self._undo.pop()
        restored = self._write(lambda: self._state.bookmarks.undo_delete(token))
        if restored is not None:
            self.notify("Bookmark restored.", markup=False)
            self.reload(keep=restored.id)

    def _saved_note(self, bookmark_id: int, note: str) -> bool:
        """Store a note; True (set_note itself returns nothing: it raises when it fails)."""
        self._state.bookmarks.set_note(bookmark_id, note)
        return True

    def _write(self, change: Callable[[], T]) -> T | None:
        """Run one state change; on failure tell the user and return None."""
        try:
            return change()
        except StateWriteError as exc:
            self.notify(str(exc), title="Not saved", markup=False, severity="error")
            return None
