"""Draw one row of a laid-out article as Rich segments (never markup).

Highlights are (block, start, end) spans kept per layer; they are cut to the line being
drawn here, so a span crossing wrapped lines lights each part. The palette maps a role
(``title``, ``paragraph``, ``search`` …) to a Rich style already combined with the base.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from rich.segment import Segment
from rich.style import Style

from tuireader.ui.widgets.reader.geometry import RULE_CHAR
from tuireader.ui.widgets.reader.layout import DocumentLayout, Row
from tuireader.ui.widgets.reader.wrap import cell_width

# Lowest first: a later layer's style is added on top of an earlier one.
LAYERS = ("bookmark", "selection", "search", "search_current")
Span = tuple[int, int, int]


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
    """Prefix, highlighted text and (for code) the padded panel of one block line."""
    geometry = layout.geometries[row.block]
    role = geometry.role
    if role == "rule":
        return [Segment(RULE_CHAR * layout.column, palette["rule"])]
    style = palette[role]
    prefix = geometry.first_prefix if row.number == 0 else geometry.next_prefix
    if row.role == "ruby":
        prefix = " " * cell_width(prefix)
    segments = [Segment(prefix, palette["marker"] if role == "list" else style)] if prefix else []
    text = layout.text(row.block)
    pieces = _display_pieces(layout, row, highlights)
    readings = layout.readings(row.block)
    if readings is not None:
        widths = layout.view(row.block).widths or []
        runs = style_runs(row.start, row.end, pieces, palette, role)
        if row.role == "ruby":
            return segments + _ruby_segments(readings, widths, row, palette["ruby"])
        return segments + _slotted_segments(text, widths, runs, palette["base"])
    for left, right, run_style in style_runs(row.start, row.end, pieces, palette, role):
        segments.append(Segment(text[left:right], run_style))
    if role == "code":
        used = cell_width(text[row.start : row.end])
        fill = max(0, geometry.text_width - used) + geometry.right_pad
        segments.append(Segment(" " * fill, style))
    return segments


def _display_pieces(
    layout: DocumentLayout, row: Row, highlights: Highlights
) -> list[tuple[str, int, int]]:
    """Highlight pieces of a row in display offsets (highlights keep original offsets)."""
    if layout.aids is None:
        return highlights.in_line(row.block, row.start, row.end)
    block = row.block
    start, end = layout.to_original(block, row.start), layout.to_original(block, row.end)
    return [
        (layer, layout.to_display(block, left), layout.to_display(block, right))
        for layer, left, right in highlights.in_line(block, start, end)
    ]


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
