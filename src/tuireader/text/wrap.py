"""CJK-aware line breaking measured in terminal cells.

:func:`wrap_lines` breaks one paragraph into line spans: between CJK characters,
at spaces, never inside a Latin word or a number (unless the word alone is wider
than the line), and with kinsoku: no line starts with closing punctuation and none
ends with opening punctuation. The text is cut into tokens by one compiled regex;
a run of ideographs is one token that is split arithmetically (every ideograph is
two cells), so wrapping costs a few operations per line rather than per character.
"""

from __future__ import annotations

import re

from rich.cells import cell_len as _rich_cell_len

from tuireader.text.kinsoku import CLOSING, OPENING
from tuireader.text.line_filler import LineFiller

__all__ = ["CLOSING", "OPENING", "cell_width", "wrap_items", "wrap_lines"]

_ASCII_WORD = re.compile("[^ ]+")


def cell_width(s: str) -> int:
    """Width of ``s`` in terminal cells, as Rich measures it."""
    return _rich_cell_len(s)


def wrap_lines(text: str, width: int) -> list[tuple[int, int]]:
    """Break one paragraph (no ``\\n``) into lines no wider than ``width`` cells.

    Returns ``(start, end)`` spans into ``text``; the spaces where a line was broken
    belong to neither line. Always at least one span (``(0, 0)`` for empty text).
    A character wider than ``width`` gets a line of its own.
    """
    width = max(width, 1)
    if text.isascii() and text.isprintable():
        return _wrap_ascii(text, width)
    return LineFiller(text, width).run()


def wrap_items(items: list[str], joiner: str, width: int) -> list[tuple[int, int]]:
    """Break ``joiner.join(items)`` into lines between items, never inside one.

    For a line of facts (a date with its time, a person's name, a section path): a line
    breaks only where a ``joiner`` stands, and the joiner at a break belongs to neither
    line. An item wider than a whole line is broken at its spaces the same way; only a
    word wider than the line is cut (by :func:`wrap_lines`). Returns ``(start, end)``
    spans into the joined text, at least one.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    _pack(items, joiner, width, 0, lines)
    return lines or [(0, 0)]


def _pack(
    items: list[str], joiner: str, width: int, base: int, lines: list[tuple[int, int]]
) -> None:
    """Append the lines of ``items`` (joined, starting at offset ``base``) to ``lines``.

    The last line stays open for what follows: it is extended in place while the next
    item still fits beside it (``lines`` ends with the open line).
    """
    gap = cell_width(joiner)
    open_cells = -1  # cells on the open last line; -1: no line open in this call
    position = base
    for item in items:
        cells = cell_width(item)
        end = position + len(item)
        if open_cells >= 0 and open_cells + gap + cells <= width:
            lines[-1] = (lines[-1][0], end)
            open_cells += gap + cells
        elif cells <= width:
            lines.append((position, end))
            open_cells = cells
        elif joiner != " " and " " in item:  # too wide alone: break it between its words
            _pack(item.split(" "), " ", width, position, lines)
            open_cells = cell_width(item[lines[-1][0] - position :])
        else:  # one word wider than the line: cut it like prose
            spans = wrap_lines(item, width)
            lines.extend((position + start, position + stop) for start, stop in spans)
            open_cells = cell_width(item[spans[-1][0] : spans[-1][1]])
        position = end + len(joiner)


def _wrap_ascii(text: str, width: int) -> list[tuple[int, int]]:
    """Fast path for printable ASCII: one cell per character, breaks only at spaces
    (where kinsoku never applies), long words cut every ``width`` characters."""
    lines: list[tuple[int, int]] = []
    line_start = line_end = -1
    for match in _ASCII_WORD.finditer(text):
        start, end = match.span()
        if line_start < 0:
            line_start = start
        elif end - line_start > width:
            lines.append((line_start, line_end))
            line_start = start
        while end - line_start > width and end - start > width:
            lines.append((line_start, line_start + width))
            line_start += width
        line_end = end
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]
