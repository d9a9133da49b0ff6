"""Wrap one block of an article into lines, as (start, end) offsets into its text.

Prose goes through the CJK-aware breaker of ``tuireader.text.wrap``; code keeps each of
its lines whole (its spacing means something: a wide line scrolls sideways). Unwrapped
blocks get a cheap line-count estimate so a long article can be laid out without
wrapping all of it up front; code and tables without wrapped cells are counted exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil
from typing import TYPE_CHECKING

from tuireader.library.model import Block
from tuireader.text.wrap import wrap_lines

if TYPE_CHECKING:
    from tuireader.ui.widgets.reader.geometry import Geometry

Line = tuple[int, int]


def display_text(text: str) -> str:
    """The text as drawn: a tab becomes one space so offsets and widths stay aligned."""
    return text.replace("\t", " ") if "\t" in text else text


def wrap_block(text: str, width: int) -> list[Line]:
    """Wrap ``text`` (display form) into lines no wider than ``width`` cells.

    ``\\n`` always ends a line; an empty piece still takes one (empty) line.
    """
    width = max(1, width)
    if "\n" not in text:
        return _wrap_piece(text, 0, width)
    lines: list[Line] = []
    position = 0
    for piece in text.split("\n"):
        lines.extend(_wrap_piece(piece, position, width))
        position += len(piece) + 1
    return lines


def code_lines(text: str) -> list[Line]:
    """One line per ``\n``-separated piece of ``text``, never wrapped."""
    lines: list[Line] = []
    position = 0
    for piece in text.split("\n"):
        lines.append((position, position + len(piece)))
        position += len(piece) + 1
    return lines


def _wrap_piece(piece: str, base: int, width: int) -> list[Line]:
    """Lines of one newline-free piece, offset by ``base``."""
    if not piece or (len(piece) <= width and piece.isascii()):
        return [(base, base + len(piece))]
    found = wrap_lines(piece, width)
    if not found:
        return [(base, base + len(piece))]
    return [(base + start, base + end) for start, end in found]


def estimate_heights(blocks: Sequence[Block], geometries: Sequence[Geometry]) -> list[int]:
    """Estimated rows of every block (one tight loop: articles may have 100,000 blocks)."""
    heights: list[int] = []
    append = heights.append
    for block, geometry in zip(blocks, geometries, strict=True):
        text, width = block.text, geometry.text_width
        if geometry.scroll or geometry.role == "table":  # a line per row (+ header rule)
            ruled = block.table is not None and 0 < block.table.header_rows < len(block.table.rows)
            append(text.count("\n") + 1 + ruled)
            continue
        if "\n" in text:
            append(estimate_rows(text, width))
            continue
        length = len(text)
        cells = length if text.isascii() else (length + len(text.encode("utf-8", "replace"))) >> 1
        append(-(-cells // width) or 1)
    return heights


def estimate_rows(text: str, width: int) -> int:
    """A quick guess of how many lines ``text`` wraps to (exact for short ASCII)."""
    width = max(1, width)
    if "\n" in text:
        return sum(_estimate_piece(piece, width) for piece in text.split("\n"))
    return _estimate_piece(text, width)


def _estimate_piece(piece: str, width: int) -> int:
    """Cells divided by width, cells guessed from the UTF-8 length.

    ASCII is one byte and one cell, CJK three bytes and two cells, so (characters +
    bytes) / 2 counts both exactly; other scripts come out a little high, which only
    makes the estimate err on the long side until the block is really wrapped.
    """
    length = len(piece)
    if not length:
        return 1
    cells = length if piece.isascii() else (length + len(piece.encode("utf-8", "replace"))) / 2
    return max(1, ceil(cells / width))
