"""A table as one block: its text for search and positions, its cells for drawing.

Both Markdown pipe tables and HTML data tables end here. The block's text is one line per
row, cells joined by :data:`CELL_SEPARATOR` (what a plain view and search see); the
:class:`~tuireader.library.model.TableShape` records where each cell lies in that text,
the header rows and the column alignments. Spans inside cells (a link in a cell) are
moved to block offsets, so they stay followable.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.library.model import TABLE, Block, Span, TableShape

CELL_SEPARATOR = " | "


def table_block(
    rows: Sequence[Sequence[tuple[str, Sequence[Span]]]],
    header_rows: int = 0,
    aligns: Sequence[str] = (),
) -> Block | None:
    """One ``table`` block from rows of (cell text, cell spans); None when all empty.

    A line break inside a cell becomes a space: rows are lines of the block's text.
    """
    lines: list[str] = []
    shape: list[tuple[tuple[int, int], ...]] = []
    spans: list[Span] = []
    offset = 0
    kept_header = 0
    for number, row in enumerate(rows):
        cells = [(text.replace("\n", " "), cell_spans) for text, cell_spans in row]
        if not any(text for text, _ in cells):
            continue
        kept_header += number < header_rows
        positions: list[tuple[int, int]] = []
        column = offset
        for index, (text, cell_spans) in enumerate(cells):
            if index:
                column += len(CELL_SEPARATOR)
            positions.append((column, column + len(text)))
            spans.extend(
                Span(column + span.start, column + span.end, span.kind, span.target)
                for span in cell_spans
            )
            column += len(text)
        lines.append(CELL_SEPARATOR.join(text for text, _ in cells))
        shape.append(tuple(positions))
        offset = column + 1  # the "\n" ending the row
    if not lines:
        return None
    return Block(
        TABLE,
        "\n".join(lines),
        spans=tuple(spans),
        table=TableShape(tuple(shape), kept_header, tuple(aligns)),
    )
