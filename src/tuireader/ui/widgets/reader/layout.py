"""The rows of an article typeset at one pane width, and row ↔ anchor arithmetic.

Pure (no Textual): the reader widget asks for row ``y`` and gets a :class:`Row`. Blocks
are wrapped on demand; until then their height is an estimate. Wrapping a block only
moves rows *below* its top, so rows drawn top-down stay consistent, and the widget keeps
the reader still by re-anchoring when estimates above the viewport are refined.

Code keeps its lines whole and a table is set in columns (:class:`TableGrid`); either
may be wider than the text column (its :meth:`DocumentLayout.overflow`), and then it is
drawn shifted by :attr:`DocumentLayout.sideways` cells while prose stays put.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, pairwise
from time import perf_counter
from typing import NamedTuple

from rich.cells import cell_len

from tuireader.library.model import LIST_ITEM, Anchor, Article, TableShape
from tuireader.text.script import convert
from tuireader.text.wrap import cell_width, wrap_items
from tuireader.ui.date_format import show_date
from tuireader.ui.widgets.reader.aids import BlockView, DisplayAids
from tuireader.ui.widgets.reader.geometry import Geometry, block_geometry
from tuireader.ui.widgets.reader.syntax import Piece, highlight
from tuireader.ui.widgets.reader.table import COLUMN_GAP, TableGrid, aligned
from tuireader.ui.widgets.reader.wrap import (
    Line,
    code_lines,
    display_text,
    estimate_heights,
    wrap_block,
)
from tuireader.ui.widgets.reader.wrap import wrap_lines as _wrap_prose

# Characters between the width checkpoints of a long code line.
_MARK_EVERY = 512
META_JOIN = "  ·  "
SECTION_JOIN = " › "


class Row(NamedTuple):
    """One screen row of the document.

    ``role`` is ``title``, ``meta`` or ``header_rule`` (header rows: ``number`` is the
    line of :attr:`DocumentLayout.header_text`, ``start``/``end`` slice it), ``gap``
    (blank row before ``block``), ``line`` (line ``number`` of ``block``, display text
    ``start:end``), ``ruby`` (the readings above that line, in pinyin mode) or ``end``
    (past the last row).
    """

    role: str
    block: int
    start: int = 0
    end: int = 0
    number: int = 0


def meta_parts(article: Article) -> list[str]:
    """Sections, source, date and author: the items of the metadata line (empty ones left out)."""
    sections = SECTION_JOIN.join(article.meta.sections)
    parts = (sections, article.meta.source, show_date(article.meta.date), article.meta.author)
    return [part for part in parts if part]


class DocumentLayout:
    """An article laid out for a pane ``pane_width`` cells wide."""

    def __init__(
        self,
        article: Article,
        pane_width: int,
        reading_width: int,
        aids: DisplayAids | None = None,
    ) -> None:
        self.article = article
        self.aids = aids if aids is not None and not aids.plain else None
        self._views: list[BlockView | None] = [None] * len(article.blocks)
        self.pane_width = max(1, pane_width)
        self.column = max(1, min(reading_width, self.pane_width))
        self.margin = (self.pane_width - self.column) // 2
        self.header_text: list[str] = []
        self.header: list[Row] = self._header_rows()
        blocks = article.blocks
        self.geometries = self._geometries()
        self._texts: list[str | None] = [None] * len(blocks)
        self.lines: list[list[Line] | None] = [None] * len(blocks)
        self.heights = estimate_heights(blocks, self.geometries)
        if self.aids is not None and self.aids.readings is not None:
            # A line of text with readings is two rows, and holds fewer characters.
            self.heights = [height * 4 for height in self.heights]
        self.gaps = self._gaps()
        self._cum: list[int] | None = None
        self.unwrapped = len(blocks)
        self._grids: dict[int, TableGrid] = {}
        self._overflow: dict[int, int] = {}
        self._syntax: dict[int, tuple[list[Piece], list[int]]] = {}
        self._marks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        #: Cells the blocks wider than the column are scrolled by (the reader sets it).
        self.sideways = 0

    def extended(self, article: Article) -> DocumentLayout:
        """This layout for ``article``, whose first blocks are all of this one's (the rest
        of an article shown in part): the blocks wrapped so far stay wrapped, so no row
        above the end of the part moves."""
        layout = DocumentLayout(article, self.pane_width, self.column, self.aids)
        shared = len(self.lines)
        layout.lines[:shared] = self.lines
        layout.heights[:shared] = self.heights
        layout._texts[:shared] = self._texts
        layout._views[:shared] = self._views
        layout.unwrapped -= shared - self.unwrapped
        # Tables set, widths measured and code coloured so far hold for the same blocks.
        layout._grids, layout._overflow = dict(self._grids), dict(self._overflow)
        layout._syntax = dict(self._syntax)
        layout.sideways = self.sideways
        return layout

    # -- header ----------------------------------------------------------------------
    def _header_rows(self) -> list[Row]:
        """Title lines, metadata lines and a rule (the rule only under a header)."""
        rows: list[Row] = []
        title = [self.article.title] if self.article.title else []
        for role, items in (("title", title), ("meta", meta_parts(self.article))):
            if not items:
                continue
            shown_items = [self._shown(item) for item in items]
            shown = META_JOIN.join(shown_items)
            self.header_text.append(shown)
            if role == "title":
                spans = _wrap_prose(shown, self.column) or [(0, len(shown))]
            else:  # a line breaks between the facts, never inside a name or a date
                spans = wrap_items(shown_items, META_JOIN, self.column)
            for start, end in spans:
                rows.append(Row(role, -1, start, end, len(self.header_text) - 1))
        if rows:
            rows.append(Row("header_rule", -1))
        return rows

    def _shown(self, text: str) -> str:
        """Header text as drawn: on one line, in the chosen script."""
        shown = display_text(text.replace("\n", " "))
        if self.aids is not None:
            shown = convert(shown, self.aids.script).text
        return shown

    def _geometries(self) -> list[Geometry]:
        """Each block's geometry; blocks of one shape share one (long articles repeat)."""
        shapes: dict[tuple[str, int, int | None], Geometry] = {}
        geometries = []
        for block in self.article.blocks:
            shape = (block.kind, block.level, block.ordinal)
            if shape not in shapes:
                shapes[shape] = block_geometry(block, self.column)
            geometries.append(shapes[shape])
        return geometries

    def _gaps(self) -> list[int]:
        """Blank rows before each block: one, except between consecutive list items."""
        kinds = [block.kind for block in self.article.blocks]
        gaps = [0 if kind == before == LIST_ITEM else 1 for before, kind in pairwise(kinds)]
        return [1 if self.header else 0, *gaps] if kinds else []

    # -- sizes -----------------------------------------------------------------------
    @property
    def cumulative(self) -> list[int]:
        """``cumulative[i]`` is the first row of block ``i``'s gap; the last is the height."""
        if self._cum is None:
            spans = map(int.__add__, self.gaps, self.heights)
            self._cum = list(accumulate(spans, initial=len(self.header)))
        return self._cum

    @property
    def height(self) -> int:
        """Total rows (unwrapped blocks counted by their estimate)."""
        return self.cumulative[-1]

    def block_top(self, index: int) -> int:
        """Row of the first line of block ``index``."""
        return self.cumulative[index] + self.gaps[index]

    def text(self, index: int) -> str:
        """Display text of block ``index`` (in the chosen script)."""
        text = self._texts[index]
        if text is None:
            text = display_text(self.article.blocks[index].text)
            if self.aids is not None:
                text = self.view(index).text
            self._texts[index] = text
        return text

    @property
    def rows_estimated_only(self) -> bool:
        """Whether blocks are wrapped only as they show (pinyin mode: readings cost a
        dictionary look-up per word, so a long article is never typeset whole)."""
        return self.aids is not None and self.aids.readings is not None

    def view(self, index: int) -> BlockView:
        """Block ``index`` as shown with the display aids (only when there are some)."""
        assert self.aids is not None
        view = self._views[index]
        if view is None:
            text = display_text(self.article.blocks[index].text)
            view = self._views[index] = BlockView(text, self.aids)
        return view

    def readings(self, index: int) -> list[str | None] | None:
        """The reading of each display character of block ``index`` (pinyin mode; not
        for code, whose spacing means something, nor tables, set in columns)."""
        geometry = self.geometries[index]
        if self.aids is None or self.aids.readings is None or geometry.hard:
            return None
        if geometry.role == "table":
            return None
        return self.view(index).readings

    def to_display(self, index: int, offset: int) -> int:
        """The display offset of original ``offset`` in block ``index``."""
        return offset if self.aids is None else self.view(index).to_display(offset)

    def to_original(self, index: int, offset: int) -> int:
        """The original offset of display ``offset`` in block ``index``."""
        return offset if self.aids is None else self.view(index).to_original(offset)

    def rows_per_line(self, index: int) -> int:
        """2 for a block shown with readings above its lines, else 1."""
        return 2 if self.readings(index) is not None else 1

    def ensure_wrapped(self, index: int) -> int:
        """Wrap block ``index`` if needed; return how many rows its height changed by."""
        if self.lines[index] is not None:
            return 0
        geometry = self.geometries[index]
        if geometry.role == "table":
            grid = self.grid(index)
            lines = grid.spans
            self._note_width(index, grid.width)
        elif geometry.scroll:
            text = self.text(index)
            lines = code_lines(text)
            self._note_width(index, max(cell_width(text[a:b]) for a, b in lines))
        elif self.readings(index) is not None:
            lines = self.view(index).wrap(geometry.text_width)
        else:
            lines = wrap_block(self.text(index), geometry.text_width)
        self.lines[index] = lines
        self.unwrapped -= 1
        delta = len(lines) * self.rows_per_line(index) - self.heights[index]
        if delta:
            self.heights[index] += delta
            self._cum = None
        return delta

    def _note_width(self, index: int, cells: int) -> None:
        """Remember how far block ``index`` reaches past its text width, if it does."""
        extra = cells - self.geometries[index].text_width
        if extra > 0:
            self._overflow[index] = extra

    def grid(self, index: int) -> TableGrid:
        """Table block ``index`` set in columns (display offsets)."""
        grid = self._grids.get(index)
        if grid is None:
            shape = self.article.blocks[index].table
            assert shape is not None
            if self.aids is not None:  # cells in the converted text's offsets
                to = self.view(index).to_display
                rows = tuple(tuple((to(a), to(b)) for a, b in row) for row in shape.rows)
                shape = TableShape(rows, shape.header_rows, shape.aligns)
            grid = TableGrid(self.text(index), shape, self.geometries[index].text_width)
            self._grids[index] = grid
        return grid

    def overflow(self, index: int) -> int:
        """Cells block ``index`` reaches past the text column (0 for most blocks; known
        once the block is wrapped)."""
        return self._overflow.get(index, 0)

    def shift(self, index: int) -> int:
        """Cells block ``index`` is drawn shifted left by: the sideways scroll, up to its
        own overflow (a block only a little too wide never scrolls into emptiness)."""
        return min(self.sideways, self._overflow.get(index, 0))

    def widest_overflow(self, top: int, count: int) -> int:
        """The largest overflow among the blocks showing in rows ``top`` … ``top+count``."""
        widest = 0
        for y in range(max(0, top), top + count):
            row = self.row(y)
            if row.role == "end":
                break
            if row.block >= 0:
                widest = max(widest, self._overflow.get(row.block, 0))
        return widest

    def code_window(
        self, index: int, start: int, end: int, width: int
    ) -> tuple[int, int, int, int]:
        """The part of code line ``start:end`` of block ``index`` the sideways scroll
        shows in ``width`` cells: (first character, end character, cells of the first
        character hidden on the left, cells of the whole line). A line of a megabyte
        costs the characters shown, not the line (checkpoints every few hundred
        characters are measured once per line)."""
        text, shift = self.text(index), self.shift(index)
        if end - start <= width + shift or text.isascii():
            if text.isascii():
                first = min(end, start + shift)
                return first, min(end, first + width + 1), 0, end - start
            return start, end, shift, cell_width(text[start:end])
        chars, cells = self._marks_of(index, start, end)
        mark = max(0, bisect_right(cells, shift) - 1)
        first, used = chars[mark], cells[mark]
        while first < end and used + cell_width(text[first]) <= shift:
            used += cell_width(text[first])
            first += 1
        last, seen = first, 0
        while last < end and seen < width + 2:
            seen += cell_width(text[last])
            last += 1
        return first, last, shift - used, cells[-1]

    def _marks_of(self, index: int, start: int, end: int) -> tuple[list[int], list[int]]:
        """(character, cells before it) every :data:`_MARK_EVERY` characters of a line,
        and the line's end and width last."""
        found = self._marks.get((index, start))
        if found is None:
            text = self.text(index)
            chars, cells, used = [], [], 0
            for mark in range(start, end, _MARK_EVERY):
                chars.append(mark)
                cells.append(used)
                used += cell_width(text[mark : min(end, mark + _MARK_EVERY)])
            chars.append(end)
            cells.append(used)
            found = self._marks[(index, start)] = (chars, cells)
        return found

    def cell_of(self, anchor: Anchor) -> int | None:
        """How many cells into its block's drawn line ``anchor`` sits, for a block wider
        than the column (None for the others: they never scroll sideways)."""
        index = anchor.block
        if not 0 <= index < len(self.lines) or not self._overflow.get(index):
            return None
        self.ensure_wrapped(index)
        offset = self.to_display(index, anchor.offset)
        text = self.text(index)
        if index in self._grids:
            grid = self._grids[index]
            line = grid.lines[grid.line_of(offset)]
            left = 0
            for column, (start, end) in enumerate(line.cells):
                if start <= offset <= end:
                    return left + cell_width(text[start:offset])
                left += grid.widths[column] + cell_width(COLUMN_GAP)
            return 0
        starts = [start for start, _ in self.lines[index]]  # type: ignore[union-attr]
        start = starts[max(0, bisect_right(starts, offset) - 1)]
        return cell_width(text[start:offset])

    def syntax(self, index: int) -> tuple[list[Piece], list[int]]:
        """Highlighting pieces of code block ``index`` (display offsets, in order) and
        their starts (for bisecting); none for prose or an unknown language."""
        found = self._syntax.get(index)
        if found is None:
            block = self.article.blocks[index]
            pieces = highlight(self.text(index), block.language) if block.language else []
            found = self._syntax[index] = (pieces, [piece[1] for piece in pieces])
        return found

    # -- rows ------------------------------------------------------------------------
    def row(self, y: int) -> Row:
        """The row at ``y``, wrapping its block first when needed."""
        if y < len(self.header):
            return self.header[max(0, y)]
        while True:
            cum = self.cumulative
            if y >= cum[-1]:
                return Row("end", len(self.lines) - 1)
            index = bisect_right(cum, y) - 1
            line = y - cum[index] - self.gaps[index]
            if line < 0:
                return Row("gap", index)
            if self.ensure_wrapped(index) == 0 or line < self.heights[index]:
                per = self.rows_per_line(index)
                number, part = divmod(line, per)
                start, end = self.lines[index][number]  # type: ignore[index]
                role = "ruby" if per == 2 and part == 0 else "line"
                return Row(role, index, start, end, number)

    def wrap_rows(self, top: int, count: int) -> None:
        """Wrap every block showing in rows ``top`` to ``top + count``."""
        for y in range(max(0, top), top + count):
            if self.row(y).role == "end":
                break

    def settle(self, anchor: Anchor, offset: int, count: int) -> int:
        """Wrap the ``count`` rows that start ``offset`` rows from ``anchor``'s row, again
        until nothing changes (wrapping above the anchor moves it); return their start."""
        while True:
            unwrapped = self.unwrapped
            start = self.row_of(anchor) + offset
            self.wrap_rows(start, count)
            if self.unwrapped == unwrapped:
                return start

    def wrap_tail(self, count: int) -> None:
        """Wrap blocks from the end until they fill at least ``count`` rows."""
        filled = 0
        for index in range(len(self.lines) - 1, -1, -1):
            if filled >= count:
                break
            self.ensure_wrapped(index)
            filled += self.heights[index] + self.gaps[index]

    # -- anchors ---------------------------------------------------------------------
    def anchor_at(self, y: int) -> Anchor:
        """Anchor of row ``y``: header rows are the top, a gap belongs to its block."""
        row = self.row(y)
        if row.role in ("line", "ruby", "gap"):
            return Anchor(row.block, self.to_original(row.block, row.start))
        if row.role == "end" and self.lines:
            return Anchor(row.block, len(self.article.blocks[-1].text))
        return Anchor(0, 0)

    def row_of(self, anchor: Anchor) -> int:
        """Row showing ``anchor``; ``Anchor(0, 0)`` is the very top (the title)."""
        if not self.lines or anchor == Anchor(0, 0):
            return 0
        index = min(max(0, anchor.block), len(self.lines) - 1)
        self.ensure_wrapped(index)
        offset = self.to_display(index, max(0, anchor.offset))
        if index in self._grids:  # a table: the cell's own line, not just the row's
            return self.block_top(index) + self._grids[index].line_of(offset)
        starts = [start for start, _ in self.lines[index]]  # type: ignore[union-attr]
        line = max(0, bisect_right(starts, offset) - 1)
        return self.block_top(index) + line * self.rows_per_line(index)

    def rows_of_span(self, block: int, start: int, end: int) -> tuple[int, int]:
        """First and last row showing text ``start:end`` of ``block``."""
        first = self.row_of(Anchor(block, start))
        last = self.row_of(Anchor(block, max(start, end - 1))) + self.rows_per_line(block) - 1
        return first, last

    def anchor_at_cell(self, y: int, x: int) -> Anchor | None:
        """The text position under row ``y``, cell ``x`` (the pane's); None off the text."""
        if y < 0 or y >= self.height:
            return None
        row = self.row(y)
        if row.role not in ("line", "ruby") or row.block < 0:
            return None
        geometry = self.geometries[row.block]
        prefix = geometry.first_prefix if row.number == 0 else geometry.next_prefix
        column = x - self.margin - cell_len(prefix or "") + self.shift(row.block)
        text, offset, used = self.text(row.block), row.start, 0
        if row.block in self._grids:
            return self._anchor_in_cell(row, column)
        # With pinyin above the text each character takes its reading's slot.
        widths = self.view(row.block).widths if self.readings(row.block) else None
        while offset < row.end:
            cells = widths[offset] if widths else cell_len(text[offset])
            if used + cells > column:
                break
            used += cells
            offset += 1
        return Anchor(row.block, self.to_original(row.block, offset))

    def _anchor_in_cell(self, row: Row, x: int) -> Anchor | None:
        """The text position under cell ``x`` (of the drawn table) on table row ``row``."""
        grid = self._grids[row.block]
        found = grid.cell_at(row.number, x)
        if found is None:
            return None
        column, cells = found
        start, end = grid.lines[row.number].cells[column]
        text, offset, used = self.text(row.block), start, 0
        # A right or centred cell starts after its padding.
        cells -= aligned(text[start:end], grid.widths[column], grid.aligns[column])[0]
        while offset < end:
            used += cell_len(text[offset])
            if used > cells:
                break
            offset += 1
        if offset >= end and start == end:
            return None
        return Anchor(row.block, self.to_original(row.block, min(offset, end)))

    def wrap_for(self, cursor: int, seconds: float) -> int:
        """Wrap unwrapped blocks from ``cursor`` on for about ``seconds``; the next cursor.

        The reader calls this between frames, so a long article is typeset in the
        background a slice at a time instead of all at once.
        """
        deadline = perf_counter() + seconds
        index = self.next_unwrapped(cursor)
        while index is not None and perf_counter() < deadline:
            self.ensure_wrapped(index)
            cursor = index + 1
            index = self.next_unwrapped(cursor)
        return cursor

    def next_unwrapped(self, after: int) -> int | None:
        """Index of the first block at or after ``after`` still unwrapped."""
        for index in range(max(0, after), len(self.lines)):
            if self.lines[index] is None:
                return index
        return None
