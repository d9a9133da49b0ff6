"""Pure tests of the reader's layout, drawing and sentence selection (no app)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len
from rich.style import Style

from tuireader.library.model import (
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    RULE,
    Anchor,
    Article,
    ArticleMeta,
    Block,
)
from tuireader.ui.widgets.reader.draw import LESS, MORE, Highlights, draw_row
from tuireader.ui.widgets.reader.layout import DocumentLayout
from tuireader.ui.widgets.reader.select import SentenceSelection
from tuireader.ui.widgets.reader.style import LAYER_CLASSES, ROLE_CLASSES

ZH = "党的二十大报告传遍张掖大地，在张掖市广大党员干部群众中引发热议。全市上下迅速掀起学习热潮！"
EN = "The quick brown fox jumps over the lazy dog, supercalifragilisticexpialidocious. Again? "
HIGHLIGHT = Style(bgcolor="red")
PALETTE = {name: Style() for name in ("base", *ROLE_CLASSES, *LAYER_CLASSES)} | {
    "search": HIGHLIGHT,
    "search_current": Style(bold=True),
}


def sample_article() -> Article:
    """Every block kind, Chinese and English, a tab in code and a deep list."""
    blocks = (
        Block(HEADING, "第一章 开始", level=1),
        Block(PARAGRAPH, ZH * 3),
        Block(PARAGRAPH, EN * 4),
        Block(QUOTE, ZH + EN),
        Block(LIST_ITEM, EN * 2, level=0),
        Block(LIST_ITEM, ZH * 2, level=3, ordinal=12),
        Block(CODE, "def f(x):\n\treturn x  # 中文注释 " + "y" * 150 + "\n"),
        Block(RULE, ""),
        Block(HEADING, "Second part", level=2),
        Block(PARAGRAPH, "x" * 300),
    )
    return Article(
        ArticleMeta(title="标题 " + ZH, sections=("新闻", "要闻"), source="某报"), blocks=blocks
    )


def all_rows(layout: DocumentLayout) -> list:
    """Every row top to bottom (wrapping lazily as the widget does)."""
    rows, y = [], 0
    while (row := layout.row(y)).role != "end":
        rows.append(row)
        y += 1
    return rows


def row_text(layout: DocumentLayout, row) -> str:
    return "".join(segment.text for segment in draw_row(layout, row, PALETTE, Highlights()))


@pytest.mark.parametrize("pane", [6, 12, 23, 41, 80, 100, 140])
def test_every_row_fills_the_pane_exactly(pane: int) -> None:
    layout = DocumentLayout(sample_article(), pane, 80)
    for row in all_rows(layout):
        assert cell_len(row_text(layout, row)) == pane, row


@pytest.mark.parametrize("pane", [30, 100])
def test_text_column_is_centred_and_capped(pane: int) -> None:
    layout = DocumentLayout(sample_article(), pane, 60)
    assert layout.column == min(60, pane)
    assert layout.margin == (pane - layout.column) // 2


def test_lazy_rows_equal_eager_rows() -> None:
    lazy = DocumentLayout(sample_article(), 37, 80)
    eager = DocumentLayout(sample_article(), 37, 80)
    for index in range(len(eager.lines)):
        eager.ensure_wrapped(index)
    assert all_rows(lazy) == all_rows(eager)
    assert lazy.height == eager.height


def test_unwrapped_blocks_are_estimated_not_wrapped() -> None:
    layout = DocumentLayout(sample_article(), 50, 80)
    layout.row(0)
    assert layout.unwrapped == len(layout.lines)
    assert layout.height > len(layout.header)


def test_anchor_row_round_trip() -> None:
    layout = DocumentLayout(sample_article(), 33, 80)
    for y, row in enumerate(all_rows(layout)):
        if row.role == "line" and not (row.block == 0 and row.start == 0):
            anchor = layout.anchor_at(y)
            assert anchor == Anchor(row.block, row.start)
            assert layout.row_of(anchor) == y


def test_anchor_zero_is_the_title() -> None:
    layout = DocumentLayout(sample_article(), 40, 80)
    assert layout.row_of(Anchor(0, 0)) == 0
    assert layout.anchor_at(0) == Anchor(0, 0)
    assert layout.row(0).role == "title"


def test_mid_line_anchor_maps_to_its_line() -> None:
    layout = DocumentLayout(sample_article(), 30, 80)
    y = layout.row_of(Anchor(1, 40))
    row = layout.row(y)
    assert row.block == 1 and row.start <= 40 < row.end


def test_resize_keeps_the_block() -> None:
    wide = DocumentLayout(sample_article(), 100, 80)
    anchor = wide.anchor_at(wide.row_of(Anchor(2, 200)))
    narrow = DocumentLayout(sample_article(), 31, 80)
    again = narrow.anchor_at(narrow.row_of(anchor))
    assert again.block == 2
    assert again.offset <= anchor.offset < narrow.row(narrow.row_of(anchor)).end


@pytest.mark.parametrize("offset", [-7, -1, 3])
def test_settle_measures_from_the_anchor_after_wrapping(offset: int) -> None:
    layout = DocumentLayout(sample_article(), 23, 80)
    anchor = Anchor(9, 0)
    start = layout.settle(anchor, offset, 5)
    assert start == layout.row_of(anchor) + offset
    unwrapped = layout.unwrapped
    assert all(layout.row(y).role != "end" for y in range(start, start + 5))
    assert layout.unwrapped == unwrapped  # nothing left to wrap in those rows
    assert layout.row_of(anchor) + offset == start  # and the anchor did not move


def test_highlight_across_a_wrap_lights_each_part() -> None:
    layout = DocumentLayout(sample_article(), 24, 80)
    first = layout.row(layout.row_of(Anchor(1, 0)))
    span = (1, first.end - 3, first.end + 4)
    highlights = Highlights()
    highlights.set("search", [span])
    lit = ""
    for y in (layout.row_of(Anchor(1, 0)), layout.row_of(Anchor(1, 0)) + 1):
        segments = draw_row(layout, layout.row(y), PALETTE, highlights)
        lit += "".join(s.text for s in segments if s.style and s.style.bgcolor)
    assert lit == ZH[span[1] : span[2]]


def test_highlight_layers_stack() -> None:
    highlights = Highlights()
    highlights.set("search", [(3, 0, 10)])
    highlights.set("search_current", [(3, 5, 8)])
    assert highlights.in_line(3, 0, 6) == [("search", 0, 6), ("search_current", 5, 6)]
    assert highlights.in_line(2, 0, 50) == []


def test_header_has_title_meta_and_rule() -> None:
    layout = DocumentLayout(sample_article(), 200, 120)
    assert [row.role for row in layout.header] == ["title", "meta", "header_rule"]
    assert "新闻 › 要闻  ·  某报" in row_text(layout, layout.header[1])


def test_list_item_has_marker_and_hanging_indent() -> None:
    layout = DocumentLayout(sample_article(), 40, 80)
    top = layout.block_top(5)
    first, second = row_text(layout, layout.row(top)), row_text(layout, layout.row(top + 1))
    assert first.lstrip().startswith("12. ")
    assert first.index("12. ") + 4 == len(second) - len(second.lstrip())


def test_code_keeps_its_lines_whole_and_tabs_become_spaces() -> None:
    layout = DocumentLayout(sample_article(), 40, 80)
    all_rows(layout)
    top = layout.block_top(6)
    assert layout.heights[6] == 3  # three lines of code, however long
    code = [row_text(layout, layout.row(y)) for y in range(top, top + 3)]
    assert "\t" not in "".join(code)
    assert code[1].strip().startswith("return x")
    assert code[1].rstrip().endswith(MORE.strip())  # the long line is cut, and says so
    assert MORE.strip() not in code[0]
    assert layout.overflow(6) == cell_len(" return x  # 中文注释 " + "y" * 150) - 38


def test_sideways_scroll_moves_code_and_leaves_prose() -> None:
    layout = DocumentLayout(sample_article(), 40, 80)
    all_rows(layout)
    top = layout.block_top(6)
    prose = row_text(layout, layout.row(layout.block_top(2)))
    layout.sideways = 20
    shifted = row_text(layout, layout.row(top + 1))
    assert shifted.startswith(LESS)
    assert "y" * 20 in shifted
    assert "return" not in shifted
    assert row_text(layout, layout.row(layout.block_top(2))) == prose
    layout.sideways = 10_000  # never past the block's own end
    last = row_text(layout, layout.row(top + 1))
    assert last.rstrip().endswith("y") and MORE.strip() not in last
    assert cell_len(last) == 40


def test_rule_block_is_a_line() -> None:
    layout = DocumentLayout(sample_article(), 50, 80)
    assert row_text(layout, layout.row(layout.block_top(7))).strip() == "─" * 50


def test_gap_only_between_non_list_blocks() -> None:
    layout = DocumentLayout(sample_article(), 50, 80)
    assert layout.gaps[4] == 1 and layout.gaps[5] == 0 and layout.gaps[6] == 1


def test_empty_article_has_only_a_header() -> None:
    layout = DocumentLayout(Article(ArticleMeta(title="空")), 20, 80)
    assert [row.role for row in all_rows(layout)] == ["title", "header_rule"]
    assert layout.row_of(Anchor(3, 9)) == 0


def selection() -> SentenceSelection:
    blocks = (Block(PARAGRAPH, "一句。二句！"), Block(RULE, ""), Block(PARAGRAPH, "Three. Four?"))
    return SentenceSelection(blocks)


def test_selection_extends_across_paragraphs_and_shrinks_back() -> None:
    chosen = selection()
    assert chosen.start(Anchor(0, 4))
    assert chosen.bounds() == (Anchor(0, 3), Anchor(0, 6))
    chosen.extend(1)
    assert chosen.bounds() == (Anchor(0, 3), Anchor(2, 6))
    assert chosen.spans() == [(0, 3, 6), (2, 0, 6)]
    chosen.extend(1)
    assert chosen.bounds() == (Anchor(0, 3), Anchor(2, 12))
    chosen.extend(-2)
    assert chosen.bounds() == (Anchor(0, 3), Anchor(0, 6))
    chosen.extend(-1)
    assert chosen.bounds() == (Anchor(0, 0), Anchor(0, 6))


def test_selection_stops_at_the_article_ends() -> None:
    chosen = selection()
    chosen.start(Anchor(2, 0))
    chosen.extend(10)
    assert chosen.bounds() == (Anchor(2, 0), Anchor(2, 12))
    chosen.clear()
    assert chosen.bounds() is None


def test_layout_modules_do_not_import_textual() -> None:
    code = (
        "import sys, tuireader.ui.widgets.reader.layout, tuireader.ui.widgets.reader.draw,"
        " tuireader.ui.widgets.reader.select, tuireader.ui.widgets.reader.table,"
        " tuireader.ui.widgets.reader.syntax; print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("pane", [30, 48, 60])
def test_meta_lines_break_between_facts(pane: int) -> None:
    meta = ArticleMeta(
        title="数字经济走进菜园子",
        sections=("新闻", "国内", "经济"),
        source="田野观察",
        date="2024-10-15 10:40",
        author="杨静文 李玉洁",
    )
    layout = DocumentLayout(Article(meta, (Block(PARAGRAPH, ZH),)), pane, 80)
    shown = [row_text(layout, row).strip() for row in layout.header if row.role == "meta"]
    facts = ["新闻 › 国内 › 经济", "田野观察", "2024-10-15 10:40", "杨静文 李玉洁"]
    assert [fact for line in shown for fact in line.split("  ·  ")] == facts


def table_article() -> Article:
    from tuireader.library.formats.table import table_block
    from tuireader.library.model import ALIGN_RIGHT

    rows = [["名称", "数量"], ["苹果", "12"], ["梨子很多的一个品种", "3"]]
    table = table_block([[(c, ()) for c in row] for row in rows], 1, ("", ALIGN_RIGHT))
    assert table is not None
    return Article(ArticleMeta(title="表"), blocks=(Block(PARAGRAPH, "前言。"), table))


def test_table_rows_are_anchored_to_their_cells_and_back() -> None:
    layout = DocumentLayout(table_article(), 60, 60)
    rows = all_rows(layout)
    text = layout.article.blocks[1].text
    pear = text.index("梨子")
    y = layout.row_of(Anchor(1, pear))
    assert "梨子很多的一个品种" in row_text(layout, rows[y])
    assert layout.anchor_at(y) == Anchor(1, pear)


def test_a_click_on_a_right_aligned_cell_finds_its_text() -> None:
    layout = DocumentLayout(table_article(), 60, 60)
    all_rows(layout)
    text = layout.article.blocks[1].text
    three = text.rindex("3")
    y = layout.row_of(Anchor(1, three))
    drawn = row_text(layout, layout.row(y))
    x = cell_len(drawn[: drawn.rindex("3")])
    assert layout.anchor_at_cell(y, x) == Anchor(1, three)
    gap = cell_len(drawn[: drawn.index("│")])
    assert layout.anchor_at_cell(y, gap) is None  # the gap between columns is no text


@pytest.mark.parametrize("sideways", [0, 1, 7, 100, 599, 1200])
def test_a_long_chinese_code_line_scrolled_shows_the_right_cells(sideways: int) -> None:
    line = "中文" * 300 + "abc"  # 1,203 cells
    article = Article(ArticleMeta(title="码"), blocks=(Block(CODE, f"{line}\nshort"),))
    layout = DocumentLayout(article, 50, 50)
    all_rows(layout)
    layout.sideways = sideways
    drawn = row_text(layout, layout.row(layout.block_top(0)))
    assert cell_len(drawn) == 50
    shown = drawn[1:].removesuffix(" ").removesuffix(MORE).strip()
    assert shown and shown in line  # a stretch of the line (a split wide character aside)
    shift = min(sideways, layout.overflow(0))
    assert drawn.rstrip().endswith(MORE.strip()) == (shift + 48 < cell_len(line))
