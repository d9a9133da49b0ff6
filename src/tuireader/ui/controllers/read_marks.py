"""Read marks from the library screen: ``m`` on one article, ``A`` on a whole section,
``U`` to undo either.

A mark is kept per fingerprint, so marking one article changes every copy of its text:
the tree's unread counts are adjusted for each copy's sections without a new count
query. Marking a section (which may hold 100,000 articles) runs in a thread worker and
shows the catalog's new counts when it is done; from :data:`CONFIRM_SECTION_FROM`
unread articles the screen asks first. Each ``m`` and ``A`` is kept for ``U``: the marks
it changed are set back, and only those (an article read before ``A`` stays read).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tuireader.catalog import ArticleRow
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.safe_text import one_line

#: ``A`` asks before marking this many unread articles (or more) read.
CONFIRM_SECTION_FROM = 50
UNDO_KEPT = 20  # m / A changes ``U`` can take back, newest last

Pairs = list[tuple[str, str]]  # (fingerprint, path) of each mark changed


@dataclass
class MarkChange:
    """One ``m`` or ``A``: the marks it changed, to what, and what to call it."""

    pairs: Pairs
    read: bool
    what: str
    row: ArticleRow | None = None  # the one article of an ``m``


class ReadMarks:
    """Mark articles read or unread and keep the list and the tree in step."""

    def __init__(self, host: MainHost, undo_key: str = "U") -> None:
        """Serve ``host``; ``undo_key`` is the key notices name for undoing."""
        self.host = host
        self.undo_key = undo_key
        self._undo: list[MarkChange] = []

    def toggle(self, row: ArticleRow) -> None:
        """Mark the article read, or unread again (``U`` takes it back)."""
        read = not self.host.opened.is_read(row)
        if not self.set_read(row, read):
            return
        title = one_line(row.title)
        self._remember(MarkChange([(row.fingerprint, row.path)], read, title, row))
        if read and self.host.listing.unread_only:  # the row left the list: say how back
            self.host.notify(
                f"Marked “{title}” read; it left the unread list. Press {self.undo_key} to undo.",
                markup=False,
            )

    def set_read(self, row: ArticleRow, read: bool) -> bool:
        """Write a read mark and update the list row and the tree counts; False when
        the mark could not be written (the user is told)."""
        library = self.host.opened
        was_read = library.is_read(row)
        error = library.set_read(row, read)
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
            return False
        if was_read != read:
            # The mark is per fingerprint: every copy of this text changed with it.
            copies = library.sections_sharing(row.fingerprint)
            self.host.section_tree.adjust_unread_many(
                copies or [tuple(row.meta.sections)], -1 if read else 1
            )
        if self.host.listing.unread_only:  # the filtered listing changes length
            self.host.refresh_list()
        else:
            self.host.article_list.reload(recount=False)
            self.host.update_status()
        return True

    # -- a whole section -----------------------------------------------------------------
    def question(self) -> str | None:
        """What to ask before ``A`` on the listed section, or None when it is small."""
        listing = self.host.listing
        unread = self.host.section_tree.count_of(listing.section, True)
        if unread is None or unread < CONFIRM_SECTION_FROM:
            return None
        noun = "article" if unread == 1 else "articles"
        return f"Mark {unread:,} unread {noun} of {listing.name} read?"

    def mark_section(self) -> None:
        """Mark every article of the listed section read (in a worker)."""
        listing = self.host.listing
        self.host.notify(f"Marking {listing.name} read…", markup=False)
        section, name = listing.section, listing.name
        unread = self.host.section_tree.count_of(section, True)
        library = self.host.opened
        self._in_worker(
            lambda: library.mark_section_read(section), partial(self.section_marked, name, unread)
        )

    def section_marked(
        self, name: str, unread: int | None, pairs: Pairs, error: str | None
    ) -> None:
        """Show the new counts (from the catalog) once the marks are written."""
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
            return
        self.host.refresh_library()
        if not pairs:
            self.host.notify(f"Every article of {name} was read already.", markup=False)
            return
        self._remember(MarkChange(pairs, True, name))
        # Marks are per text: the articles (copies included) are what the tree counted.
        count = unread if unread else len(pairs)
        noun = "article" if count == 1 else "articles"
        self.host.notify(
            f"Marked {count:,} {noun} of {name} read. Press {self.undo_key} to undo.",
            markup=False,
        )

    # -- undo --------------------------------------------------------------------------
    def undo(self) -> None:
        """Take back the last ``m`` or ``A``: its marks go back to what they were."""
        if not self._undo:
            self.host.notify("Nothing to undo.", markup=False)
            return
        change = self._undo.pop()
        if change.row is not None:  # one article: on the UI thread, the list follows it
            if self.set_read(change.row, not change.read):
                self._put_cursor_on(change.row)
                self.host.notify(f"Undone: “{change.what}”.", markup=False)
            return
        library = self.host.opened
        self._in_worker(
            lambda: library.set_read_many(change.pairs, not change.read),
            lambda pairs, error: self._undone(change, error),
        )

    def _undone(self, change: MarkChange, error: str | None) -> None:
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
            return
        self.host.refresh_library()
        self.host.notify(f"Undone: {change.what} marked read.", markup=False)

    def _remember(self, change: MarkChange) -> None:
        self._undo.append(change)
        del self._undo[:-UNDO_KEPT]

    def _put_cursor_on(self, row: ArticleRow) -> None:
        """The list cursor on ``row`` again (an undone ``m`` brings its row back)."""
        listing = self.host.listing
        index = self.host.opened.listing_index(
            row.id, listing.section, listing.sort, listing.unread_only
        )
        if index is not None:
            self.host.article_list.cursor = index

    def _in_worker(
        self,
        write: Callable[[], tuple[Pairs, str | None]],
        done: Callable[[Pairs, str | None], None],
    ) -> None:
        """Run a many-marks ``write`` in a thread; ``done(changed, error)`` on the UI thread."""

        def run() -> None:
            pairs, error = write()
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.host.app.call_from_thread(done, pairs, error)

        self.host.run_worker(run, thread=True, group="mark-section")
