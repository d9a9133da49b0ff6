"""Bookmarks and notes on the library screen: ``v`` ``b`` ``a`` ``y`` ``B`` (a mixin).

Mixed into :class:`~tuireader.ui.screens.main.MainScreen` (``self`` is the screen). The
highlights of an article's bookmarked passages are set each time it is shown (showing an
article clears them), and the note of the passage in view shows in a strip under the
reader, refreshed by a light timer that also follows the selection.
"""

from __future__ import annotations

from typing import Any

from tuireader.library.model import Anchor, Bookmark
from tuireader.state.anchors import ORPHANED, make_selector
from tuireader.state.check import refresh_placements
from tuireader.state.export import citation
from tuireader.ui.bookmark_lookup import (
    highlight_spans,
    orphaned_ids,
    placement_of,
    row_for_bookmark,
)
from tuireader.ui.bookmark_notes import BookmarkNotes
from tuireader.ui.bookmark_strip import BookmarkStrip
from tuireader.ui.bookmark_tree import BookmarkTree

STRIP_INTERVAL = 0.2  # seconds between looks at what is in view and what is selected


class BookmarkActions(BookmarkNotes, BookmarkStrip, BookmarkTree):
    """Bookmark the article or a passage, copy it, list every bookmark."""

    library: Any
    current: Any
    _bm_placed: list = []  # (Bookmark, Placement) of the article shown
    _bm_jump: int | None = None  # bookmark to scroll to once its article is shown
    _bm_timer: Any = None
    _bm_last: int | None = None  # the bookmark opened last from B

    # -- after an article is shown ----------------------------------------------------
    def on_article_loaded(self, message: Any) -> None:
        """Highlight the passages of the article just shown (and go to one, if asked)."""
        screen: Any = self
        if message.article is None or screen.reader.article is not message.article:
            return
        self.show_bookmark_highlights()
        jump, self._bm_jump = self._bm_jump, None
        if jump is not None:
            self._go_to_passage(jump)
        if self._bm_timer is None:
            self._bm_timer = screen.set_interval(STRIP_INTERVAL, self.update_note_strip)

    def show_bookmark_highlights(self) -> None:
        """Place the open article's passages again and highlight them."""
        screen: Any = self
        article = screen.reader.article
        if article is None or self.current is None:
            self._bm_placed = []
            return
        self._bm_placed = refresh_placements(
            self.library.state.bookmarks, article, self.current.fingerprint
        )
        screen.reader.set_highlights("bookmark", highlight_spans(article, self._bm_placed))
        self.update_note_strip()

    def _go_to_passage(self, bookmark_id: int) -> None:
        screen: Any = self
        placement = placement_of(self._bm_placed, bookmark_id)
        if placement is not None and placement.status == ORPHANED:
            screen.notify("That passage is no longer in the article.", markup=False)
        elif placement is not None and placement.start is not None:
            screen.reader.scroll_to_anchor(placement.start, center=True)

    def on_article_reader_selection_changed(self, message: Any) -> None:
        """The reader's selection moved under the person's keys or mouse: say so below."""
        self.update_note_strip()

    # -- b and y -------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        """Bookmark the selected passage, else the whole article."""
        screen: Any = self
        selection = self._selection_here()
        if selection is not None:
            self.bookmark_passage(*selection)
            return
        row = screen._target_row()
        if row is None:
            screen.notify("Choose an article first.", markup=False)
            return
        if self.library.state.bookmarks.any_for(row.fingerprint) and any(
            not b.is_passage for b in self.library.state.bookmarks.of_article(row.fingerprint)
        ):
            screen.notify("Already bookmarked. B lists every bookmark.", markup=False)
            return
        state = self.library.state
        if self._bm_write(
            lambda: state.bookmarks.add_article(row.fingerprint, row.path, row.title)
        ):
            screen.notify("Article bookmarked (★). a adds a note.", markup=False)
            self.bookmarks_changed()

    def bookmark_passage(self, start: Anchor, end: Anchor, note: str = "") -> Bookmark | None:
        """Bookmark the passage of the open article from ``start`` to ``end``."""
        screen: Any = self
        same = [b for b, p in self._bm_placed if (p.start, p.end) == (start, end)]
        if same and not note:
            screen.reader.clear_selection()
            screen.notify("Already bookmarked. a edits its note.", markup=False)
            return same[0]
        article, fp = screen.reader.article, self.current.fingerprint
        state = self.library.state
        made = self._bm_write(lambda: state.bookmarks.add_passage(article, start, end, note, fp=fp))
        if made is not None:
            screen.reader.clear_selection()
            screen.notify("Passage bookmarked." + ("" if note else " a adds a note."), markup=False)
            self.bookmarks_changed()
        return made

    def action_select_passage(self) -> None:
        """Start selecting at the sentence on the top line (j/k grow or shrink it)."""
        screen: Any = self
        if self.current is None or screen.reader.article is None:
            screen.notify("Open an article to select a passage in it.", markup=False)
            return
        screen.set_focus(screen.reader)  # at once: a b typed right after must see it
        screen.reader.start_selection()
        self.update_note_strip()

    def action_grow_selection(self, step: int) -> None:
        """``)`` / ``(``: one sentence more or less (a selection starts if there is none)."""
        screen: Any = self
        if self.current is None or screen.reader.article is None:
            return
        screen.set_focus(screen.reader)
        screen.reader.extend_selection(step)
        self.update_note_strip()

    def action_copy_passage(self) -> None:
        """Copy the selected passage (or the bookmarked one in view) with its source."""
        screen: Any = self
        article = screen.reader.article if self.current is not None else None
        selection = self._selection_here()
        quote: str | None
        if selection is not None:
            quote = self._quote(*selection)
        else:
            in_view = self.passages_in_view() if screen.focused is screen.reader else []
            quote = in_view[0].quote if in_view else None
        if article is None or not quote:
            screen.notify("Select a passage with v first.", markup=False)
            return
        screen.app.copy_to_clipboard(
            citation(quote, article.title, article.meta.source, article.meta.date)
        )
        screen.notify(f"Copied {len(quote):,} characters with the title and source.", markup=False)

    # -- B ---------------------------------------------------------------------------------
    def action_show_bookmarks(self) -> None:
        """Every bookmark and note; Enter opens one."""
        from tuireader.ui.screens.bookmarks import BookmarksScreen

        screen: Any = self
        missing = lambda found: orphaned_ids(self.library, found)  # noqa: E731
        listing = BookmarksScreen(self.library.state, missing, start_at=self._bm_last)
        screen.app.push_screen(listing, self._bm_chosen)

    def _bm_chosen(self, b: Bookmark | None) -> None:
        screen: Any = self
        self.bookmarks_changed()  # notes may have been edited or bookmarks deleted there
        if b is None:
            return
        self._bm_last = b.id  # B opens on it again next time
        row = row_for_bookmark(self.library, b)
        if row is None:
            screen.notify("Its article is not in the library any more.", markup=False)
            return
        if self.current is not None and row.id == self.current.id and screen.reader.article:
            screen.set_focus(screen.reader)
            self._go_to_passage(b.id)
            return
        self._bm_jump = b.id if b.is_passage else None
        screen.open_row(row, focus=True)

    # -- after a change --------------------------------------------------------------------
    def bookmarks_changed(self) -> None:
        """Update the highlights, the list's ★ marks and the tree's Bookmarked count."""
        screen: Any = self
        self.show_bookmark_highlights()
        screen.article_list.reload()
        self.refresh_bookmarked()

    def _selection_here(self) -> tuple[Anchor, Anchor] | None:
        """The passage selected in the reader, when the reader is where the user is."""
        screen: Any = self
        if self.current is None or screen.focused is not screen.reader:
            return None
        return screen.reader.selection

    def _quote(self, start: Anchor, end: Anchor) -> str:
        screen: Any = self
        try:
            return make_selector(screen.reader.article, start, end).quote
        except ValueError:
            return ""
