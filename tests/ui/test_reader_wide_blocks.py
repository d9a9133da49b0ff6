"""Pilot tests of tables and code in the reading pane: columns line up in cells, code
lines stay whole and scroll sideways (keys and wheel) while prose stays put, inline
spans take their styles from the theme."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events

from tests.ui.test_reader_widget import Host, screen_text, sync
from tuireader.library.formats.table import table_block
from tuireader.library.model import (
    CODE,
    PARAGRAPH,
    SPAN_LINK,
    SPAN_STRONG,
    Anchor,
    Article,
    ArticleMeta,
    Block,
    Span,
)
from tuireader.ui.widgets.reader.article_reader import ArticleReader
from tuireader.ui.widgets.reader.draw import LESS, MORE
from tuireader.ui.widgets.reader.table import COLUMN_GAP

LONG_LINE = "result = compute(" + ", ".join(f"argument_{n}" for n in range(20)) + ")"
PROSE = "这一段文字很长，" * 30


def document(paragraphs_after: int = 0) -> Article:
    rows = [
        ["名称", "说明", "数量"],
        ["苹果", "红色的水果，产自北方的果园。", "12"],
        ["pear", "green", "3"],
    ]
    table = table_block([[(cell, ()) for cell in row] for row in rows], header_rows=1)
    assert table is not None
    blocks = [
        Block(PARAGRAPH, PROSE),
        table,
        Block(CODE, "def f():\n    " + LONG_LINE + "\n    return result", language="python"),
        Block(
            PARAGRAPH,
            "See the guide now.",
            spans=(Span(4, 13, SPAN_LINK, "guide.md"), Span(14, 17, SPAN_STRONG)),
        ),
        *(Block(PARAGRAPH, f"第{n}段。" + PROSE) for n in range(paragraphs_after)),
    ]
    return Article(ArticleMeta(title="宽的内容"), blocks=tuple(blocks))


def lines_with(reader: ArticleReader, needle: str) -> list[str]:
    return [line for line in screen_text(reader) if needle in line]


@sync
async def test_table_columns_line_up_in_cells_with_chinese_cells() -> None:
    app = Host(document())
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        rows = [line for line in screen_text(reader) if "│" in line]
        assert len(rows) == 3  # header and two rows (the rule crosses with ┼)
        gaps = {cell_len(line[: line.index("│")]) for line in rows}
        assert len(gaps) == 1  # the first gap sits at one cell column in every row
        header = rows[0]
        assert header.split("│")[0].strip() == "名称"
        assert any("┼" in line for line in screen_text(reader))
        assert COLUMN_GAP.strip() in rows[1]


@sync
async def test_code_scrolls_sideways_and_the_prose_stays_put() -> None:
    app = Host(document())
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        prose_before = lines_with(reader, "这一段")
        [cut] = lines_with(reader, "result = compute(")
        assert cut.rstrip().endswith(MORE.strip())
        await pilot.press("right")
        assert reader.sideways > 0
        [shifted] = [line for line in screen_text(reader) if LESS in line and "argument" in line]
        assert "result = compute(" not in shifted
        assert lines_with(reader, "这一段") == prose_before
        for _ in range(20):
            await pilot.press("right")
        [end] = [line for line in screen_text(reader) if "argument_19)" in line]
        assert MORE.strip() not in end  # at the end of the longest line: nothing more
        await pilot.press("left")
        assert reader.sideways > 0
        for _ in range(20):
            await pilot.press("left")
        assert reader.sideways == 0
        assert lines_with(reader, "result = compute(") == [cut]


@sync
async def test_the_sideways_wheel_scrolls_code_too() -> None:
    app = Host(document())
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        event = events.MouseScrollRight(reader, 5, 5, 0, 0, 0, False, False, False)
        reader.post_message(event)
        await pilot.pause()
        assert reader.sideways > 0


@sync
async def test_sideways_scroll_ends_when_no_wide_block_is_on_screen() -> None:
    app = Host(document(paragraphs_after=40))
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        await pilot.press("right")
        assert reader.sideways > 0
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert reader.sideways == 0  # the next wide block shows from its first column


@sync
async def test_inline_spans_are_styled_from_the_theme() -> None:
    app = Host(document())
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        y = next(n for n, line in enumerate(screen_text(reader)) if "See the guide" in line)
        strip = reader.render_line(y)
        styles = {segment.text.strip(): segment.style for segment in strip if segment.text.strip()}
        assert styles["the guide"].underline
        assert styles["now"].bold
        assert not styles["See"].underline


@sync
async def test_a_find_hit_far_along_a_code_line_is_scrolled_into_view() -> None:
    app = Host(document())
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        code = reader.article.blocks[2].text
        hit = code.index("argument_17")
        reader.set_highlights("search_current", [(2, hit, hit + len("argument_17"))])
        reader.scroll_to_anchor(Anchor(2, hit), center=True)
        await pilot.pause()
        assert reader.sideways > 0
        assert lines_with(reader, "argument_17")
        reader.scroll_to_anchor(Anchor(0, 0))  # prose: the sideways scroll is left alone
        assert reader.sideways > 0
