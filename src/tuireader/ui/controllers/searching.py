"""The library search from the library screen: its thread, saved searches, the index build.

``ctrl+s`` opens the search screen (the screen pushes it) over one long-lived
:class:`SearchRunner` thread; the result chosen there opens at its first hit through
the :class:`~tuireader.ui.controllers.find.Finder`. Saving a search puts it in the
section tree. After a scan the search index is built (or finished) in a thread worker
whose progress shares the scan's progress row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tuireader.catalog import Catalog
from tuireader.state import StateWriteError
from tuireader.ui.controllers.find import Finder
from tuireader.ui.controllers.find_state import ResultTrail
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.messages import IndexBuilt, IndexProgress

if TYPE_CHECKING:  # imported on first use: it starts the search thread
    from tuireader.ui.controllers.search_runner import SearchRunner


class BuildStopped(Exception):
    """The index build was cancelled (the app is closing); the next start carries on."""


class LibrarySearch:
    """The search thread, saved searches in the tree, and the background index build."""

    def __init__(self, host: MainHost, finder: Finder) -> None:
        """Serve ``host``; results open through ``finder``."""
        self.host = host
        self.finder = finder
        self._runner: SearchRunner | None = None
        self._index_building = False

    @property
    def runner(self) -> SearchRunner:
        """The search thread, started on first use."""
        if self._runner is None:
            from tuireader.ui.controllers.search_runner import SearchRunner

            self._runner = SearchRunner(self.host.opened.catalog)
        return self._runner

    def start_query(self, query: str = "") -> str:
        """What the search screen starts with: ``query``, the trail's, or the find bar's."""
        trail = self.finder.trail
        return query or (trail.query if trail else self.finder.typed())

    def closed(self, trail: ResultTrail | None) -> None:
        """The search screen closed: open the chosen result, if any."""
        if trail is not None:
            self.finder.open_result(trail)

    def close(self) -> None:
        """Stop the search thread."""
        if self._runner is not None:
            self._runner.close()

    # -- saved searches ------------------------------------------------------------------
    def save(self, name: str, query: str) -> tuple[str | None, bool]:
        """Save a search, or forget it if it is saved: (error message or None, saved now?)."""
        searches = self.host.opened.state.searches
        try:
            if searches.is_saved(name):
                searches.delete(name)
                saved = False
            else:
                searches.save(name, query)
                saved = True
        except (StateWriteError, ValueError) as exc:
            return str(exc), False
        self.show_saved_searches()
        return None, saved

    def show_saved_searches(self) -> None:
        """Put the saved searches in the section tree."""
        found = self.host.opened.state.searches.all()
        self.host.section_tree.set_saved_searches([(s.name, s.query) for s in found])

    # -- the index -----------------------------------------------------------------------
    def after_scan(self) -> None:
        """Saved searches into the tree; build the search index if it is not ready."""
        self.show_saved_searches()
        if not self._index_building:
            self._index_building = True
            catalog = self.host.opened.catalog
            self.host.run_worker(
                lambda: self._build_index(catalog), thread=True, exclusive=True, group="index"
            )

    def _build_index(self, catalog: Catalog) -> None:
        """In the worker: build the index, posting its progress between batches."""
        from tuireader import search as library_search

        worker = get_current_worker()

        def stop_if_cancelled(indexed: int, total: int) -> None:
            # Called between batches (each committed): quitting need not wait for the rest.
            if worker.is_cancelled:
                raise BuildStopped
            self.host.post_message(IndexProgress(indexed, total))  # a batch takes a while

        try:
            final = library_search.build_index(catalog, stop_if_cancelled)
        except BuildStopped:
            return
        except Exception as exc:  # a failed build leaves search "not ready", not a crash
            self.host.post_message(IndexBuilt(0, 0, f"{type(exc).__name__}: {exc}"))
            return
        self.host.post_message(IndexBuilt(final.indexed, final.total))

    def index_built(self, message: IndexBuilt) -> None:
        """Report a failed build (a finished one needs no words)."""
        self._index_building = False
        if message.error:
            self.host.notify(message.error, title="Search index", markup=False, severity="error")
