"""Line breaking for text shown with a reading (pinyin) above each character.

With ruby, a character's slot is as wide as the wider of the character and its reading
(plus one cell between readings): 中 under ``zhōng`` takes six cells, not two. Widths vary
per character, so the general line filler (which splits a run of ideographs by
arithmetic at two cells each) cannot be used; this filler walks units instead: a Latin
word (never split unless it alone is wider than the line), or one wide character. The
breaking rules are the same: at spaces (dropped) or between wide characters, and
kinsoku: no line starts with closing punctuation, none ends with opening punctuation,
when a few units moved down make it possible.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from tuireader.text.kinsoku import may_break

Line = tuple[int, int]
_MAX_PULL = 6  # how many units kinsoku may move to the next line


def slot_widths(text: str, readings: Sequence[str | None]) -> list[int]:
    """Cells each character takes with its reading above it (0 for a zero-width mark)."""
    widths = []
    for char, reading in zip(text, readings, strict=True):
        cells = cell_len(char)
        widths.append(max(cells, len(reading) + 1) if reading else cells)
    return widths


def wrap_ruby(text: str, widths: Sequence[int], width: int) -> list[Line]:
    """Break ``text`` (no ``\\n``) into (start, end) lines of at most ``width`` cells,
    each character counted as ``widths[i]`` cells. Spaces at a break belong to no line.
    Always at least one line (``(0, 0)`` for empty text)."""
    width = max(width, 1)
    units = _units(text)
    lines: list[Line] = []
    line: list[tuple[int, int]] = []  # the units of the current line
    used = 0
    for start, end in units:
        cells = sum(widths[start:end])
        gap = _gap(widths, line[-1][1], start) if line else 0
        if not line or used + gap + cells <= width:
            line.append((start, end))
            used += gap + cells
            continue
        keep = _kinsoku_cut(text, line, (start, end))
        lines.append((line[0][0], line[keep - 1][1]))
        line = [*line[keep:], (start, end)]
        used = _line_cells(widths, line)
        while used > width and len(line) > 1:  # the moved units do not fit with it
            lines.append((line[0][0], line[-2][1]))
            line = line[-1:]
            used = _line_cells(widths, line)
    if line:
        lines.append((line[0][0], line[-1][1]))
    return _split_wide_units(lines, widths, width) or [(0, 0)]


def _units(text: str) -> list[Line]:
    """Latin words and single wide characters (a zero-width mark joins the one before)."""
    units: list[Line] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in " \t":
            index += 1
            continue
        end = index + 1
        if cell_len(char) < 2:
            while end < len(text) and text[end] not in " \t" and cell_len(text[end]) < 2:
                end += 1
        while end < len(text) and text[end] not in " \t" and cell_len(text[end]) == 0:
            end += 1
        units.append((index, end))
        index = end
    return units


def _gap(widths: Sequence[int], end: int, start: int) -> int:
    """The cells of the spaces between two units (0 when they touch)."""
    return sum(widths[end:start])


def _line_cells(widths: Sequence[int], line: list[Line]) -> int:
    return sum(widths[line[0][0] : line[-1][1]])


def _kinsoku_cut(text: str, line: list[Line], following: Line) -> int:
    """How many units of ``line`` stay on it so the break obeys kinsoku (all if none do)."""
    units = [*line, following]
    for keep in range(len(line), max(len(line) - _MAX_PULL, 1) - 1, -1):
        before, after = units[keep - 1], units[keep]
        if before[1] != after[0] or may_break(text[before[1] - 1], text[after[0]]):
            return keep
    return len(line)


def _split_wide_units(lines: list[Line], widths: Sequence[int], width: int) -> list[Line]:
    """A unit wider than the line alone is cut where the cells run out (never before a
    zero-width mark: it stays with its character, however wide that one is)."""
    out: list[Line] = []
    for start, end in lines:
        if sum(widths[start:end]) <= width:
            out.append((start, end))
            continue
        piece, used = start, 0
        for index in range(start, end):
            if widths[index] and used + widths[index] > width and index > piece:
                out.append((piece, index))
                piece, used = index, 0
            used += widths[index]
        out.append((piece, end))
    return out
