"""Find-in-article with the folding done once per article, not once per key press.

:func:`tuireader.search.find.find_in_text` folds every block on every call: ~40 ms for a
1 MB article, on each key typed in the find bar. :class:`FoldedArticle` folds the blocks
once (with the map back to original offsets) and then answers each query with plain
``str.find`` / ``re.finditer`` over the folded text. Results are the same as
``find_in_text`` (a test compares them on a real article). No textual here: it runs in a
worker thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from tuireader.search.find import FindResult, Match
from tuireader.text.fold import fold, fold_with_map

REGEX_PREFIX = "re:"


def split_regex_prefix(query: str, regex: bool) -> tuple[str, bool]:
    """``re:pattern`` means a regex, whatever the toggle says."""
    if query.startswith(REGEX_PREFIX):
        return query[len(REGEX_PREFIX) :], True
    return query, regex


class FoldedArticle:
    """The folded text of an article's blocks, folded lazily on the first query."""

    def __init__(self, blocks: Sequence[str]) -> None:
        self._blocks = list(blocks)
        self._folded: list[tuple[str, list[int]]] | None = None
        self._lock = threading.Lock()  # two workers must not fold the same article twice

    def prepare(self) -> None:
        """Fold now (in a worker, when the find bar opens), so the first key is quick."""
        self._ensure()

    def _ensure(self) -> list[tuple[str, list[int]]]:
        with self._lock:
            if self._folded is None:
                self._folded = [fold_with_map(text) for text in self._blocks]
            return self._folded

    def find(self, query: str, regex: bool = False) -> FindResult:
        """Every hit, in reading order, at original offsets; a bad regex gives ``error``."""
        if not query or (not regex and not query.strip()):
            return FindResult()
        if not regex:
            return FindResult(tuple(self._plain(fold(query))))
        try:
            pattern = re.compile(query, re.IGNORECASE)
        except re.error as exc:
            return FindResult(error=f"bad regex: {exc}")
        return FindResult(tuple(self._regex(pattern)))

    def _plain(self, term: str) -> list[Match]:
        found: list[Match] = []
        for index, (folded, origin) in enumerate(self._ensure()):
            start = folded.find(term)
            while start >= 0:
                end = start + len(term)
                found.append((index, origin[start], origin[end - 1] + 1))
                start = folded.find(term, end)
        return found

    def _regex(self, pattern: re.Pattern[str]) -> list[Match]:
        found: list[Match] = []
        for index, (folded, origin) in enumerate(self._ensure()):
            for match in pattern.finditer(folded):
                start, end = match.span()
                if end > start:
                    found.append((index, origin[start], origin[end - 1] + 1))
        return found
