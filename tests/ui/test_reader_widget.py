"""Pilot tests of the reading pane mounted in a tiny host app."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.message import Message

from tuireader.library.model import HEADING, PARAGRAPH, Anchor, Article, ArticleMeta, Block
from tuireader.library.sentences import sentence_spans
from tuireader.ui.widgets.reader.article_reader import ArticleReader

ZH = "党的二十大报告传遍张掖大地，在张掖市广大党员干部群众中引发热议。全市上下迅速掀起学习热潮！"
HOSTILE = "[@click=app.quit]x[/] and [bold]not bold[/bold] [link=http://x]y"


def article(paragraphs: int = 30) -> Article:
    """A Chinese article long enough to scroll through several screens."""
    blocks = [Block(HEADING, "第一章", level=1)]
    blocks += [Block(PARAGRAPH, f"第{n}段。" + ZH * 3) for n in range(paragraphs)]
    blocks.append(Block(PARAGRAPH, HOSTILE))
    return Article(
        ArticleMeta(title="测试文章", sections=("新闻",), date="2022-11-01"), blocks=tuple(blocks)
    )


class Host(App):
    """Mounts one reader and records the messages it posts."""

    def __init__(
        self, shown: Article, anchor: Anchor | None = None, background_wrap: bool = True
    ) -> None:
        super().__init__()
        self.shown, self.start, self.messages = shown, anchor, []
        self.background_wrap = background_wrap

    def compose(self) -> ComposeResult:
        yield ArticleReader(background_wrap=self.background_wrap)

    def on_mount(self) -> None:
        reader = self.query_one(ArticleReader)
        reader.show_article(self.shown, self.start)
        reader.focus()

    def on_article_reader_position_changed(self, message: Message) -> None:
        self.messages.append(message)

    def on_article_reader_reached_end(self, message: Message) -> None:
        self.messages.append(message)


def sync(test: Callable[[], Coroutine[Any, Any, None]]) -> Callable[[], None]:
    """Run an async Pilot test under asyncio (no async pytest plugin is needed)."""

    @functools.wraps(test)
    def run() -> None:
        asyncio.run(test())

    return run


def screen_text(reader: ArticleReader) -> list[str]:
    return [reader.render_line(y).text for y in range(reader.size.height)]


@sync
async def test_keys_move_the_anchor_down_and_back() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        assert reader.position == Anchor(0, 0)
        await pilot.press("space")
        after_page = reader.position
        assert after_page.block > 1
        await pilot.press("j", "j", "j")
        assert reader.scroll_offset.y == 29 + 3
        await pilot.press("k", "k", "k")
        assert reader.position == after_page
        await pilot.press("g")
        assert reader.position == Anchor(0, 0) and reader.percent == 0


@sync
async def test_position_changed_is_posted_after_scrolling() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+d")
        await pilot.pause(0.4)
        positions = [m for m in app.messages if isinstance(m, ArticleReader.PositionChanged)]
        reader = app.query_one(ArticleReader)
        assert positions and positions[-1].anchor == reader.position
        assert positions[-1].control is reader
        assert 0 < positions[-1].percent < 100


@sync
async def test_bottom_reaches_the_end_once() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        assert not any(isinstance(m, ArticleReader.ReachedEnd) for m in app.messages)
        await pilot.press("G")
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        assert reader.percent == 100
        assert any("[@click=app.quit]x[/]" in line for line in screen_text(reader))
        await pilot.press("k", "G")
        await pilot.pause()
        ends = [m for m in app.messages if isinstance(m, ArticleReader.ReachedEnd)]
        assert len(ends) == 1


@sync
async def test_short_article_reaches_end_at_once() -> None:
    app = Host(article(paragraphs=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any(isinstance(m, ArticleReader.ReachedEnd) for m in app.messages)


@sync
async def test_show_article_starts_at_the_anchor() -> None:
    app = Host(article(), Anchor(12, 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        assert reader.position == Anchor(12, 0)
        assert screen_text(reader)[0].strip().startswith("第11段。")


@sync
async def test_resize_keeps_the_paragraph() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.scroll_to_anchor(Anchor(15, 0))
        await pilot.pause()
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert reader.position == Anchor(15, 0)
        assert screen_text(reader)[0].strip().startswith("第14段。")
        assert all(cell_len(line) == 50 - 2 for line in screen_text(reader))  # 2: scrollbar
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert reader.position.block == 15


@sync
async def test_reading_width_caps_and_centres_the_column() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.reading_width = 40
        await pilot.pause()
        lines = [line for line in screen_text(reader) if line.strip()]
        assert all(len(line.rstrip()) <= 29 + 40 for line in lines)
        assert all(line.startswith(" " * 29) for line in lines)


@sync
async def test_highlights_style_exactly_their_cells() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.set_highlights("search", [(1, 4, 9)])
        reader.set_highlights("bookmark", [(2, 0, 3)])
        await pilot.pause()
        search_bg = reader.get_component_rich_style("reader--search").bgcolor
        y = next(y for y, line in enumerate(screen_text(reader)) if "第0段" in line)
        strip = reader.render_line(y)
        lit = "".join(s.text for s in strip if s.style and s.style.bgcolor == search_bg)
        assert lit == ZH[0:5]
        other = reader.render_line(y + 1)
        assert not any(s.style and s.style.bgcolor == search_bg for s in other)


@sync
async def test_hostile_text_is_drawn_literally() -> None:
    app = Host(article(paragraphs=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        assert any(HOSTILE in line for line in screen_text(reader))
        await pilot.click(ArticleReader, offset=(12, 4))
        assert app.is_running


@sync
async def test_sentence_selection_grows_shrinks_and_scrolls_into_view() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.scroll_to_anchor(Anchor(3, 0))
        ends = [end for _, end in sentence_spans(reader.article.blocks[3].text)]
        reader.start_selection()
        assert reader.selection == (Anchor(3, 0), Anchor(3, ends[0]))
        reader.extend_selection(2)
        assert reader.selection == (Anchor(3, 0), Anchor(3, ends[2]))
        await pilot.press("j")  # j extends while a selection is active
        assert reader.selection[1] == Anchor(3, ends[3])
        reader.extend_selection(-1)
        assert reader.selection == (Anchor(3, 0), Anchor(3, ends[2]))
        for _ in range(40):
            reader.extend_selection(1)
        end = reader.selection[1]
        assert end.block > 8
        assert reader.in_view(Anchor(end.block, end.offset - 1))
        await pilot.press("escape")
        assert reader.selection is None


@sync
async def test_clear_shows_nothing() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.clear()
        await pilot.pause()
        assert all(not line.strip() for line in screen_text(reader))
        assert reader.virtual_size.height == 0


def mixed_article(paragraphs: int = 400) -> Article:
    """Paragraphs whose estimated heights are off (Latin words, CJK, short lines)."""
    texts = [ZH * 2, "word " * 37 + "longwordthatcannotbreak " * 5, "短。", "x" * 81 + " y"]
    blocks = [Block(PARAGRAPH, f"P{n} " + texts[n % 4]) for n in range(paragraphs)]
    return Article(ArticleMeta(title="Mixed"), blocks=tuple(blocks))


@sync
async def test_paging_through_lazy_layout_never_skips_or_repeats() -> None:
    app = Host(mixed_article(), background_wrap=False)  # estimates stay in play
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        seen = screen_text(reader)
        for _ in range(12):
            await pilot.press("space")
            page = screen_text(reader)
            assert page[0] == seen[-1]  # a page keeps one line of context
            seen = page
        await pilot.press("G")
        bottom = screen_text(reader)
        await pilot.press("k")
        assert screen_text(reader)[1:] == bottom[:-1]


@sync
async def test_background_wrapping_keeps_the_reader_still() -> None:
    app = Host(mixed_article(), Anchor(250, 0))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        await pilot.press("k")  # the top row is now the blank line above paragraph 250
        before = screen_text(reader)
        assert not before[0].strip()
        while not reader.fully_wrapped:
            await pilot.pause(0.05)
        await pilot.pause()
        assert reader.position == Anchor(250, 0)
        assert screen_text(reader) == before
        assert reader.virtual_size.height == reader.document_height


@sync
async def test_centred_anchor_sits_mid_screen() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.scroll_to_anchor(Anchor(20, 0), center=True)
        await pilot.pause()
        assert screen_text(reader)[15].strip().startswith("第19段。")


@sync
async def test_theme_change_restyles_highlights() -> None:
    app = Host(article())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        reader.set_highlights("search", [(1, 0, 4)])
        app.theme = "textual-dark"
        await pilot.pause()
        dark = reader.render_line(6)
        app.theme = "textual-light"
        await pilot.pause()
        light = reader.render_line(6)
        assert dark.text == light.text and "第0段" in dark.text
        assert dark != light
