"""Find inside one article: every hit of a query in the blocks, at original offsets.

Matching runs on the folded text of whole blocks (``tuireader.text.fold``), so case and
width never matter (ＡＢＣ finds abc) and a phrase that was split across wrapped lines of
the file is found: the parser has already joined a paragraph's lines into one block.
Hits come back as (block index, start, end) in the block's original text, ready to be
highlighted and stepped through with n/N. :class:`FoldedBlocks` folds an article once and
then answers every query of the find bar (a 1 MB article folds in tens of milliseconds;
each key press after that costs a few); :func:`find_in_text` is the one-off form.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tuireader.text.fold import fold, fold_positions

Match = tuple[int, int, int]
REGEX_PREFIX = "re:"


@dataclass(frozen=True)
class FindResult:
    """The hits, in reading order; ``error`` explains a pattern that could not be used."""

    matches: tuple[Match, ...] = ()
    error: str | None = None


def find_in_text(blocks: Sequence[str], query: str, regex: bool = False) -> FindResult:
    """Every hit of ``query`` (a plain string, or a regex if asked) in the blocks.

    A regex is applied, case-insensitively, to the folded text. An invalid one gives a
    result with ``error`` set, never an exception.
    """
    return FoldedBlocks(blocks).find(query, regex)


def split_regex_prefix(query: str, regex: bool) -> tuple[str, bool]:
    """``re:pattern`` means a regex, whatever the toggle says."""
    if query.startswith(REGEX_PREFIX):
        return query[len(REGEX_PREFIX) :], True
    return query, regex


class FoldedBlocks:
    """The folded text of an article's blocks, folded once (lazily, or by :meth:`prepare`).

    Safe to share between threads: the find bar folds in one worker and matches in another.
    """

    def __init__(self, blocks: Sequence[str]) -> None:
        """Keep the blocks; nothing is folded yet."""
        self._blocks = list(blocks)
        self._folded: list[tuple[str, list[int] | None]] | None = None
        self._lock = threading.Lock()  # two workers must not fold the same article twice

    def prepare(self) -> None:
        """Fold now (in a worker, when the find bar opens), so the first key is quick."""
        self._ensure()

    def _ensure(self) -> list[tuple[str, list[int] | None]]:
        with self._lock:
            if self._folded is None:
                self._folded = [fold_positions(text) for text in self._blocks]
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
                found.append((index, *original_span(origin, start, end)))
                start = folded.find(term, end)
        return found

    def _regex(self, pattern: re.Pattern[str]) -> list[Match]:
        found: list[Match] = []
        for index, (folded, origin) in enumerate(self._ensure()):
            for match in pattern.finditer(folded):
                start, end = match.span()
                if end > start:
                    found.append((index, *original_span(origin, start, end)))
        return found


def find_terms(blocks: Sequence[str], terms: Iterable[str]) -> list[Match]:
    """Hits of any of the folded ``terms``, sorted, without repeats."""
    wanted = [term for term in dict.fromkeys(terms) if term]
    found: set[Match] = set()
    for index, text in enumerate(blocks):
        folded, origin = fold_positions(text)
        for term in wanted:
            start = folded.find(term)
            while start >= 0:
                end = start + len(term)
                found.add((index, *original_span(origin, start, end)))
                start = folded.find(term, end)
    return sorted(found)


def original_span(origin: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The original (start, end) of the folded span ``start:end``."""
    if origin is None:
        return start, end
    return origin[start], origin[end - 1] + 1


def step(matches: Sequence[Match], current: int | None, forward: bool = True) -> int | None:
    """The index of the next (or previous) hit after ``current``, wrapping around."""
    if not matches:
        return None
    if current is None:
        return 0 if forward else len(matches) - 1
    return (current + (1 if forward else -1)) % len(matches)


def next_after(matches: Sequence[Match], block: int, offset: int) -> int | None:
    """The index of the first hit at or after (block, offset), wrapping to the first."""
    for i, (b, start, _end) in enumerate(matches):
        if (b, start) >= (block, offset):
            return i
    return 0 if matches else None
