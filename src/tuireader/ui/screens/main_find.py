"""Find in the article from the library screen: the find bar, ``n`` / ``N``, escape.

A mixin of the library screen (the matching itself is in :mod:`main_find_match`).
Typing moves to the first hit at or after where the find started (like ``less`` and
vim); Enter hands the keys back to the reader, ``n`` / ``N`` step with wraparound (and,
after a library search, on to the next result), escape clears.
"""

from __future__ import annotations

from typing import Any

from textual.css.query import NoMatches
from textual.timer import Timer

from tuireader.search.find import split_regex_prefix
from tuireader.ui.screens.main_find_match import FindMatching
from tuireader.ui.widgets.find_bar import FindBar

FIND_DEBOUNCE = 0.06  # seconds of quiet typing before a long article is searched
SHORT_ARTICLE = 20_000  # characters: searched at once, without waiting for a pause


class FindActions(FindMatching):
    """Find-bar actions of :class:`MainScreen` (``self`` is the screen)."""

    current: Any
    _find_taken: bool = False  # Enter took the hit typing reached
    _find_timer: Timer | None = None

    async def _find_bar(self) -> FindBar:
        """The find bar, mounted under the reader the first time it is needed."""
        screen: Any = self
        try:
            return screen.query_one(FindBar)
        except NoMatches:
            bar = FindBar(id="find-bar")
            await screen.query_one("#reader-pane").mount(bar)
            return bar

    # -- actions ---------------------------------------------------------------------
    async def action_find(self) -> None:
        """``/``: open the find bar (the reader keeps its hits until the query changes)."""
        screen: Any = self
        self._find_origin = screen.reader.anchor
        # Reopened on a query already taken: Enter goes on to the next hit.
        self._find_taken = self._find_taken and self.find.active
        bar = await self._find_bar()
        bar.open()
        self._prepare_fold()

    def action_find_next(self) -> None:
        """``n``: the next hit, wrapping; past the last, the next search result."""
        self._find_step(True)

    def action_find_previous(self) -> None:
        """``N``: the previous hit, wrapping; before the first, the previous result."""
        self._find_step(False)

    def _find_step(self, forward: bool) -> None:
        screen: Any = self
        state = self.find
        if not state.active:
            return
        trail = self._trail
        if trail is not None and state.at_edge(forward) and trail.follows(self._open_path_now()):
            path = trail.move(forward)
            if path is not None:
                screen.open_search_result(trail, from_end=not forward)
                return
        if state.current is None:
            anchor = screen.reader.anchor
            match = state.go_from(anchor.block, anchor.offset)
            if not forward:
                match = state.go_step(False)
        else:
            match = state.go_step(forward)
        self._show_current(match)

    def _open_path_now(self) -> str | None:
        return getattr(self.current, "path", None)

    # -- the bar's messages ----------------------------------------------------------
    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        """Search again after a short pause in typing (at once in a short article)."""
        self._trail = None
        self._find_taken = False
        if self._find_timer is not None:
            self._find_timer.stop()
        query, regex = message.query, message.regex
        screen: Any = self
        article = screen.reader.article
        if article is None:
            return
        size = sum(len(block.text) for block in article.blocks)
        if size <= SHORT_ARTICLE:
            self._start_find(query, regex, "type")
        else:
            self._find_timer = screen.set_timer(
                FIND_DEBOUNCE, lambda: self._start_find(query, regex, "type")
            )

    def on_find_bar_submitted(self, message: FindBar.Submitted) -> None:
        """Enter: take the hit typing reached (the next one on a second Enter); read on."""
        screen: Any = self
        if self._find_timer is not None:
            self._find_timer.stop()  # Enter searches now; the typing pause need not end
        state = self.find
        query, regex = split_regex_prefix(message.query, message.regex)
        if (query, regex) != (state.query, state.regex):
            self._start_find(message.query, message.regex, "type")
        elif self._find_taken and state.active:
            self._find_step(True)
        self._find_taken = True
        screen.reader.focus()

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        """Escape in the bar: clear the hits, close, and go back if no hit was taken."""
        screen: Any = self
        origin = None if self._find_taken else self._find_origin
        self.clear_find()
        if origin is not None:
            screen.reader.scroll_to_anchor(origin)
        screen.reader.focus()

    def clear_find(self) -> None:
        """Forget the query, its hits and the search trail; close the bar."""
        screen: Any = self
        self.find.clear()
        self._trail = None
        self._find_origin = None
        self._find_taken = False
        self._find_generation += 1
        screen.reader.set_highlights("search", [])
        screen.reader.set_highlights("search_current", [])
        bar = self._bar_or_none()
        if bar is not None:
            bar.close()
