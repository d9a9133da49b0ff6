"""Find in the article: matching in a worker, and showing the hits it found.

A mixin under :class:`~tuireader.ui.screens.main_find.FindActions`. Matching runs in a
thread worker (folding a 1 MB article takes tens of milliseconds; after that a
:class:`FoldedBlocks` answers each key press in a few) and its result comes back as a
:class:`FindDone` message; a result for a query or article no longer current is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.css.query import NoMatches
from textual.message import Message

from tuireader.library.model import Anchor
from tuireader.search.find import FindResult, FoldedBlocks, Match, split_regex_prefix
from tuireader.ui.search_session import FindState, ResultTrail
from tuireader.ui.widgets.find_bar import FindBar


@dataclass
class FindDone(Message):
    """Hits of ``query`` in the article shown as ``generation`` (from the find worker)."""

    generation: int
    query: str
    result: FindResult
    mode: str  # "type": incremental; "load": a new article; "library": a search result


class FindMatching:
    """Hits of the find bar's query (or a library search's) in the open article."""

    _trail: ResultTrail | None = None
    _find_state: FindState | None = None
    _folded: tuple[Any, FoldedBlocks] | None = None
    _find_origin: Anchor | None = None  # where the find started: typing searches from here
    _find_generation: int = 0
    _library_from_end: bool = False  # a result opened by N starts at its last hit

    @property
    def find(self) -> FindState:
        """The hits of the find bar's query in the open article."""
        if self._find_state is None:
            self._find_state = FindState()
        return self._find_state

    def _bar_or_none(self) -> FindBar | None:
        screen: Any = self
        try:
            return screen.query_one(FindBar)
        except NoMatches:
            return None

    def _folded_article(self, article: Any) -> FoldedBlocks:
        """The folded text of ``article``, kept while it is the one shown."""
        if self._folded is None or self._folded[0] is not article:
            self._folded = (article, FoldedBlocks([block.text for block in article.blocks]))
        return self._folded[1]

    def _prepare_fold(self) -> None:
        screen: Any = self
        if screen.reader.article is not None:
            self._fold_worker(self._folded_article(screen.reader.article))

    @work(thread=True, group="find-fold")
    def _fold_worker(self, folded: FoldedBlocks) -> None:
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
        folded: FoldedBlocks,
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
