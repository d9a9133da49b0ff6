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

__all__ = ["CLOSING", "OPENING", "cell_width", "wrap_lines"]

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
