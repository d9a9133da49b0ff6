"""Bookmarks on the library screen: ``b`` ``v`` ``(`` ``)`` ``y`` ``B``, highlights, the note strip.

The highlights of an article's bookmarked passages are set each time it is shown
(showing an article clears them), placing each passage again by its quote (a passage
found after an edit is stored at its new place). The note of the passage in view shows
in a strip under the reader, refreshed by a light timer that also follows the
selection. The tree's "★ Bookmarked" node is counted after the next paint.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.css.query import NoMatches
from textual.timer import Timer

from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state import StateWriteError
from tuireader.state.anchors import ORPHANED, Placement, make_selector
from tuireader.state.check import refresh_placements
from tuireader.state.export import citation
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.controllers.passages import highlight_spans, passages_between, placement_of
from tuireader.ui.library import BOOKMARKED

STRIP_INTERVAL = 0.2  # seconds between looks at what is in view and what is selected


class Bookmarking:
    """Bookmark the article or a passage, copy it, open one from the list, show them."""

    def __init__(self, host: MainHost) -> None:
        """Serve ``host``."""
        self.host = host
        self.placed: list[tuple[Bookmark, Placement]] = []  # of the article shown
        self.last_opened: int | None = None  # the bookmark opened last from B
        self._jump: int | None = None  # bookmark to scroll to once its article is shown
        self._timer: Timer | None = None

    # -- after an article is shown ---------------------------------------------------
    def article_shown(self, article: Article) -> None:
        """Highlight the passages of the article just shown (and go to one, if asked)."""
        if self.host.reader.article is not article:
            return
        self.show_highlights()
        jump, self._jump = self._jump, None
        if jump is not None:
            self._go_to_passage(jump)
        if self._timer is None:
            self._timer = self.host.set_interval(STRIP_INTERVAL, self.update_note_strip)

    def show_highlights(self) -> None:
        """Place the open article's passages again and highlight them."""
        reader, current = self.host.reader, self.host.current
        article = reader.article
        if article is None or current is None:
            self.placed = []
            return
        bookmarks = self.host.opened.state.bookmarks
        self.placed = refresh_placements(bookmarks, article, current.fingerprint)
        reader.set_highlights("bookmark", highlight_spans(article, self.placed))
        self.update_note_strip()

    def _go_to_passage(self, bookmark_id: int) -> None:
        placement = placement_of(self.placed, bookmark_id)
        if placement is not None and placement.status == ORPHANED:
            self.host.notify("That passage is no longer in the article.", markup=False)
        elif placement is not None and placement.start is not None:
            self.host.reader.scroll_to_anchor(placement.start, center=True)

    # -- b, v, ( ), y ----------------------------------------------------------------
    def bookmark(self) -> None:
        """Bookmark the selected passage, else the whole article."""
        selection = self.selection_here()
        if selection is not None:
            self.bookmark_passage(*selection)
            return
        row = self.host.target_row()
        if row is None:
            self.host.notify("Choose an article first.", markup=False)
            return
        bookmarks = self.host.opened.state.bookmarks
        if bookmarks.any_for(row.fingerprint) and any(
            not b.is_passage for b in bookmarks.of_article(row.fingerprint)
        ):
            self.host.notify("Already bookmarked. B lists every bookmark.", markup=False)
            return
        if self.write(lambda: bookmarks.add_article(row.fingerprint, row.path, row.title)):
            self.host.notify("Article bookmarked (★). a adds a note.", markup=False)
            self.changed()

    def bookmark_passage(self, start: Anchor, end: Anchor, note: str = "") -> Bookmark | None:
        """Bookmark the passage of the open article from ``start`` to ``end``."""
        reader, current = self.host.reader, self.host.current
        same = [b for b, p in self.placed if (p.start, p.end) == (start, end)]
        if same and not note:
            reader.clear_selection()
            self.host.notify("Already bookmarked. a edits its note.", markup=False)
            return same[0]
        article = reader.article
        if article is None or current is None:
            return None
        bookmarks, fp = self.host.opened.state.bookmarks, current.fingerprint
        try:
            made = bookmarks.add_passage(article, start, end, note, fp=fp)
        except StateWriteError as exc:
            self.not_saved(exc)
            return None
        reader.clear_selection()
        self.host.notify("Passage bookmarked." + ("" if note else " a adds a note."), markup=False)
        self.changed()
        return made

    def select_passage(self) -> None:
        """Start selecting at the sentence on the top line (j/k grow or shrink it)."""
        reader = self.host.reader
        if self.host.current is None or reader.article is None:
            self.host.notify("Open an article to select a passage in it.", markup=False)
            return
        self.host.set_focus(reader)  # at once: a b typed right after must see it
        reader.start_selection()
        self.update_note_strip()

    def grow_selection(self, step: int) -> None:
        """``)`` / ``(``: one sentence more or less (a selection starts if there is none)."""
        reader = self.host.reader
        if self.host.current is None or reader.article is None:
            return
        self.host.set_focus(reader)
        reader.extend_selection(step)
        self.update_note_strip()

    def copy_passage(self) -> None:
        """Copy the selected passage (or the bookmarked one in view) with its source."""
        reader = self.host.reader
        article = reader.article if self.host.current is not None else None
        selection = self.selection_here()
        quote: str | None
        if selection is not None:
            quote = self.quote(*selection)
        else:
            in_view = self.passages_in_view() if self.host.focused is reader else []
            quote = in_view[0].quote if in_view else None
        if article is None or not quote:
            self.host.notify("Select a passage with v first.", markup=False)
            return
        meta = article.meta
        self.host.app.copy_to_clipboard(citation(quote, article.title, meta.source, meta.date))
        self.host.notify(
            f"Copied {len(quote):,} characters with the title and source.", markup=False
        )

    # -- B -----------------------------------------------------------------------------
    def chosen(self, b: Bookmark | None) -> None:
        """The bookmarks screen closed (on ``b``, to open it, or on nothing)."""
        self.changed()  # notes may have been edited or bookmarks deleted there
        if b is None:
            return
        self.last_opened = b.id  # B opens on it again next time
        row = self.host.opened.row_for_bookmark(b)
        if row is None:
            self.host.notify("Its article is not in the library any more.", markup=False)
            return
        error = self.host.opened.follow_bookmark(b, row)  # moved: remembered where
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
        current, reader = self.host.current, self.host.reader
        if current is not None and row.id == current.id and reader.article:
            self.host.set_focus(reader)
            self._go_to_passage(b.id)
            return
        self._jump = b.id if b.is_passage else None
        self.host.open_row(row, focus=True)

    # -- after a change ------------------------------------------------------------------
    def changed(self) -> None:
        """Update the highlights, the list's ★ marks and the tree's Bookmarked count."""
        self.show_highlights()
        self.host.article_list.reload()
        self.refresh_bookmarked()

    def refresh_bookmarked(self) -> None:
        """Count the bookmarked articles again for the tree's "★ Bookmarked" node.

        The count scans the whole listing (~40 ms at 100,000 articles), so it runs after
        the next paint: the tree and the list show first, the node's label a frame later.
        """
        if self.host.section_tree.count_of(BOOKMARKED, False) is None:
            self.host.section_tree.set_bookmarked(
                0, 0
            )  # the node, in place before any cursor moves
        self.host.call_after_refresh(self._count_bookmarked)

    def _count_bookmarked(self) -> None:
        if not self.host.is_attached:  # closed in the meantime
            return
        self.host.section_tree.set_bookmarked(*self.host.opened.bookmarked_counts())

    def write(self, change: Callable[[], object]) -> bool:
        """Run one state change; False (after telling the user) when it was not saved."""
        try:
            change()
        except StateWriteError as exc:
            self.not_saved(exc)
            return False
        return True

    def not_saved(self, error: StateWriteError) -> None:
        """Tell the user a change could not be saved."""
        self.host.notify(str(error), title="Not saved", markup=False, severity="error")

    # -- the selection and the strip -----------------------------------------------------
    def selection_here(self) -> tuple[Anchor, Anchor] | None:
        """The passage selected in the reader, when the reader is where the user is."""
        reader = self.host.reader
        if self.host.current is None or self.host.focused is not reader:
            return None
        return reader.selection

    def quote(self, start: Anchor, end: Anchor) -> str:
        """The text of the open article from ``start`` to ``end`` ("" if there is none)."""
        article = self.host.reader.article
        if article is None:
            return ""
        try:
            return make_selector(article, start, end).quote
        except ValueError:
            return ""

    def passages_in_view(self) -> list[Bookmark]:
        """Bookmarked passages with some text on screen, first one first."""
        shown = self.host.reader.visible_range() if self.placed else None
        if shown is None:
            return []
        return passages_between(self.placed, *shown)

    def update_note_strip(self) -> None:
        """Show the selection's keys, or the note of the passage in view, or nothing."""
        try:
            reader, pane = self.host.reader, self.host.reader_pane
        except NoMatches:  # the screen is being taken down
            return
        selection = reader.selection if reader.article is not None else None
        if selection is not None:
            pane.note_strip().show_selecting(len(self.quote(*selection)))
            return
        with_notes = [b for b in self.passages_in_view() if b.note]
        if with_notes:
            pane.note_strip().show_note(with_notes[0].note, len(with_notes) - 1)
        elif (strip := pane.note_strip_or_none) is not None:
            strip.hide()
