"""Saved searches listed like sections: the article list shows a saved search's matches.

A mixin of :class:`~tuireader.ui.screens.main.MainScreen`. Highlighting a saved search in
the tree counts its matches in a worker (on the search thread) and then lists them
through :class:`~tuireader.ui.saved_search_listing.SavedSearchListing`. Opening one goes
through the library search's result path, so its hits are marked and ``n``/``N`` walk
them (and on to the next match); ``J``/``K`` step through the matches. ``d`` on the node
forgets the search after a second ``d``. Handlers are named ``on_*`` for Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.content import Content
from textual.message import Message

from tuireader.ui.safe_text import one_line
from tuireader.ui.saved_search_listing import (
    SavedSearchListing,
    count_matches,
    is_saved_path,
    saved_path,
)
from tuireader.ui.search_session import ResultTrail
from tuireader.ui.widgets.article_list import PAGE_SIZE, EmptySource


@dataclass
class SavedCounted(Message):
    """A saved search's matches were counted (``error`` for a bad query)."""

    name: str
    query: str
    total: int
    error: str | None = None


class SavedSearchList:
    """List, open and step through a saved search's matches (``self`` is the screen)."""

    library: Any
    section: tuple[str, ...]
    _saved_listing: SavedSearchListing | None = None
    _saved_query: str = ""
    _forget_asked: str | None = None

    @property
    def in_saved_search(self) -> bool:
        """Whether the article list shows a saved search's matches."""
        return is_saved_path(self.section)

    def on_saved_search_chosen(self, message: Any) -> None:
        """A saved search highlighted in the tree: count its matches, then list them."""
        screen: Any = self
        self._forget_asked = None
        if message.focus:
            screen.set_focus(screen.article_list)
        if self.library is None:
            return
        if self.section == saved_path(message.name) and self._saved_query == message.query:
            return  # already listed
        self.section, screen.section_name = saved_path(message.name), f"⌕ {message.name}"
        self._saved_query, self._saved_listing = message.query, None
        screen.article_list.show(EmptySource())
        screen.article_list.border_title = Content(f"⌕ {one_line(message.name)} · counting…")
        screen.article_list.border_subtitle = Content("sort: relevance")
        self._count_saved(message.name, message.query)

    @work(thread=True, exclusive=True, group="saved-count")
    def _count_saved(self, name: str, query: str) -> None:
        screen: Any = self
        total, error = screen.runner.run(count_matches, query)
        screen.post_message(SavedCounted(name, query, total, error))

    def on_saved_counted(self, message: SavedCounted) -> None:
        """List the matches once counted (unless another section was chosen meanwhile)."""
        if self.section != saved_path(message.name) or self._saved_query != message.query:
            return
        if message.error:
            screen: Any = self
            screen.notify(message.error, title="Saved search", markup=False, severity="error")
        self._saved_listing = SavedSearchListing(
            self.library.catalog, message.name, message.query, message.total
        )
        self.show_saved_listing(cursor=0)

    def show_saved_listing(self, cursor: int | None = None) -> None:
        """Show the listed saved search (refresh_list's counterpart for saved searches)."""
        screen: Any = self
        listing = self._saved_listing
        if listing is None:
            return  # still counting
        articles = screen.article_list
        articles.show(listing, articles.cursor if cursor is None else cursor)
        articles.set_header(screen.section_name, "relevance", False)
        screen.update_status()
        screen.update_bindings()

    def open_saved_result(self, index: int, focus: bool = True) -> None:
        """Open the listed match at ``index`` with every hit of the search marked."""
        listing = self._saved_listing
        if listing is None:
            return
        paths = listing.paths(index + PAGE_SIZE)  # n past the last hit goes on from here
        if index >= len(paths):
            return
        trail = ResultTrail(listing.query, paths, index)
        screen: Any = self
        screen.open_search_result(trail, focus=focus)

    def saved_index_of(self, row: Any) -> int | None:
        """Where ``row`` is among the listed matches, if known."""
        screen: Any = self
        trail = getattr(screen, "_trail", None)
        if trail is not None and trail.follows(row.path):
            return trail.position
        return screen.article_list.index_of(row.id)

    def step_in_saved(self, start: Any, step: int, unread: bool) -> None:
        """J/K (and ]/[) among the listed matches."""
        screen: Any = self
        index = self.saved_index_of(start)
        articles = screen.article_list
        if index is not None:
            index += step
            while 0 <= index < articles.row_count:
                row = articles.row_at(index)
                if row is not None and not (unread and row.read):
                    self.open_saved_result(index, focus=screen.focused is screen.reader)
                    return
                index += step
        screen.notify("No more unread matches here." if unread else "No more matches.")

    def on_saved_search_forget(self, message: Any) -> None:
        """d on a saved search: ask once, forget on the second d."""
        screen: Any = self
        if self._forget_asked != message.name:
            self._forget_asked = message.name
            words = f"Press d again to forget the saved search {one_line(message.name)}."
            screen.notify(words, title="Forget saved search?", markup=False)
            return
        self._forget_asked = None
        from tuireader.state import StateWriteError

        try:
            self.library.state.searches.delete(message.name)
        except (StateWriteError, ValueError) as exc:
            screen.notify(str(exc), title="Not saved", markup=False, severity="error")
            return
        screen.show_saved_searches()
        if self.section == saved_path(message.name):  # it was listed: back to everything
            self.section, screen.section_name = (), "All articles"
            screen.refresh_list(cursor=0)
        screen.notify(f"Forgot the saved search {one_line(message.name)}.", markup=False)
