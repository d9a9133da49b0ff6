"""The library search screen: a query line, ranked results, Enter to read one.

Results come as you type from a thread worker (through :class:`SearchRunner`, whose one
thread owns its catalog connection) and are shown as Rich ``Text``: title and date,
sections, and a snippet with the hits highlighted. ``ctrl+s`` saves the search (it then
shows in the section tree), or forgets it if it was saved already. While the first index
build runs, the screen says how far it is and that results are incomplete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.search import Hit, SearchResults
from tuireader.ui.bindings import bindings
from tuireader.ui.controllers import search_runner
from tuireader.ui.controllers.find_state import ResultTrail
from tuireader.ui.controllers.search_runner import SearchRunner
from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.hit_text import (
    hit_text,
    not_ready_words,
    query_terms,
    status_words,
)

STATUS_POLL = 1.0  # seconds between index-progress checks while the index is being built


@dataclass
class SearchFound(Message):
    """Results of ``query`` (from the search worker)."""

    query: str
    found: SearchResults


@dataclass
class MoreFound(Message):
    """The next page of results of ``query`` (from the search worker)."""

    query: str
    found: SearchResults


@dataclass
class IndexChecked(Message):
    """How far the index is built (from the status worker)."""

    ready: bool
    indexed: int
    total: int


class SearchScreen(Screen[ResultTrail | None]):
    """Search the whole library; dismisses with the chosen result's trail."""

    DEFAULT_CSS = """
    SearchScreen { layout: vertical; }
    SearchScreen > #search-input { margin: 0 1; }
    SearchScreen > #search-status { height: 1; padding: 0 2; color: $text-muted; }
    SearchScreen > #search-status.-warn { color: $warning; }
    SearchScreen > #search-results {
        height: 1fr;
        border: round $panel-lighten-2;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar = bindings("search")

    def __init__(
        self,
        runner: SearchRunner,
        query: str = "",
        saver: Callable[[str, str], tuple[str | None, bool]] | None = None,
    ) -> None:
        super().__init__()
        self.runner = runner
        self._query = query
        self._saver = saver  # callable(name, query) -> (error or None, saved now?)
        self._hits: list[Hit] = []
        self._total = 0  # every match of the query shown (the results are a page of them)
        self._shown_query: str | None = None
        self._choose_when_found = False
        self._ready = True

    def compose(self) -> ComposeResult:
        """Query line, status line, results."""
        yield Input(
            value=self._query,
            placeholder='search the library: words, "a phrase", -without, section:…, after:2024',
            id="search-input",
        )
        yield Static(Text("Type to search."), id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    @property
    def results(self) -> OptionList:
        """The result list."""
        return self.query_one("#search-results", OptionList)

    @property
    def hits(self) -> list[Hit]:
        """The results shown, best first."""
        return list(self._hits)

    def on_mount(self) -> None:
        """Focus the query; search at once if one was given; watch the index build."""
        self.query_one("#search-input", Input).focus()
        if self._query:
            self._run(self._query)
        else:
            self._check_index()
        self.set_interval(STATUS_POLL, self._poll_index)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self._choose_when_found = False
        self._run(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._choose(self.results.highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if self._shown_query != self._query:  # Enter before the results came: take the first
            self._choose_when_found = True
            return
        if not self._hits:
            return
        index = 0 if index is None else index
        if index >= len(self._hits):  # the last line: "Show N more"
            self._more(self._query, len(self._hits), self.runner.ticket())
            return
        paths = [hit.path for hit in self._hits]
        self.dismiss(ResultTrail(self._query, paths, index))

    def action_move(self, step: int) -> None:
        """Move the highlight through the results while typing."""
        count = self.results.option_count
        if not count:
            return
        now = self.results.highlighted
        target = 0 if now is None else max(0, min(count - 1, now + step))
        self.results.highlighted = target

    def action_open(self) -> None:
        """Open the highlighted result (Enter in the box or the list does the same)."""
        self._choose(self.results.highlighted)

    def action_close(self) -> None:
        """Back to the library."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Save the query (named after itself; it shows in the section tree), or unsave it."""
        query = self._query.strip()
        if not query or self._saver is None:
            self.notify("Type a query first.", markup=False)
            return
        error, saved = self._saver(query, query)
        if error:
            self.notify(error, title="Not saved", markup=False, severity="error")
        elif saved:
            self.notify(f"Saved search: {one_line(query)}", markup=False)
        else:
            self.notify(
                f"Removed saved search: {one_line(query)} (ctrl+s saves it again)", markup=False
            )

    # -- searching -------------------------------------------------------------------
    def _run(self, query: str) -> None:
        if not query.strip():
            self._show(query, SearchResults(ready=self._ready))
            return
        self._search(query, self.runner.ticket())

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, ticket: int) -> None:
        try:
            found = self.runner.search(query, ticket)
        except Exception as exc:  # a damaged catalog must not end the app
            found = SearchResults(error=f"The search failed: {type(exc).__name__}: {exc}")
        if found is not None:
            self.post_message(SearchFound(query, found))

    @work(thread=True, exclusive=True, group="search")
    def _more(self, query: str, offset: int, ticket: int) -> None:
        try:
            found = self.runner.search(query, ticket, offset=offset)
        except Exception as exc:  # a damaged catalog must not end the app
            found = SearchResults(error=f"The search failed: {type(exc).__name__}: {exc}")
        if found is not None:
            self.post_message(MoreFound(query, found))

    def on_more_found(self, message: MoreFound) -> None:
        """Add the next page under the results (the highlight on its first)."""
        if message.query != self._query or message.query != self._shown_query:
            return
        first_new = len(self._hits)
        known = {hit.path for hit in self._hits}  # the index may have grown meanwhile
        more = [hit for hit in message.found.results if hit.path not in known]
        self._show(message.query, replace(message.found, results=self._hits + more))
        self.results.highlighted = min(first_new, len(self._hits) - 1)

    def on_search_found(self, message: SearchFound) -> None:
        """Show results that answer the query as it is now."""
        if message.query == self._query:
            self._show(message.query, message.found)
            if self._choose_when_found:
                self._choose_when_found = False
                self._choose(0)

    def _show(self, query: str, found: SearchResults) -> None:
        # The same query again (the index grew): keep the highlight where the reader left it.
        keep = self.results.highlighted if query == self._shown_query else None
        self._hits, self._shown_query = list(found.results), query
        self._total = found.total or len(self._hits)
        options: list[Option | None] = []
        terms = query_terms(query)
        for hit in self._hits:
            options += [Option(hit_text(hit, terms)), None]  # None: a divider between results
        if len(self._hits) < self._total:  # the rest a key away, never out of reach
            page = min(search_runner.RESULT_LIMIT, self._total - len(self._hits))
            words = f"Show {page:,} more of {self._total:,} (Enter)"
            options.append(Option(Text(words, style="bold"), id="more"))
        self.results.set_options(options)
        if self._hits:
            self.results.highlighted = min(keep or 0, len(self._hits) - 1)
        self._ready = found.ready
        self._show_status(query, found)

    def _show_status(self, query: str, found: SearchResults) -> None:
        status = self.query_one("#search-status", Static)
        words = status_words(query, found)
        status.set_class(bool(found.error) or not found.ready, "-warn")
        status.update(Text(words))

    # -- the index ---------------------------------------------------------------------
    def _poll_index(self) -> None:
        if not self._ready:  # once ready, the index follows the catalog by itself
            self._check_index()

    @work(thread=True, exclusive=True, group="search-status")
    def _check_index(self) -> None:
        try:
            status = self.runner.status()
        except Exception:  # noqa: BLE001 - the next poll tries again
            return
        self.post_message(IndexChecked(status.ready, status.indexed, status.total))

    def on_index_checked(self, message: IndexChecked) -> None:
        """While the index is being built, search again as it grows; say how far it is."""
        self._ready = message.ready
        if self._query.strip():
            self._run(self._query)
        elif not message.ready:
            status = self.query_one("#search-status", Static)
            status.add_class("-warn")
            status.update(Text(not_ready_words(message.indexed, message.total)))
