"""Sentence segmentation for Chinese and English block text (used by passage selection).

``sentence_around``, ``next_sentence`` and ``previous_sentence`` walk sentences across
blocks for the reader's ``v`` selection (``j`` extends it, ``k`` shrinks it).

A sentence ends at 。！？!?… (a run of them, such as …… or ?!, counts as one end), plus any
closing quotes or brackets right after it (。」 or ?"), or at a line or paragraph end.
An English ``.`` ends a sentence only when followed by a space and a capital letter (or
by the end of the text), so 3.14, e.g. and Mr. Smith stay inside their sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tuireader.library.model import Anchor, Block

STRONG_ENDS = frozenset("。！？!?…")
WEAK_ENDS = frozenset(".．")
CLOSERS = frozenset("」』”’\"')）)]】〉》»")
# Abbreviations whose trailing dot never ends a sentence, compared case-folded.
ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "cf",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "fig",
        "al",
        "approx",
    ]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text``; end is exclusive.

    Spans skip the whitespace between sentences and never overlap; joining the text of
    every span and the gaps between them gives back ``text``.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    i = start
    length = len(text)
    while i < length:
        char = text[i]
        end = None
        if char == "\n":
            end = i
        elif char in STRONG_ENDS:
            end = _after_closers(text, _after_run(text, i, STRONG_ENDS | WEAK_ENDS))
        elif char in WEAK_ENDS and _dot_ends_sentence(text, i):
            end = _after_closers(text, _after_run(text, i, WEAK_ENDS | STRONG_ENDS))
        if end is None:
            i += 1
            continue
        if end > start:
            spans.append((start, _trim_right(text, start, end)))
        start = _skip_space(text, max(end, i + 1))
        i = start
    if start < length:
        spans.append((start, _trim_right(text, start, length)))
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the sentence holding ``offset`` (or the next one after a gap)."""
    spans = sentence_spans(text)
    for start, end in spans:
        if offset < end:
            return (start, end)
    return spans[-1] if spans else None


def _after_run(text: str, i: int, chars: frozenset[str]) -> int:
    """Index just past the run of ``chars`` starting at ``i``."""
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _after_closers(text: str, i: int) -> int:
    """Index just past closing quotes and brackets that belong to the ending sentence."""
    return _after_run(text, i, CLOSERS)


def _skip_space(text: str, i: int) -> int:
    """Index of the first non-whitespace character at or after ``i``."""
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _trim_right(text: str, start: int, end: int) -> int:
    """Move ``end`` left past trailing whitespace, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _dot_ends_sentence(text: str, i: int) -> bool:
    """Whether the dot at ``i`` ends an English sentence."""
    after = _after_closers(text, _after_run(text, i, WEAK_ENDS))
    if after >= len(text) or text[after] == "\n":
        return not _is_abbreviation(text, i)
    if not text[after].isspace():
        return False
    nxt = _skip_space(text, after)
    if nxt >= len(text):
        return True
    if not (text[nxt].isupper() or text[nxt] in "\"“‘'(「『" or _is_cjk(text[nxt])):
        return False
    return not _is_abbreviation(text, i)


def _is_abbreviation(text: str, i: int) -> bool:
    """Whether the word before the dot at ``i`` is a known abbreviation or an initial."""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].casefold()
    if word in ABBREVIATIONS:
        return True
    # A single capital letter before the dot is an initial ("J. Smith").
    return len(word) == 1 and text[i - 1].isupper()


def _is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph or CJK punctuation."""
    code = ord(char)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


@lru_cache(maxsize=4096)
def _block_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached sentence spans of one block's text (the same blocks come back each key)."""
    return tuple(sentence_spans(text))


def sentence_around(blocks: Sequence[Block], at: Anchor) -> tuple[Anchor, Anchor] | None:
    """The sentence holding ``at`` (or the next one), as (start, end) anchors; for ``v``."""
    for index in range(max(0, at.block), len(blocks)):
        offset = at.offset if index == at.block else 0
        for start, end in _block_spans(blocks[index].text):
            if offset < end:
                return Anchor(index, start), Anchor(index, end)
    return None


def next_sentence(blocks: Sequence[Block], end: Anchor) -> tuple[Anchor, Anchor] | None:
    """The first sentence after ``end``, across paragraphs (``j`` extends to it)."""
    for index in range(max(0, end.block), len(blocks)):
        floor = end.offset if index == end.block else -1
        for start, stop in _block_spans(blocks[index].text):
            if start >= floor:
                return Anchor(index, start), Anchor(index, stop)
    return None


def previous_sentence(blocks: Sequence[Block], start: Anchor) -> tuple[Anchor, Anchor] | None:
    """The last sentence ending before ``start``, across paragraphs (``k`` shrinks to it)."""
    for index in range(min(start.block, len(blocks) - 1), -1, -1):
        spans = _block_spans(blocks[index].text)
        for begin, stop in reversed(spans):
            if index < start.block or stop <= start.offset:
                return Anchor(index, begin), Anchor(index, stop)
    return None
