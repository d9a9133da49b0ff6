"""Find in the article from the library screen: the find bar, its hits, ``n`` / ``N``.

A mixin of the library screen. Matching runs in a thread worker (folding a 1 MB article
takes tens of milliseconds; after that a :class:`FoldedArticle` answers each key press
in a few) and its result comes back as a :class:`FindDone` message; a result for a query
or article that is no longer current is dropped. Typing moves to the first hit at or
after where the find started (like ``less`` and vim); Enter hands the keys back to the
reader, ``n`` / ``N`` step with wraparound, escape clears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer

from tuireader.model import Anchor
from tuireader.search_find import FindResult, Match
from tuireader.ui.find_matcher import FoldedArticle, split_regex_prefix
from tuireader.ui.search_session import FindState, ResultTrail
from tuireader.ui.widgets.find_bar import FindBar

FIND_DEBOUNCE = 0.06  # seconds of quiet typing before a long article is searched
SHORT_ARTICLE = 20_000  # characters: searched at once, without waiting for a pause


@dataclass
class FindDone(Message):
    """Hits of ``query`` in the article shown as ``generation`` (from the find worker)."""

    generation: int
    query: str
    result: FindResult
    mode: str  # "type": incremental; "load": a new article; "library": a search result


class FindActions:
    """Find-bar actions of :class:`MainScreen` (``self`` is the screen)."""

    current: Any
    _trail: ResultTrail | None = None
    _find_state: FindState | None = None
    _folded: tuple[Any, FoldedArticle] | None = None
    _find_origin: Anchor | None = None  # where the find started: typing searches from here
    _find_taken: bool = False  # Enter took the hit typing reached
    _find_timer: Timer | None = None
    _find_generation: int = 0
    _library_from_end: bool = False  # a result opened by N starts at its last hit

    @property
    def find(self) -> FindState:
        """The hits of the find bar's query in the open article."""
        if self._find_state is None:
            self._find_state = FindState()
        return self._find_state

    async def _find_bar(self) -> FindBar:
        """The find bar, mounted under the reader the first time it is needed."""
        screen: Any = self
        try:
            return screen.query_one(FindBar)
        except NoMatches:
            bar = FindBar(id="find-bar")
            await screen.query_one("#reader-pane").mount(bar)
            return bar

    def _bar_or_none(self) -> FindBar | None:
        screen: Any = self
        try:
            return screen.query_one(FindBar)
        except NoMatches:
            return None

    # -- actions ---------------------------------------------------------------------
    async def action_find(self) -> None:
        """``/``: open the find bar (the reader keeps its hits until the query changes)."""
        screen: Any = self
        self._find_origin = screen.reader.anchor
        self._find_taken = False
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

    # -- matching --------------------------------------------------------------------
    def _folded_article(self, article: Any) -> FoldedArticle:
        """The folded text of ``article``, kept while it is the one shown."""
        if self._folded is None or self._folded[0] is not article:
            self._folded = (article, FoldedArticle([block.text for block in article.blocks]))
        return self._folded[1]

    def _prepare_fold(self) -> None:
        screen: Any = self
        if screen.reader.article is not None:
            self._fold_worker(self._folded_article(screen.reader.article))

    @work(thread=True, group="find-fold")
    def _fold_worker(self, folded: FoldedArticle) -> None:
        folded.prepare()

    def _start_find(self, query: str, regex: bool, mode: str) -> None:
        screen: Any = self
        article = screen.reader.article
        if article is None:
            return
        folded = self._folded_article(article)
        self._find_generation += 1
        self._find_worker(article, folded, self._find_generation, query, regex, mode)

    @work(thread=True, exclusive=True, group="find")
    def _find_worker(
        self,
        article: Any,
        folded: FoldedArticle,
        generation: int,
        query: str,
        regex: bool,
        mode: str,
    ) -> None:
        screen: Any = self
        if mode == "library":
            from tuireader.search import hits_in_article

            result = FindResult(tuple(hits_in_article(article, query)))
        else:
            text, regex = split_regex_prefix(query, regex)
            result = folded.find(text, regex)
        screen.post_message(FindDone(generation, query, result, mode))

    def on_find_done(self, message: FindDone) -> None:
        """Show the hits of the query still being asked, and move to the right one."""
        if message.generation != self._find_generation:
            return
        screen: Any = self
        state = self.find
        query, regex = message.query, False
        if message.mode != "library":
            bar = self._bar_or_none()
            query, regex = split_regex_prefix(message.query, bar.regex if bar else False)
        state.set_result(query, regex, message.result.matches, message.result.error)
        screen.reader.set_highlights("search", list(state.matches))
        match: Match | None = None
        if message.mode == "type" and state.active:
            origin = self._find_origin or screen.reader.anchor
            match = state.go_from(origin.block, origin.offset)
        elif message.mode == "library" and state.active:
            match = state.go_first(forward=not self._library_from_end)
        self._show_current(match)

    def _show_current(self, match: Match | None) -> None:
        """Highlight the current hit, bring it to the middle, update the count."""
        screen: Any = self
        reader = screen.reader
        reader.set_highlights("search_current", [match] if match else [])
        if match is not None:
            reader.scroll_to_anchor(Anchor(match[0], match[1]), center=True)
        self._show_count()

    def _show_count(self) -> None:
        bar = self._bar_or_none()
        if bar is None:
            return
        text = self.find.count_text()
        if self._trail is not None and not self.find.error:
            # A result can match on its title alone: no hit in the text to step to.
            text = text if self.find.matches else "only the title matches"
            text = f"{text} · {self._trail.label()}"
        bar.show_count(text, error=bool(self.find.error))
