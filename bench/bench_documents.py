"""What tables and code cost in the reading pane (not a test).

Run: ``PYTHONPATH=src python bench/bench_documents.py``. For each shape, the pure layout
(no Textual) of a 100-cell pane: the first row (setting the table or splitting the code,
once per width), the first screen of rows drawn (colouring code, measuring a long line:
once) and the next one (every frame after), best of three; then the same scrolled far
to the right. The shapes
are the hostile ones (a table of 100,000 cells, a code line of a megabyte) beside an
ordinary manual page's table and code.
"""

from __future__ import annotations

import time

from figures import load_line
from rich.style import Style

from tuireader.library.formats.table import table_block
from tuireader.library.model import CODE, PARAGRAPH, Article, ArticleMeta, Block
from tuireader.ui.widgets.reader.draw import Highlights, draw_row
from tuireader.ui.widgets.reader.layout import DocumentLayout
from tuireader.ui.widgets.reader.style import LAYER_CLASSES, ROLE_CLASSES

PALETTE = {name: Style() for name in ("base", *ROLE_CLASSES, *LAYER_CLASSES)}
PANE, SCREEN = 100, 36


def table(rows: int, columns: int) -> Block:
    """A table of ``rows`` × ``columns`` short mixed cells, a header row."""
    data = [[(f"单元{r}-{c} text", ()) for c in range(columns)] for r in range(rows)]
    block = table_block(data, 1)
    assert block is not None
    return block


SHAPES = {
    "manual table (12 x 4)": lambda: table(12, 4),
    "table 20,000 x 5 (1.6 MB)": lambda: table(20_000, 5),
    "table 20 x 5,000 (1.6 MB)": lambda: table(20, 5_000),
    "manual code (40 lines)": lambda: Block(CODE, "x = f(a, b)  # note\n" * 40, language="python"),
    "code 1 MB of 80-char lines": lambda: Block(CODE, ("y = compute(a)  # 注释" + "z" * 56 + "\n") * 12_000, language="python"),
    "code, one 1 MB ASCII line": lambda: Block(CODE, "z" * 1_000_000),
    "code, one 1 MB Chinese line": lambda: Block(CODE, "中" * 500_000),
}  # fmt: skip


def measure(block: Block, sideways: int) -> tuple[float, float, float]:
    """(first row, first screen, next screen) in ms, best of three."""
    article = Article(ArticleMeta(title="t"), blocks=(Block(PARAGRAPH, "前言。"), block))
    best = [1e9, 1e9, 1e9]
    for _ in range(3):
        layout = DocumentLayout(article, PANE, PANE)
        started = time.perf_counter()
        top = layout.block_top(1)
        layout.row(top)
        times = [time.perf_counter() - started]
        layout.sideways = sideways
        for _screen in range(2):
            started = time.perf_counter()
            for y in range(top, top + SCREEN):
                draw_row(layout, layout.row(y), PALETTE, Highlights())
            times.append(time.perf_counter() - started)
        best = [min(b, t * 1000) for b, t in zip(best, times, strict=True)]
    return best[0], best[1], best[2]


def main() -> None:
    """Print one line per shape: first row, screens at the start and scrolled far."""
    print(load_line())
    head = ("first row", "1st screen", "next", "far: 1st", "next")
    print(f"{'shape':<30}" + "".join(f"{h:>11}" for h in head) + "  (ms)")
    for name, make in SHAPES.items():
        block = make()
        first, screen, again = measure(block, 0)
        _, far, far_again = measure(block, 400_000)
        figures = (first, screen, again, far, far_again)
        print(f"{name:<30}" + "".join(f"{f:>11.1f}" for f in figures))


if __name__ == "__main__":
    main()
