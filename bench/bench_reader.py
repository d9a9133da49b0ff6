"""Print how fast the reading pane is on a 1 MB Chinese article (not a test).

Run: ``PYTHONPATH=src python bench/bench_reader.py``. Figures are wall time of the call
plus drawing every visible row, measured inside a headless Textual app of 100x30.
"""

from __future__ import annotations

import asyncio
import random
import time

from textual.app import App, ComposeResult

from tuireader.library.model import HEADING, PARAGRAPH, Anchor, Article, ArticleMeta, Block
from tuireader.ui.widgets.reader.article_reader import ArticleReader
from tuireader.ui.widgets.reader.layout import DocumentLayout

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于下子说年着就出也方后"
PUNCT = "，，，。、；"


def chinese_article(megabytes: float = 1.0, paragraph_chars: int = 600, seed: int = 7) -> Article:
    """An article of random Chinese paragraphs (3 UTF-8 bytes a character)."""
    rng = random.Random(seed)
    pool = "".join(
        rng.choice(HANZI) if rng.random() > 0.08 else rng.choice(PUNCT) for _ in range(200_000)
    )
    total = int(megabytes * 1024 * 1024 / 3)
    blocks: list[Block] = []
    made = 0
    while made < total:
        size = min(total - made, rng.randint(paragraph_chars // 3, paragraph_chars * 2))
        start = rng.randrange(len(pool) - size)
        text = pool[start : start + size]
        kind = HEADING if len(blocks) % 40 == 0 else PARAGRAPH
        blocks.append(Block(kind, text[:30] if kind == HEADING else text, level=2))
        made += size
    return Article(
        ArticleMeta(title="一兆字节的中文文章", sections=("基准",)), blocks=tuple(blocks)
    )


class Host(App):
    """A bare app holding the reader."""

    def compose(self) -> ComposeResult:
        yield ArticleReader()


def paint(reader: ArticleReader) -> None:
    """Draw every visible row, as a screen refresh would."""
    for y in range(reader.size.height):
        reader.render_line(y)


def watch_paints(reader: ArticleReader) -> list[float]:
    """Record when the screen asks the reader for its lines (a real paint)."""
    painted: list[float] = []
    render_lines = reader.render_lines

    def recording(crop):
        strips = render_lines(crop)
        if not painted and reader.is_typeset:
            painted.append(time.perf_counter())
        return strips

    reader.render_lines = recording  # type: ignore[method-assign]
    return painted


def timed(label: str, action, reader: ArticleReader) -> None:
    """Print the wall and CPU time of ``action`` followed by a paint."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    paint(reader)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<38} {wall * 1000:8.1f} ms wall {cpu * 1000:8.1f} ms cpu")


async def bench(article: Article, name: str) -> None:
    """Time the reader's main operations on ``article``."""
    chars = sum(len(b.text) for b in article.blocks)
    print(f"-- {name}: {len(article.blocks)} blocks, {chars} chars")
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(ArticleReader)
        timed("show_article + first paint", lambda: reader.show_article(article), reader)
        reader.clear()
        await pilot.pause()
        painted = watch_paints(reader)
        wall = time.perf_counter()
        reader.show_article(article)
        await pilot.pause()
        label = "show_article -> first screen render"
        print(f"{label:<38} {(painted[0] - wall) * 1000:8.1f} ms wall")
        timed("jump to end (G)", reader.action_bottom, reader)
        timed("one line scroll up", reader.action_line_up, reader)
        timed("one line scroll down", reader.action_line_down, reader)
        timed("page down", reader.action_page_down, reader)
        timed("jump to top", reader.action_top, reader)
        middle = Anchor(len(article.blocks) // 2, 0)
        timed("scroll_to_anchor(middle)", lambda: reader.scroll_to_anchor(middle), reader)
        timed(
            "reading_width 80 -> 60 (re-wrap)", lambda: setattr(reader, "reading_width", 60), reader
        )
        painted.clear()
        wall = time.perf_counter()
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        label = "terminal resize 100 -> 70, first render"
        print(f"{label:<38} {(painted[0] - wall) * 1000:8.1f} ms wall")
        print(f"   anchor kept: {reader.position} (asked {middle})")
    started = time.perf_counter()
    layout = DocumentLayout(article, 98, 80)
    for index in range(len(article.blocks)):
        layout.ensure_wrapped(index)
    print(
        f"{'wrap every block (background total)':<38} {(time.perf_counter() - started) * 1000:8.1f} ms wall"
    )


def main() -> None:
    """Run the benchmark on a many-paragraph and a single-paragraph 1 MB article."""
    asyncio.run(bench(chinese_article(), "1 MB Chinese, paragraphs"))
    asyncio.run(bench(chinese_article(10), "10 MB Chinese, paragraphs"))
    article = chinese_article()
    one = Block(PARAGRAPH, "".join(b.text for b in article.blocks)[: 64 * 1024])
    asyncio.run(
        bench(
            Article(ArticleMeta(title="64K 字一段"), blocks=(one,)),
            "one 64K-char paragraph (loader's cap)",
        )
    )
    asyncio.run(bench(chinese_article(1, paragraph_chars=3), "1 MB in tiny paragraphs"))


if __name__ == "__main__":
    main()
