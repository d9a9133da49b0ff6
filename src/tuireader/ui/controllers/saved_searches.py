"""Saved searches listed like sections: the article list shows a saved search's matches.

Highlighting a saved search in the tree counts its matches in a worker (on the search
thread) and then lists them through a
:class:`~tuireader.ui.controllers.saved_listing.SavedSearchListing`. Opening one goes
through the library search's result path, so its hits are marked and ``n``/``N`` walk
them (and on to the next match); ``J``/``K`` step through the matches. ``d`` on the
node forgets the search after a second ``d``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from tuireader.catalog import ArticleRow
from tuireader.state import StateWriteError
from tuireader.ui.controllers.find import Finder
from tuireader.ui.controllers.find_state import ResultTrail
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.controllers.listing import saved_path
from tuireader.ui.controllers.searching import LibrarySearch
from tuireader.ui.messages import SavedCounted
from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.article_list import PAGE_SIZE, EmptySource
from tuireader.ui.widgets.section_tree import ROOT_LABEL

if TYPE_CHECKING:  # imported on first use: they pull in the search engine
    from tuireader.ui.controllers.saved_listing import SavedSearchListing
    from tuireader.ui.controllers.search_runner import SearchRunner


class SavedSearches:
    """List, open and step through a saved search's matches; forget a saved search."""

    def __init__(self, host: MainHost, finder: Finder, search: LibrarySearch) -> None:
        """Serve ``host``; matches open through ``finder``, counts run on ``search``'s thread."""
        self.host = host
        self.finder = finder
        self.search = search
        self._listing: SavedSearchListing | None = None
        self._query = ""
        self._forget_asked: str | None = None

    def chosen(self, name: str, query: str, focus: bool) -> None:
        """A saved search highlighted in the tree: count its matches, then list them."""
        host = self.host
        self._forget_asked = None
        if focus:
            host.set_focus(host.article_list)
        listing = host.listing
        if listing.section == saved_path(name) and self._query == query:
            return  # already listed
        listing.choose(saved_path(name), f"⌕ {name}")
        self._query, self._listing = query, None
        articles = host.article_list
        articles.show(EmptySource())
        articles.border_title = Content(f"⌕ {one_line(name)} · counting…")
        articles.border_subtitle = Content("sort: relevance")
        runner = self.search.runner
        host.run_worker(
            lambda: self._count(runner, name, query),
            thread=True,
            exclusive=True,
            group="saved-count",
        )

    def _count(self, runner: SearchRunner, name: str, query: str) -> None:
        """In the worker: count the matches on the search thread."""
        from tuireader.ui.controllers.saved_listing import count_matches

        total, error = runner.run(count_matches, query)
        self.host.post_message(SavedCounted(name, query, total, error))

    def counted(self, message: SavedCounted) -> None:
        """List the matches once counted (unless another section was chosen meanwhile)."""
        if self.host.listing.section != saved_path(message.name) or self._query != message.query:
            return
        if message.error:
            self.host.notify(message.error, title="Saved search", markup=False, severity="error")
        from tuireader.ui.controllers.saved_listing import SavedSearchListing

        catalog = self.host.opened.catalog
        self._listing = SavedSearchListing(catalog, message.name, message.query, message.total)
        self.show(cursor=0)

    def show(self, cursor: int | None = None) -> None:
        """Show the listed saved search (``refresh_list`` for a saved search)."""
        listing = self._listing
        if listing is None:
            return  # still counting
        articles = self.host.article_list
        articles.show(listing, articles.cursor if cursor is None else cursor)
        articles.set_header(self.host.listing.name, "relevance", False)
        self.host.update_status()
        self.host.update_bindings()

    def open_match(self, index: int, focus: bool = True) -> None:
        """Open the listed match at ``index`` with every hit of the search marked."""
        listing = self._listing
        if listing is None:
            return
        paths = listing.paths(index + PAGE_SIZE)  # n past the last hit goes on from here
        if index >= len(paths):
            return
        self.finder.open_result(ResultTrail(listing.query, paths, index), focus=focus)

    def index_of(self, row: ArticleRow) -> int | None:
        """Where ``row`` is among the listed matches, if known."""
        trail = self.finder.trail
        if trail is not None and trail.follows(row.path):
            return trail.position
        return self.host.article_list.index_of(row.id)

    def step(self, start: ArticleRow, step: int, unread: bool) -> None:
        """J/K (and ]/[) among the listed matches."""
        index = self.index_of(start)
        articles = self.host.article_list
        if index is not None:
            index += step
            while 0 <= index < articles.row_count:
                row = articles.row_at(index)
                if row is not None and not (unread and row.read):
                    self.open_match(index, focus=self.host.focused is self.host.reader)
                    return
                index += step
        self.host.notify("No more unread matches here." if unread else "No more matches.")

    def forget(self, name: str) -> None:
        """d on a saved search: ask once, forget on the second d."""
        host = self.host
        if self._forget_asked != name:
            self._forget_asked = name
            words = f"Press d again to forget the saved search {one_line(name)}."
            host.notify(words, title="Forget saved search?", markup=False)
            return
        self._forget_asked = None
        try:
            host.opened.state.searches.delete(name)
        except (StateWriteError, ValueError) as exc:
            host.notify(str(exc), title="Not saved", markup=False, severity="error")
            return
        self.search.show_saved_searches()
        if host.listing.section == saved_path(name):  # it was listed: back to everything
            host.listing.choose((), ROOT_LABEL)
            host.refresh_list(cursor=0)
        host.notify(f"Forgot the saved search {one_line(name)}.", markup=False)
