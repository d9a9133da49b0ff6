"""A table block set in columns: widths in terminal cells, cells wrapped inside them.

Pure (no Textual). The block's text holds one line per row, cells joined by `` | ``; the
:class:`~tuireader.library.model.TableShape` says where each cell lies. Here the columns
get widths measured in cells (a CJK character is two), each cell is wrapped inside its
column by the same CJK-aware breaker as prose, and the table becomes screen lines: the
lines of each row, a rule under the header rows.

Widths, in order of preference: every column as wide as its widest cell, when that fits
the text column; else each column at least as wide as its longest word and the rest of
the room shared out by how much more each one wants; else each column squeezed to a few
cells. Only a table too wide even then (many columns in a narrow pane) is drawn wider
than the pane and scrolls sideways like code, because a cell wrapped to two or three
characters a line is harder to read than one reached with the arrow keys; below that,
wrapping wins: the whole row stays in view, which sideways scrolling cannot give.
A table of more than :data:`WRAPPED_CELLS` cells is data, not prose: its columns keep
their widest cell and it scrolls (wrapping 100,000 cells would cost a second).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.library.model import ALIGN_CENTER, ALIGN_RIGHT, TableShape
from tuireader.text.wrap import cell_width, wrap_lines

#: Drawn between two columns, and where the header rule crosses a column gap.
COLUMN_GAP = " │ "
RULE_CROSS = "─┼─"
#: A column squeezed below its longest word still gets this many cells (or its widest cell).
SQUEEZED = 6
#: A word longer than this does not widen its column further: it is broken instead.
LONGEST_WORD = 16
#: Beyond this many cells a table's cells are not wrapped (see the module doc).
WRAPPED_CELLS = 20_000
_WORD = re.compile(r"[^\s]+")

Cell = tuple[int, int]  # (start, end) of a cell's slice shown on one screen line


@dataclass(frozen=True, slots=True)
class TableLine:
    """One screen line of a table: the slice of each column's cell shown on it (display
    offsets into the block's text; an empty slice where the cell has no more lines), or
    the header rule (``rule``; no slices). ``row`` is the table row it belongs to."""

    row: int
    cells: tuple[Cell, ...] = ()
    rule: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) of the text on this line, for anchors: from its first shown
        character to its last (a rule's is its next row's start, empty)."""
        shown = [cell for cell in self.cells if cell[1] > cell[0]]
        if not shown:
            start = self.cells[0][0] if self.cells else 0
            return start, start
        return shown[0][0], shown[-1][1]


class TableGrid:
    """A table laid out for a text column: widths, lines, and offset ↔ line arithmetic."""

    def __init__(self, text: str, shape: TableShape, column: int) -> None:
        """Lay out the table whose cells ``shape`` gives in ``text`` (display form, cell
        offsets already in display offsets) for a column ``column`` cells wide."""
        self.text = text
        self.shape = shape
        count = max((len(row) for row in shape.rows), default=0)
        self.columns = count
        self.aligns = tuple(shape.aligns) + ("",) * max(0, count - len(shape.aligns))
        cells = [[text[start:end] for start, end in row] for row in shape.rows]
        self._cells = [[cell_width(piece) for piece in row] for row in cells]
        if sum(map(len, cells)) > WRAPPED_CELLS:
            self.widths = natural_widths(self._cells, count)
        else:
            self.widths = column_widths(cells, count, max(1, column), self._cells)
        gap = cell_width(COLUMN_GAP)
        #: The cell each column starts at in the drawn table.
        self.lefts = [0] * count
        for index in range(1, count):
            self.lefts[index] = self.lefts[index - 1] + self.widths[index - 1] + gap
        #: Cells the drawn table takes (more than the column only when it scrolls).
        self.width = (self.lefts[-1] + self.widths[-1]) if count else 0
        self.lines: list[TableLine] = []
        self._row_first: list[int] = []  # first line of each row
        self._row_starts = [row[0][0] if row else 0 for row in shape.rows]
        for number, row in enumerate(shape.rows):
            self._row_first.append(len(self.lines))
            self.lines.extend(self._row_lines(number, row, self._cells[number]))
            if number + 1 == shape.header_rows and number + 1 < len(shape.rows):
                self.lines.append(TableLine(number, _empty_at(shape.rows[number + 1]), True))

    def _row_lines(self, number: int, row: Sequence[Cell], cells: Sequence[int]) -> list[TableLine]:
        """The screen lines of one row: each cell (``cells`` wide) wrapped in its column."""
        wrapped: list[list[Cell]] = []
        for index in range(self.columns):
            if index >= len(row):
                end = row[-1][1] if row else 0
                wrapped.append([(end, end)])
                continue
            start, end = row[index]
            piece = self.text[start:end]
            if cells[index] <= self.widths[index]:
                wrapped.append([(start, end)])  # most cells fit: no breaker needed
                continue
            found = wrap_lines(piece, self.widths[index])
            wrapped.append([(start + left, start + right) for left, right in found])
        height = max(len(lines) for lines in wrapped) if wrapped else 1
        lines = []
        for line in range(height):
            slices = tuple(
                cell_lines[line] if line < len(cell_lines) else (cell_lines[-1][1],) * 2
                for cell_lines in wrapped
            )
            lines.append(TableLine(number, slices))
        return lines

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every line, as the layout keeps them for anchors."""
        return [line.span for line in self.lines]

    def line_of(self, offset: int) -> int:
        """The line showing display ``offset`` (the last line of a row for a separator)."""
        if not self.shape.rows:
            return 0
        number = max(0, bisect_right(self._row_starts, offset) - 1)
        first = self._row_first[number]
        last = first
        while last + 1 < len(self.lines) and self.lines[last + 1].row == number:
            last += 1
        for index in range(first, last + 1):
            line = self.lines[index]
            if line.rule:
                continue
            for start, end in line.cells:
                if start <= offset < end:
                    return index
        # Between cells (a separator) or past the row's text: the row's first line.
        return first

    def cell_at(self, line: int, x: int) -> tuple[int, int] | None:
        """(column, cells into it) under cell ``x`` of ``line``; None on a gap or rule."""
        if not 0 <= line < len(self.lines) or self.lines[line].rule or x < 0:
            return None
        gap = cell_width(COLUMN_GAP)
        left = 0
        for index, width in enumerate(self.widths):
            if x < left + width:
                return index, x - left
            left += width + gap
            if x < left:
                return None
        return None


def _empty_at(row: Sequence[Cell]) -> tuple[Cell, ...]:
    """Empty slices at the start of ``row`` (a rule line's anchor is its next row)."""
    start = row[0][0] if row else 0
    return ((start, start),)


def column_widths(
    cells: Sequence[Sequence[str]],
    count: int,
    column: int,
    measured: Sequence[Sequence[int]] | None = None,
) -> list[int]:
    """Widths of ``count`` columns holding ``cells`` (rows of cell texts; ``measured``:
    their widths, when known) in ``column`` cells, as the module doc says; their sum
    plus the gaps may pass ``column`` only when even squeezed columns do not fit."""
    if not count:
        return []
    natural = [1] * count
    words = [1] * count
    for number, row in enumerate(cells):
        sizes = measured[number] if measured is not None else [cell_width(t) for t in row]
        for index, text in enumerate(row[:count]):
            natural[index] = max(natural[index], sizes[index])
            if words[index] < LONGEST_WORD and sizes[index] > words[index]:
                words[index] = max(words[index], _longest_word(text))
    room = column - cell_width(COLUMN_GAP) * (count - 1)
    if sum(natural) <= room:
        return natural
    for floors in (
        [min(n, w) for n, w in zip(natural, words, strict=True)],
        [min(n, SQUEEZED) for n in natural],
    ):
        if sum(floors) <= room:
            return _share(floors, natural, room)
    return [min(n, SQUEEZED) for n in natural]


def natural_widths(measured: Sequence[Sequence[int]], count: int) -> list[int]:
    """Each of ``count`` columns as wide as its widest cell (``measured``: cell widths)."""
    widths = [1] * count
    for row in measured:
        for index, cells in enumerate(row[:count]):
            if cells > widths[index]:
                widths[index] = cells
    return widths


def _longest_word(text: str) -> int:
    """Cells of the longest unbreakable piece: a Latin word, or one CJK character."""
    if not text:
        return 1
    longest = 1
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) <= longest // 2:
            continue  # cannot be longer than the longest found
        cells = cell_width(word)
        if cells > len(word):  # has wide characters: it breaks between them
            cells = 2
        longest = max(longest, min(cells, LONGEST_WORD))
    return longest


def _share(floors: list[int], natural: list[int], room: int) -> list[int]:
    """``floors`` plus the spare room, shared by how much each column still wants."""
    widths = list(floors)
    spare = room - sum(floors)
    wants = [n - f for n, f in zip(natural, floors, strict=True)]
    total = sum(wants)
    if spare <= 0 or total <= 0:
        return widths
    shares = [spare * want / total for want in wants]
    for index, share in enumerate(shares):
        widths[index] += int(share)
    left = spare - sum(int(share) for share in shares)
    # The rounding's leftover cells go to the columns that lost the most to it.
    order = sorted(range(len(shares)), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for index in order[:left]:
        widths[index] += 1
    return [min(width, n) for width, n in zip(widths, natural, strict=True)]


def aligned(text: str, width: int, align: str) -> tuple[int, int]:
    """(left, right) padding of ``text`` in a column ``width`` cells wide."""
    free = max(0, width - cell_width(text))
    if align == ALIGN_RIGHT:
        return free, 0
    if align == ALIGN_CENTER:
        return free // 2, free - free // 2
    return 0, free
