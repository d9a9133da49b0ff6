"""Draw one row of a laid-out article as Rich segments (never markup).

Highlights are (block, start, end) spans kept per layer; they are cut to the line being
drawn here, so a span crossing wrapped lines lights each part. The palette maps a role
(``title``, ``paragraph``, ``search`` …) to a Rich style already combined with the base.

A line's styles stack from the bottom: the block's role, then the article's own inline
spans (links, emphasis, code: :data:`SPAN_STYLES`) and a code block's syntax colours,
then the highlight layers. Code and tables wider than the column are drawn shifted by
the layout's sideways scroll, with :data:`MORE` where a line goes on to the right and
:data:`LESS` where it began to the left.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from rich.segment import Segment
from rich.style import Style

from tuireader.library.model import SPAN_ANCHOR, SPAN_KINDS
from tuireader.text.wrap import cell_width
from tuireader.ui.widgets.reader.geometry import RULE_CHAR
from tuireader.ui.widgets.reader.layout import DocumentLayout, Row
from tuireader.ui.widgets.reader.table import COLUMN_GAP, RULE_CROSS, aligned

# Lowest first: a later layer's style is added on top of an earlier one.
LAYERS = ("bookmark", "selection", "link", "search", "search_current")
#: The palette key of each inline span kind (a link, emphasis, strong, code, strike).
SPAN_STYLES = {kind: f"span_{kind}" for kind in SPAN_KINDS if kind != SPAN_ANCHOR}
#: Drawn over the right end of a line that goes on past the column, and at the left of
#: one scrolled past its start (narrow columns get the arrow alone).
MORE = " more →"
MORE_SHORT = "→"
LESS = "←"
Span = tuple[int, int, int]
Piece = tuple[str, int, int]


class Highlights:
    """Spans to highlight, per layer and per block, each list sorted by start."""

    def __init__(self) -> None:
        self._layers: dict[str, dict[int, list[tuple[int, int]]]] = {}

    def set(self, layer: str, spans: list[Span]) -> None:
        """Replace every span of ``layer`` (empty spans are ignored)."""
        by_block: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for block, start, end in spans:
            if end > start:
                by_block[block].append((start, end))
        for block_spans in by_block.values():
            block_spans.sort()
        self._layers[layer] = dict(by_block)

    def clear(self) -> None:
        """Forget every layer."""
        self._layers.clear()

    def in_line(self, block: int, start: int, end: int) -> list[tuple[str, int, int]]:
        """(layer, start, end) pieces of spans inside text ``start:end`` of ``block``."""
        found: list[tuple[str, int, int]] = []
        for layer in LAYERS:
            spans = self._layers.get(layer, {}).get(block)
            if not spans:
                continue
            # Spans are sorted by start; ones starting far before may still reach in.
            first = max(0, bisect_left(spans, (start, start)) - 1)
            for span_start, span_end in _reaching(spans, first, start):
                if span_start >= end:
                    break
                if span_end > start:
                    found.append((layer, max(start, span_start), min(end, span_end)))
        return found


def _reaching(spans: list[tuple[int, int]], first: int, start: int) -> list[tuple[int, int]]:
    """Spans from ``first`` on, plus earlier long ones that still reach ``start``."""
    earlier = [span for span in spans[:first] if span[1] > start]
    return earlier + spans[first:]


def style_runs(
    start: int, end: int, pieces: list[tuple[str, int, int]], palette: dict[str, Style], role: str
) -> list[tuple[int, int, Style]]:
    """Cut ``start:end`` into runs with one style each (role style + covering layers)."""
    cuts = sorted({start, end, *(p[1] for p in pieces), *(p[2] for p in pieces)})
    runs: list[tuple[int, int, Style]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        style = palette[role]
        for layer, piece_start, piece_end in pieces:
            if piece_start <= left and right <= piece_end:
                style = style + palette[layer]
        runs.append((left, right, style))
    return runs


def draw_row(
    layout: DocumentLayout, row: Row, palette: dict[str, Style], highlights: Highlights
) -> list[Segment]:
    """Segments for ``row``, exactly ``layout.pane_width`` cells unless text overflows."""
    base = palette["base"]
    width = layout.pane_width
    if row.role in ("gap", "end"):
        return [Segment(" " * width, base)]
    left = Segment(" " * layout.margin, base)
    if row.role == "header_rule":
        body = [Segment(RULE_CHAR * layout.column, palette["rule"])]
    elif row.block < 0:
        text = layout.header_text[row.number][row.start : row.end]
        body = [Segment(text, palette[row.role])]
    else:
        body = _block_line(layout, row, palette, highlights)
    used = layout.margin + sum(cell_width(segment.text) for segment in body)
    return [left, *body, Segment(" " * max(0, width - used), base)]


def _block_line(
    layout: DocumentLayout, row: Row, palette: dict[str, Style], highlights: Highlights
) -> list[Segment]:
    """Prefix, styled text and (for code) the padded panel of one block line."""
    geometry = layout.geometries[row.block]
    role = geometry.role
    if role == "rule":
        return [Segment(RULE_CHAR * layout.column, palette["rule"])]
    if role == "table":
        return _table_line(layout, row, palette, highlights)
    if geometry.scroll:
        return _code_line(layout, row, palette, highlights)
    style = palette[role]
    prefix = geometry.first_prefix if row.number == 0 else geometry.next_prefix
    if row.role == "ruby":
        prefix = " " * cell_width(prefix)
    text = layout.text(row.block)
    pieces = _display_pieces(layout, row.block, row.start, row.end, highlights)
    readings = layout.readings(row.block)
    if readings is not None:
        segments = [Segment(prefix, palette["marker"] if role == "list" else style)]
        widths = layout.view(row.block).widths or []
        runs = style_runs(row.start, row.end, pieces, palette, role)
        if row.role == "ruby":
            return segments + _ruby_segments(readings, widths, row, palette["ruby"])
        return segments + _slotted_segments(text, widths, runs, palette["base"])
    body = [
        Segment(text[left:right], run_style)
        for left, right, run_style in style_runs(row.start, row.end, pieces, palette, role)
    ]
    head = [Segment(prefix, palette["marker"] if role == "list" else style)] if prefix else []
    return head + body


def _code_line(
    layout: DocumentLayout, row: Row, palette: dict[str, Style], highlights: Highlights
) -> list[Segment]:
    """A code line on its panel: never wrapped, shifted sideways, arrows where cut. Only
    the characters in view are styled (a line may be a megabyte long)."""
    geometry = layout.geometries[row.block]
    style = palette["code"]
    width = geometry.text_width
    first, last, hidden, cells = layout.code_window(row.block, row.start, row.end, width)
    text = layout.text(row.block)
    pieces = _display_pieces(layout, row.block, first, last, highlights)
    body = [
        Segment(text[left:right], run_style)
        for left, right, run_style in style_runs(first, last, pieces, palette, "code")
    ]
    shift = layout.shift(row.block)
    shown, _, right_cut = _window(
        body, cells - (shift - hidden), hidden, width, style, palette["more"]
    )
    prefix = geometry.first_prefix if row.number == 0 else geometry.next_prefix
    left_cut = shift > 0 and cells > 0
    left = [Segment(LESS, palette["more"])] if left_cut and prefix else [Segment(prefix, style)]
    return [*left, *shown, Segment(" " * geometry.right_pad, style)]


def _window(
    body: list[Segment], cells: int, shift: int, width: int, pad: Style, more: Style
) -> tuple[list[Segment], bool, bool]:
    """``body`` (``cells`` wide) seen through ``width`` cells from cell ``shift``, padded
    to exactly ``width``; (segments, cut on the left, cut on the right). A line cut on
    the right ends with :data:`MORE` over its last cells."""
    right_cut = cells > shift + width
    marker = MORE if width >= 4 * len(MORE) else MORE_SHORT
    room = width - cell_width(marker) if right_cut else width
    if shift or cells > room:
        parts = list(Segment.divide(body, [shift, shift + max(0, room)]))
        shown = parts[1] if len(parts) > 1 else []
    else:
        shown = body
    used = sum(cell_width(segment.text) for segment in shown)
    shown = [*shown, Segment(" " * max(0, room - used), pad)]
    if right_cut:
        shown.append(Segment(marker, more))
    return shown, shift > 0 and cells > 0, right_cut


def _table_line(
    layout: DocumentLayout, row: Row, palette: dict[str, Style], highlights: Highlights
) -> list[Segment]:
    """One line of a table: each column's slice aligned in its width, gaps between.

    A table wider than the column is drawn from the first column on screen (a table of
    thousands of columns costs the columns shown, not all of them)."""
    grid = layout.grid(row.block)
    line = grid.lines[row.number]
    gap = palette["rule"]
    wide = grid.width > layout.column
    shift = layout.shift(row.block) if wide else 0
    first = max(0, bisect_right(grid.lefts, shift) - 1)
    last = bisect_right(grid.lefts, shift + layout.column)
    segments: list[Segment] = []
    if line.rule:
        rule = RULE_CROSS.join(RULE_CHAR * width for width in grid.widths[first:last])
        segments.append(Segment(rule, gap))
    else:
        role = "table_header" if line.row < grid.shape.header_rows else "table"
        text = grid.text
        for index in range(first, min(last, len(line.cells))):
            start, end = line.cells[index]
            if index > first:
                segments.append(Segment(COLUMN_GAP, gap))
            width = grid.widths[index]
            before, after = aligned(text[start:end], width, grid.aligns[index])
            if before:
                segments.append(Segment(" " * before, palette[role]))
            pieces = _display_pieces(layout, row.block, start, end, highlights)
            for left, right, run_style in style_runs(start, end, pieces, palette, role):
                segments.append(Segment(text[left:right], run_style))
            if after:
                segments.append(Segment(" " * after, palette[role]))
    if not wide:
        return segments
    offset = grid.lefts[first] if first < len(grid.lefts) else 0
    shown, _, _ = _window(
        segments, grid.width - offset, shift - offset, layout.column, palette["base"],
        palette["more"],
    )  # fmt: skip
    return shown


def _display_pieces(
    layout: DocumentLayout, block: int, start: int, end: int, highlights: Highlights
) -> list[Piece]:
    """Style pieces of text ``start:end`` (display offsets) of ``block``: the article's
    inline spans, syntax colours, then highlights (kept in original offsets)."""
    pieces = _inline_pieces(layout, block, start, end)
    if layout.aids is None:
        return pieces + highlights.in_line(block, start, end)
    left, right = layout.to_original(block, start), layout.to_original(block, end)
    return pieces + [
        (layer, layout.to_display(block, a), layout.to_display(block, b))
        for layer, a, b in highlights.in_line(block, left, right)
    ]


def _inline_pieces(layout: DocumentLayout, block: int, start: int, end: int) -> list[Piece]:
    """The block's spans and syntax pieces that reach into ``start:end``, cut to it."""
    pieces: list[Piece] = []
    spans = layout.article.blocks[block].spans
    if spans:
        to = layout.to_display if layout.aids is not None else None
        for span in spans:
            left, right = span.start, span.end
            if to is not None:
                left, right = to(block, left), to(block, right)
            if left >= end:
                break  # sorted by start
            if right > start and span.kind in SPAN_STYLES:
                pieces.append((SPAN_STYLES[span.kind], max(start, left), min(end, right)))
    if layout.geometries[block].scroll:
        syntax, starts = layout.syntax(block)
        # Pieces do not overlap: only the one before the first starting here reaches in.
        first = max(0, bisect_left(starts, start) - 1)
        for role, left, right in syntax[first:]:
            if left >= end:
                break
            if right > start:
                pieces.append((role, max(start, left), min(end, right)))
    return pieces


def _slotted_segments(
    text: str, widths: list[int], runs: list[tuple[int, int, Style]], pad: Style
) -> list[Segment]:
    """Each character padded to its slot, so it sits under its reading."""
    segments: list[Segment] = []
    for left, right, run_style in runs:
        for index in range(left, right):
            char = text[index]
            segments.append(Segment(char, run_style))
            extra = widths[index] - cell_width(char)
            if extra > 0:
                segments.append(Segment(" " * extra, pad))
    return segments


def _ruby_segments(
    readings: list[str | None], widths: list[int], row: Row, style: Style
) -> list[Segment]:
    """The readings of a line's characters, each at the start of its slot."""
    cells: list[str] = []
    for index in range(row.start, row.end):
        reading = readings[index] or ""
        cells.append(reading + " " * max(0, widths[index] - cell_width(reading)))
    return [Segment("".join(cells), style)]
