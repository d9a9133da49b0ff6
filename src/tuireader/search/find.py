"""Find inside one article: every hit of a query in the blocks, at original offsets.

Matching runs on the folded text of whole blocks (``tuireader.text.fold``), so case and
width never matter (ＡＢＣ finds abc) and a phrase that was split across wrapped lines of
the file is found: the parser has already joined a paragraph's lines into one block.
Hits come back as (block index, start, end) in the block's original text, ready to be
highlighted and stepped through with n/N.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tuireader.text.fold import fold, fold_positions

Match = tuple[int, int, int]


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
    if not query or (not regex and not query.strip()):
        return FindResult()
    if not regex:
        return FindResult(tuple(find_terms(blocks, [fold(query)])))
    try:
        pattern = re.compile(query, re.IGNORECASE)
    except re.error as exc:
        return FindResult(error=f"not a valid pattern: {exc}")
    return FindResult(tuple(_regex_matches(blocks, pattern)))


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


def _regex_matches(blocks: Sequence[str], pattern: re.Pattern[str]) -> list[Match]:
    """Non-empty regex matches in the folded blocks, at original offsets."""
    found: list[Match] = []
    for index, text in enumerate(blocks):
        folded, origin = fold_positions(text)
        for match in pattern.finditer(folded):
            start, end = match.span()
            if end > start:
                found.append((index, *original_span(origin, start, end)))
    return found


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
