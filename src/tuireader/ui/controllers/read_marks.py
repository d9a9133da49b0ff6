"""Read marks from the library screen: ``m`` on one article, ``A`` on a whole section.

A mark is kept per fingerprint, so marking one article changes every copy of its text:
the tree's unread counts are adjusted for each copy's sections without a new count
query. Marking a section (which may hold 100,000 articles) runs in a thread worker and
shows the catalog's new counts when it is done.
"""

from __future__ import annotations

import contextlib

from tuireader.catalog import ArticleRow
from tuireader.ui.controllers.host import MainHost


class ReadMarks:
    """Mark articles read or unread and keep the list and the tree in step."""

    def __init__(self, host: MainHost) -> None:
        """Serve ``host``."""
        self.host = host

    def toggle(self, row: ArticleRow) -> None:
        """Mark the article read, or unread again."""
        self.set_read(row, not self.host.opened.is_read(row))

    def set_read(self, row: ArticleRow, read: bool) -> None:
        """Write a read mark and update the list row and the tree counts."""
        library = self.host.opened
        was_read = library.is_read(row)
        error = library.set_read(row, read)
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
            return
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

    def mark_section(self) -> None:
        """Mark every article of the listed section read (in a worker)."""
        listing = self.host.listing
        self.host.notify(f"Marking {listing.name} read…", markup=False)
        section, name = listing.section, listing.name
        self.host.run_worker(
            lambda: self._mark_section(section, name), thread=True, group="mark-section"
        )

    def _mark_section(self, section: tuple[str, ...], name: str) -> None:
        error = self.host.opened.mark_section_read(section)
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.host.app.call_from_thread(self._section_marked, name, error)

    def _section_marked(self, name: str, error: str | None) -> None:
        """Show the new counts (from the catalog) once the marks are written."""
        if error:
            self.host.notify(error, title="Not saved", markup=False, severity="error")
            return
        self.host.refresh_library()
        self.host.notify(f"Marked {name} read.", markup=False)
