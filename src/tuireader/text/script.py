"""Simplified/Traditional display of Chinese text that keeps every offset in the original.

The reader may show an article in the other script (简/繁), but positions, bookmarks and
find hits always address the text as written. :func:`convert` gives the display text and
a :class:`Converted` that maps offsets both ways. OpenCC's ``s2t`` and ``t2s`` tables turn
almost every run of Han characters into one of the same length, where the map is the
identity; a run whose length changes (a phrase table entry like 内存 → 記憶體 in the
Taiwan tables) is kept as one piece, and an offset inside it maps to the same distance
into the other side, clamped to the piece. Conversion is pure Python (about 2 µs a
character), so callers convert what they show (a block at a time), never a whole book.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ORIGINAL = "original"
SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
SCRIPTS = (ORIGINAL, SIMPLIFIED, TRADITIONAL)
#: The OpenCC table that gives each display script.
_TABLES = {SIMPLIFIED: "t2s", TRADITIONAL: "s2t"}
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


@dataclass(frozen=True, slots=True)
class Converted:
    """Display text and the pieces whose length changed: (orig start, orig end, display
    start, display end), in order. Offsets outside every piece shift by the pieces before."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...] = ()

    def to_display(self, offset: int) -> int:
        """The display offset of original ``offset``."""
        return _map(self.pieces, offset, 0)

    def to_original(self, offset: int) -> int:
        """The original offset of display ``offset``."""
        return _map(self.pieces, offset, 2)


def _map(pieces: tuple[tuple[int, int, int, int], ...], offset: int, side: int) -> int:
    if not pieces:
        return offset
    other = 2 - side
    starts = [piece[side] for piece in pieces]
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return offset
    piece = pieces[index]
    start, end = piece[side], piece[side + 1]
    to_start, to_end = piece[other], piece[other + 1]
    if offset < end:
        return min(to_start + (offset - start), to_end)
    return offset - end + to_end


def convert(text: str, script: str) -> Converted:
    """``text`` shown in ``script`` (unchanged for :data:`ORIGINAL` or without OpenCC)."""
    converter = _converter(_TABLES[script]) if script in _TABLES else None
    if converter is None or text.isascii():
        return Converted(text)
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    shown = 0  # length of the display text so far
    last = 0
    for match in _HAN_RUN.finditer(text):
        start, end = match.span()
        out.append(text[last:start])
        shown += start - last
        run = converter.convert(match.group())
        if len(run) != end - start:
            pieces.append((start, end, shown, shown + len(run)))
        out.append(run)
        shown += len(run)
        last = end
    out.append(text[last:])
    return Converted("".join(out), tuple(pieces))


@lru_cache(maxsize=4)
def _converter(table: str) -> Any:
    """An OpenCC converter for ``table`` (``s2t``, ``t2s``), or None without the package."""
    try:
        from opencc import OpenCC
    except ImportError:
        return None
    return OpenCC(table)


def opencc_convert(text: str, table: str) -> str:
    """``text`` through one OpenCC table (``text`` itself when OpenCC is missing)."""
    converter = _converter(table)
    return text if converter is None else str(converter.convert(text))
