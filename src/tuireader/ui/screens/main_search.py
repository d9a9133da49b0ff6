"""Search from the library screen: find in the article, and search the whole library.

A mixin of :class:`~tuireader.ui.screens.main.MainScreen`, placed before
``MainActions`` so its ``check_action`` and ``action_go_back`` see the search keys first
and hand everything else on. The find bar lives in :mod:`main_find`; this file adds the
library search screen, opening a result at its first hit (``n`` past the last hit goes
on to the next result), the background index build and saving searches (a saved
search listed in the article list is ``main_saved``).
Handlers are named ``on_*`` (not ``@on``) so Textual finds them on a mixin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from tuireader.ui.screens.main_find import FindActions
from tuireader.ui.search_session import ResultTrail

if TYPE_CHECKING:  # imported on first use: it pulls in the catalog and its parsers
    from tuireader.ui.search_runner import SearchRunner

FIND_ACTIONS = {"find_next", "find_previous"}
SEARCH_ACTIONS = {"find", "library_search"} | FIND_ACTIONS


class BuildStopped(Exception):
    """The index build was cancelled (the app is closing); the next start carries on."""


@dataclass
class IndexProgress(Message):
    """The background index build has indexed ``indexed`` of ``total`` articles."""

    indexed: int
    total: int


@dataclass
class IndexBuilt(Message):
    """The background index build ended (``error`` if it failed)."""

    indexed: int
    total: int
    error: str | None = None


class SearchActions(FindActions):
    """Library search and find-in-article for the library screen."""

    library: Any
    _runner: SearchRunner | None = None
    _index_building: bool = False

    @property
    def runner(self) -> SearchRunner:
        """The search thread, started on first use."""
        if self._runner is None:
            from tuireader.ui.search_runner import SearchRunner

            self._runner = SearchRunner(self.library.catalog)
        return self._runner

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Find needs an open article; n/N need hits; the rest is up to the screen."""
        if action not in SEARCH_ACTIONS:
            return super().check_action(action, parameters)  # type: ignore[misc]
        if self.library is None:
            return None
        if action == "find":
            return True if self.current is not None else None
        if action in FIND_ACTIONS:
            return True if self.find.active else None
        return True

    def action_go_back(self) -> None:
        """Escape clears a find first; then the screen's own "back"."""
        bar = self._bar_or_none()
        if self.find.query or (bar is not None and bar.is_open):
            self.clear_find()
            return
        super().action_go_back()  # type: ignore[misc]

    # -- the library search screen -----------------------------------------------------
    def action_library_search(self, query: str = "") -> None:
        """ctrl+s / S: search the whole library."""
        from tuireader.ui.screens.search import SearchScreen

        screen: Any = self
        bar = self._bar_or_none()
        typed = bar.value if bar is not None and bar.is_open else ""
        start = query or (self._trail.query if self._trail else typed)
        screen.app.push_screen(
            SearchScreen(self.runner, start, saver=self.save_search), self._search_closed
        )

    def _search_closed(self, trail: ResultTrail | None) -> None:
        if trail is not None:
            self.open_search_result(trail)

    def open_search_result(
        self, trail: ResultTrail, from_end: bool = False, focus: bool = True
    ) -> None:
        """Open the trail's current result; its hits are shown once it has loaded."""
        screen: Any = self
        path = trail.open_path()
        row = self.library.row_for_path(path) if path else None
        if row is None:
            screen.notify("That article is no longer in the library.", markup=False)
            return
        self._trail = trail
        self._library_from_end = from_end
        screen.open_row(row, focus=focus)

    def on_article_loaded(self, message: Any) -> None:
        """After the screen shows an article: mark a result's hits, or re-run the find."""
        if message.article is None:
            return
        path = message.row.path
        trail = self._trail
        if trail is not None and trail.follows(path):
            self._show_trail_query(trail)
            self._start_find(trail.query, False, "library")
            return
        self._trail = None
        bar = self._bar_or_none()
        if bar is not None and bar.is_open and bar.value:
            self._start_find(bar.value, bar.regex, "load")
        else:
            self.find.clear()

    def _show_trail_query(self, trail: ResultTrail) -> None:
        bar = self._bar_or_none()
        if bar is not None:
            bar.show_query(trail.query)
        else:
            self._mount_bar_with(trail.query)

    @work(group="find-bar")
    async def _mount_bar_with(self, query: str) -> None:
        bar = await self._find_bar()
        bar.show_query(query)
        self._show_count()

    # -- saved searches ------------------------------------------------------------------
    def save_search(self, name: str, query: str) -> tuple[str | None, bool]:
        """Save a search, or forget it if it is saved: (error message or None, saved now?)."""
        from tuireader.state import StateWriteError

        searches = self.library.state.searches
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
        screen: Any = self
        found = self.library.state.searches.all()
        screen.tree.set_saved_searches([(s.name, s.query) for s in found])

    # -- the index -----------------------------------------------------------------------
    def on_scan_finished(self, message: Any) -> None:
        """Saved searches into the tree; build the search index if it is not ready."""
        if self.library is None:
            return
        self.show_saved_searches()
        if not self._index_building:
            self._index_building = True
            self._build_index(self.library.catalog)

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self, catalog: Any) -> None:
        from tuireader import search as library_search

        screen: Any = self
        worker = get_current_worker()

        def stop_if_cancelled(indexed: int, total: int) -> None:
            # Called between batches (each committed): quitting need not wait for the rest.
            if worker.is_cancelled:
                raise BuildStopped
            screen.post_message(IndexProgress(indexed, total))  # a batch takes a while

        try:
            final = library_search.build_index(catalog, stop_if_cancelled)
        except BuildStopped:
            return
        except Exception as exc:  # a failed build leaves search "not ready", not a crash
            screen.post_message(IndexBuilt(0, 0, f"{type(exc).__name__}: {exc}"))
            return
        screen.post_message(IndexBuilt(final.indexed, final.total))

    def on_index_progress(self, message: IndexProgress) -> None:
        """Show how far the build is in the progress row (main_scan.py)."""
        screen: Any = self
        screen.show_index_progress(message.indexed, message.total)

    def on_index_built(self, message: IndexBuilt) -> None:
        """Hide the progress; report a failed build (a finished one needs no words)."""
        self._index_building = False
        screen: Any = self
        screen.hide_index_progress()
        if message.error:
            screen.notify(message.error, title="Search index", markup=False, severity="error")

    def on_unmount(self) -> None:
        """Stop the search thread."""
        if self._runner is not None:
            self._runner.close()
