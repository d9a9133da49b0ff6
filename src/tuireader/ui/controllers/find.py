"""Find in the article: the find bar, ``n`` / ``N``, escape, and a search's result trail.

Typing moves to the first hit at or after where the find started (like ``less`` and
vim); Enter hands the keys back to the reader, ``n`` / ``N`` step with wraparound (and,
after a library search, on to the next or previous result's article), escape clears.
Matching runs in a thread worker on a :class:`~tuireader.search.find.FoldedBlocks` of
the article (folded once, in a worker, when the bar opens) and comes back as
:class:`~tuireader.ui.messages.FindDone`; a result for a query or an article no longer
shown is dropped. An article opened from a library search (or a saved search) shows
every hit of the search's terms, and the bar says which result of how many it is.
"""

from __future__ import annotations

from textual.timer import Timer

from tuireader.library.model import Anchor, Article
from tuireader.search import hits_in_article
from tuireader.search.find import FindResult, FoldedBlocks, Match, split_regex_prefix
from tuireader.ui.controllers.find_state import FindState, ResultTrail
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.messages import FindDone
from tuireader.ui.widgets.find_bar import FindBar

FIND_DEBOUNCE = 0.06  # seconds of quiet typing before a long article is searched
SHORT_ARTICLE = 20_000  # characters: searched at once, without waiting for a pause


class Finder:
    """The find bar's query and hits in the open article, and the result trail."""

    def __init__(self, host: MainHost) -> None:
        """Serve ``host``."""
        self.host = host
        self.state = FindState()
        self.trail: ResultTrail | None = None  # the library search being read through
        self._folded: tuple[Article, FoldedBlocks] | None = None
        self._origin: Anchor | None = None  # where the find started: typing searches here
        self._generation = 0
        self._from_end = False  # a result opened by N starts at its last hit
        self._taken = False  # Enter took the hit typing reached
        self._timer: Timer | None = None
        # A find asked while only the article's beginning is there: (query, regex, mode),
        # run on the whole article when it has loaded.
        self._waiting: tuple[str, bool, str] | None = None

    @property
    def bar(self) -> FindBar | None:
        """The find bar, if it was ever opened."""
        return self.host.reader_pane.find_bar_or_none

    @property
    def has_query(self) -> bool:
        """Whether escape has a find to clear (a query, or the bar open)."""
        bar = self.bar
        return bool(self.state.query) or (bar is not None and bar.is_open)

    def typed(self) -> str:
        """What the open find bar holds ("" when it is closed)."""
        bar = self.bar
        return bar.value if bar is not None and bar.is_open else ""

    # -- keys --------------------------------------------------------------------------
    async def open(self) -> None:
        """``/``: open the find bar (the reader keeps its hits until the query changes)."""
        self._origin = self.host.reader.position
        # Reopened on a query already taken: Enter goes on to the next hit.
        self._taken = self._taken and self.state.active
        bar = await self.host.reader_pane.find_bar()
        bar.open()
        article = self.host.reader.article
        if article is not None:
            folded = self._folded_article(article)
            self.host.run_worker(folded.prepare, thread=True, group="find-fold")

    def step(self, forward: bool) -> None:
        """``n`` / ``N``: the next (previous) hit, wrapping; past the last, the next result."""
        state = self.state
        if not state.active:
            return
        trail, current = self.trail, self.host.current
        path = current.path if current is not None else None
        at_end = trail is not None and state.at_edge(forward) and trail.follows(path)
        if at_end and trail is not None and trail.move(forward) is not None:
            self.open_result(trail, from_end=not forward)
            return
        if state.current is None:
            anchor = self.host.reader.position
            match = state.go_from(anchor.block, anchor.offset)
            if not forward:
                match = state.go_step(False)
        else:
            match = state.go_step(forward)
        self._show_current(match)

    def clear(self) -> None:
        """Forget the query, its hits and the search trail; close the bar."""
        self.state.clear()
        self.trail = None
        self._origin = None
        self._taken = False
        self._generation += 1
        self.host.reader.set_highlights("search", [])
        self.host.reader.set_highlights("search_current", [])
        bar = self.bar
        if bar is not None:
            bar.close()

    # -- the bar's messages --------------------------------------------------------------
    def changed(self, message: FindBar.Changed) -> None:
        """Search again after a short pause in typing (at once in a short article)."""
        self.trail = None
        self._taken = False
        if self._timer is not None:
            self._timer.stop()
        query, regex = message.query, message.regex
        article = self.host.reader.article
        if article is None:
            return
        size = sum(len(block.text) for block in article.blocks)
        if size <= SHORT_ARTICLE:
            self._start(query, regex, "type")
        else:
            self._timer = self.host.set_timer(
                FIND_DEBOUNCE, lambda: self._start(query, regex, "type")
            )

    def submitted(self, message: FindBar.Submitted) -> None:
        """Enter: take the hit typing reached (the next one on a second Enter); read on."""
        if self._timer is not None:
            self._timer.stop()  # Enter searches now; the typing pause need not end
        state = self.state
        query, regex = split_regex_prefix(message.query, message.regex)
        if (query, regex) != (state.query, state.regex):
            self._start(message.query, message.regex, "type")
        elif self._taken and state.active:
            self.step(True)
        self._taken = True
        self.host.reader.focus()

    def closed(self) -> None:
        """Escape in the bar: clear the hits, close, and go back if no hit was taken."""
        origin = None if self._taken else self._origin
        self.clear()
        if origin is not None:
            self.host.reader.scroll_to_anchor(origin)
        self.host.reader.focus()

    # -- search results ------------------------------------------------------------------
    def open_result(self, trail: ResultTrail, from_end: bool = False, focus: bool = True) -> None:
        """Open the trail's current result; its hits are shown once it has loaded."""
        path = trail.open_path()
        row = self.host.opened.row_for_path(path) if path else None
        if row is None:
            self.host.notify("That article is no longer in the library.", markup=False)
            return
        self.trail = trail
        self._from_end = from_end
        self.host.open_row(row, focus=focus)

    def step_result(self, forward: bool, unread: bool) -> bool:
        """J/K (]/[: unread only) while reading a library search's result: open the next
        (previous) result at its first hit. False when no result is being read (the
        list's order applies then)."""
        trail, current = self.trail, self.host.current
        if trail is None or not trail.follows(current.path if current is not None else None):
            return False
        step = 1 if forward else -1
        index = trail.position + step
        while 0 <= index < len(trail.paths):
            row = self.host.opened.row_for_path(trail.paths[index])
            if row is not None and not (unread and row.read):
                trail.position = index
                self.open_result(trail, focus=self.host.focused is self.host.reader)
                return True
            index += step
        self.host.notify("No more unread results." if unread else "No more results.")
        return True

    def article_loading(self) -> None:
        """Another article's beginning is shown, the rest loading: the hits of the one
        before are gone (:meth:`article_shown` follows when it is whole)."""
        self.state.clear()

    def article_shown(self, path: str) -> None:
        """After an article is shown whole: mark a result's hits, or run the open find
        again (as it was asked, if it was asked while the article was loading)."""
        waiting, self._waiting = self._waiting, None
        trail = self.trail
        if trail is not None and trail.follows(path):
            bar = self.bar
            if bar is not None:
                bar.show_query(trail.query)
            else:
                self.host.run_worker(self._mount_bar_with(trail.query), group="find-bar")
            self._start(trail.query, False, "library")
            return
        self.trail = None
        bar = self.bar
        if bar is not None and bar.is_open and bar.value:
            mode = "load"
            if waiting is not None and waiting[:2] == (bar.value, bar.regex):
                mode = waiting[2]  # asked while the article was loading
            self._start(bar.value, bar.regex, mode)
        else:
            self.state.clear()

    async def _mount_bar_with(self, query: str) -> None:
        bar = await self.host.reader_pane.find_bar()
        bar.show_query(query)
        self._show_count()

    # -- matching ------------------------------------------------------------------------
    def _folded_article(self, article: Article) -> FoldedBlocks:
        """The folded text of ``article``, kept while it is the one shown."""
        if self._folded is None or self._folded[0] is not article:
            self._folded = (article, FoldedBlocks([block.text for block in article.blocks]))
        return self._folded[1]

    def _start(self, query: str, regex: bool, mode: str) -> None:
        reader = self.host.reader
        article = reader.article
        if article is None:
            return
        if not reader.complete:  # find in the whole text: once it has loaded
            self._waiting = (query, regex, mode)
            return
        folded = self._folded_article(article)
        self._generation += 1
        generation = self._generation
        self.host.run_worker(
            lambda: self._match(article, folded, generation, query, regex, mode),
            thread=True,
            exclusive=True,
            group="find",
        )

    def _match(
        self,
        article: Article,
        folded: FoldedBlocks,
        generation: int,
        query: str,
        regex: bool,
        mode: str,
    ) -> None:
        """In the worker: the hits, posted to the screen as FindDone."""
        if mode == "library":
            result = FindResult(tuple(hits_in_article(article, query)))
        else:
            text, regex = split_regex_prefix(query, regex)
            result = folded.find(text, regex)
        self.host.post_message(FindDone(generation, query, result, mode))

    def done(self, message: FindDone) -> None:
        """Show the hits of the query still being asked, and move to the right one."""
        if message.generation != self._generation:
            return
        state = self.state
        query, regex = message.query, False
        if message.mode != "library":
            bar = self.bar
            query, regex = split_regex_prefix(message.query, bar.regex if bar else False)
        state.set_result(query, regex, message.result.matches, message.result.error)
        self.host.reader.set_highlights("search", list(state.matches))
        match: Match | None = None
        if message.mode == "type" and state.active:
            origin = self._origin or self.host.reader.position
            match = state.go_from(origin.block, origin.offset)
        elif message.mode == "library" and state.active:
            match = state.go_first(forward=not self._from_end)
        self._show_current(match)

    def _show_current(self, match: Match | None) -> None:
        """Highlight the current hit, bring it to the middle, update the count."""
        reader = self.host.reader
        reader.set_highlights("search_current", [match] if match else [])
        if match is not None:
            reader.scroll_to_anchor(Anchor(match[0], match[1]), center=True)
        self._show_count()

    def _show_count(self) -> None:
        bar = self.bar
        if bar is None:
            return
        text = self.state.count_text()
        if self.trail is not None and not self.state.error:
            # A result can match on its title alone: no hit in the text to step to.
            text = text if self.state.matches else "only the title matches"
            text = f"{text} · {self.trail.label()}"
        bar.show_count(text, error=bool(self.state.error))
