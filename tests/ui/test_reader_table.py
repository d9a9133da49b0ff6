"""Pure tests of tables set in columns (widths in cells, CJK double width, wrapped cells)."""

from __future__ import annotations

from rich.cells import cell_len

from tuireader.library.formats.table import table_block
from tuireader.library.model import ALIGN_RIGHT, Block
from tuireader.ui.widgets.reader.table import COLUMN_GAP, SQUEEZED, TableGrid, column_widths


def make_table(rows: list[list[str]], header_rows: int = 1, aligns=()) -> Block:
    block = table_block([[(cell, ()) for cell in row] for row in rows], header_rows, aligns)
    assert block is not None and block.table is not None
    return block


def grid_of(block: Block, column: int) -> TableGrid:
    assert block.table is not None
    return TableGrid(block.text, block.table, column)


def cells_on(grid: TableGrid, line: int) -> list[str]:
    return [grid.text[start:end] for start, end in grid.lines[line].cells]


def test_columns_are_as_wide_as_their_widest_cell_in_terminal_cells() -> None:
    block = make_table([["名称", "Type"], ["苹果树", "x"], ["a", "longer"]])
    grid = grid_of(block, 80)
    assert grid.widths == [6, 6]  # 苹果树 is three characters, six cells
    assert grid.width == 6 + cell_len(COLUMN_GAP) + 6
    assert cells_on(grid, 0) == ["名称", "Type"]
    assert cells_on(grid, 2) == ["苹果树", "x"]
    assert cells_on(grid, 3) == ["a", "longer"]
    assert grid.lines[1].rule
    assert [line.row for line in grid.lines] == [0, 0, 1, 2]


def test_a_table_wider_than_the_column_wraps_its_cells_inside_their_columns() -> None:
    long = "this cell says a great deal more than the others do"
    block = make_table([["key", "value"], ["a", long], ["b", "short"]])
    grid = grid_of(block, 30)
    assert grid.width <= 30
    row_lines = [line for line in grid.lines if line.row == 1]
    assert len(row_lines) > 1
    shown = " ".join(grid.text[slice(*line.cells[1])] for line in row_lines)
    assert shown.split() == long.split()  # every word, in order, none cut
    for line in row_lines:
        assert cell_len(grid.text[slice(*line.cells[1])]) <= grid.widths[1]
    # The other column's cell shows on the row's first line, empty below it.
    assert [grid.text[slice(*line.cells[0])] for line in row_lines][:2] == ["a", ""]


def test_wrapped_chinese_cells_break_between_characters() -> None:
    block = make_table(
        [["项目", "说明"], ["甲", "这是一段比较长的中文说明文字，需要在列内换行显示。"]]
    )
    grid = grid_of(block, 20)
    assert grid.width <= 20
    lines = [line for line in grid.lines if line.row == 1]
    text = "".join(grid.text[slice(*line.cells[1])] for line in lines)
    assert text == "这是一段比较长的中文说明文字，需要在列内换行显示。"
    assert all(cell_len(grid.text[slice(*line.cells[1])]) <= grid.widths[1] for line in lines)


def test_every_column_keeps_its_longest_word_when_there_is_room() -> None:
    widths = column_widths([["identifier", "a b c d e f g h i j k l m n o p"]], 2, 30)
    assert widths[0] == len("identifier")
    assert sum(widths) + cell_len(COLUMN_GAP) <= 30


def test_too_many_columns_for_the_pane_are_squeezed_then_scroll() -> None:
    cells = [[f"column{n:02d}" for n in range(12)]]
    widths = column_widths(cells, 12, 40)
    assert widths == [SQUEEZED] * 12
    assert sum(widths) + cell_len(COLUMN_GAP) * 11 > 40  # drawn wider: scrolls sideways


def test_offsets_map_to_the_line_that_shows_them() -> None:
    long = "alpha beta gamma delta epsilon zeta eta theta"
    block = make_table([["k", "v"], ["one", long]])
    grid = grid_of(block, 16)
    start = block.text.index("theta")
    line = grid.line_of(start)
    begin, end = grid.lines[line].cells[1]
    assert begin <= start < end
    assert grid.line_of(block.text.index("one")) == grid.lines.index(
        next(line for line in grid.lines if line.row == 1)
    )


def test_line_spans_rise_so_anchors_keep_their_order() -> None:
    block = make_table([["a", "b"], ["甲乙丙丁戊己庚辛", "一二三四五六七八九十"], ["x", "y"]])
    grid = grid_of(block, 12)
    starts = [start for start, _ in grid.spans]
    assert starts == sorted(starts)


def test_cells_under_the_mouse() -> None:
    block = make_table([["ab", "cd"], ["ef", "gh"]])
    grid = grid_of(block, 80)
    assert grid.cell_at(0, 0) == (0, 0)
    assert grid.cell_at(0, 1) == (0, 1)
    assert grid.cell_at(0, 2) is None  # the gap between the columns
    assert grid.cell_at(0, 2 + cell_len(COLUMN_GAP)) == (1, 0)
    assert grid.cell_at(1, 0) is None  # the header rule


def test_short_rows_get_empty_cells() -> None:
    block = make_table([["a", "b", "c"], ["only"]], aligns=("", "", ALIGN_RIGHT))
    grid = grid_of(block, 80)
    assert grid.columns == 3
    assert cells_on(grid, 2) == ["only", "", ""]


def test_a_huge_table_keeps_whole_cells_and_scrolls_instead_of_wrapping() -> None:
    from tuireader.ui.widgets.reader.table import WRAPPED_CELLS

    rows = [
        [f"row {n} has a rather long first cell", "b", "c"] for n in range(WRAPPED_CELLS // 3 + 2)
    ]
    grid = grid_of(make_table(rows), 20)
    assert grid.widths[0] == max(len(row[0]) for row in rows)  # the widest cell, whole
    assert len(grid.lines) == len(rows) + 1  # one line a row, and the header rule
    assert grid.width > 20  # wider than the pane: it scrolls sideways
