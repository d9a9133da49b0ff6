"""Where the reader is in a search: the hits of the open article, and the result list.

:class:`FindState` is the find bar's state: the hits of one query in one article and
which of them is current, stepped with wraparound, and the words for its count
(``3/17``, ``no match``, ``bad regex: …``). :class:`ResultTrail` is what a library
search leaves behind when it opens an article: the results in order and which one is
open, so ``n`` past the last hit goes on to the next result's article. Pure Python, no
textual: the screens hold one of each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tuireader.search.find import Match, next_after, step


@dataclass
class FindState:
    """The hits of ``query`` in the open article; ``current`` indexes ``matches``."""

    query: str = ""
    regex: bool = False
    matches: tuple[Match, ...] = ()
    current: int | None = None
    error: str | None = None

    def set_result(
        self, query: str, regex: bool, matches: Sequence[Match], error: str | None
    ) -> None:
        """New hits for a new query; nothing is current yet."""
        self.query, self.regex = query, regex
        self.matches, self.error, self.current = tuple(matches), error, None

    def clear(self) -> None:
        """Forget the query and its hits."""
        self.set_result("", False, (), None)

    @property
    def active(self) -> bool:
        """Whether there are hits to step through."""
        return bool(self.matches)

    def current_match(self) -> Match | None:
        """The hit the reader is on, if any."""
        if self.current is None or not self.matches:
            return None
        return self.matches[self.current]

    def go_from(self, block: int, offset: int) -> Match | None:
        """Make the first hit at or after (block, offset) current (wrapping)."""
        self.current = next_after(self.matches, block, offset)
        return self.current_match()

    def go_first(self, forward: bool = True) -> Match | None:
        """Make the first (or, backwards, the last) hit current."""
        self.current = step(self.matches, None, forward)
        return self.current_match()

    def go_step(self, forward: bool = True) -> Match | None:
        """The next (or previous) hit, wrapping around."""
        self.current = step(self.matches, self.current, forward)
        return self.current_match()

    def at_edge(self, forward: bool) -> bool:
        """Whether stepping ``forward`` would wrap (on the last hit, or before the first)."""
        if not self.matches or self.current is None:
            return False
        return self.current == (len(self.matches) - 1 if forward else 0)

    def count_text(self) -> str:
        """``3/17``, ``17 hits``, ``no match``, the regex error, or "" with no query."""
        if self.error:
            return self.error
        if not self.query:
            return ""
        if not self.matches:
            return "no match"
        if self.current is None:
            return f"{len(self.matches)} hits" if len(self.matches) != 1 else "1 hit"
        return f"{self.current + 1}/{len(self.matches)}"


@dataclass
class ResultTrail:
    """The results of a library search, in order, and the one open in the reader."""

    query: str
    paths: list[str] = field(default_factory=list)
    position: int = 0

    def open_path(self) -> str | None:
        """The library-relative path of the result being read."""
        if 0 <= self.position < len(self.paths):
            return self.paths[self.position]
        return None

    def neighbour(self, forward: bool) -> str | None:
        """The next (or previous) result's path, without moving; None at either end."""
        index = self.position + (1 if forward else -1)
        return self.paths[index] if 0 <= index < len(self.paths) else None

    def move(self, forward: bool) -> str | None:
        """Move to the next (or previous) result; its path, or None at either end."""
        path = self.neighbour(forward)
        if path is not None:
            self.position += 1 if forward else -1
        return path

    def follows(self, path: str | None) -> bool:
        """Whether the article at ``path`` is the result being read."""
        return path is not None and path == self.open_path()

    def label(self) -> str:
        """``result 2 of 50`` for the find bar."""
        return f"result {self.position + 1} of {len(self.paths)}"
