"""Benchmark the find bar on long articles: matching cost and UI-thread cost per key.

    PYTHONPATH=src python bench/bench_find_bar.py

For the longest sample article (311 KB) and a ~1 MB article made of three copies of it:
  * matching: ``find_in_text`` (folds every call) against ``FoldedBlocks`` (folds once),
    for a common one-character term and a rare phrase, best of five.
  * per key press, through the app (Pilot, 120x36): time from the edit reaching the
    screen to its hits being shown (includes the 60 ms typing pause on long articles and
    the worker), Pilot's own key → hits time, and the time the UI thread spends in the
    find handlers (the input echo itself is Textual's).
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from tuireader.config import Paths, Settings  # noqa: E402
from tuireader.library.loader import load_article  # noqa: E402
from tuireader.search.find import FoldedBlocks, find_in_text  # noqa: E402

SAMPLE = REPO / "sample_articles" / "小说" / "长篇" / "2019-01-20-河流与城市.md"
TERMS = ("的", "经济一下子活了")


def best_ms(call, runs: int = 5) -> float:
    """Best wall time of ``call`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def matching(path: Path, root: Path) -> None:
    """Print the cost of one query with and without the folded cache."""
    article = load_article(path, root)
    blocks = [block.text for block in article.blocks]
    size = path.stat().st_size
    folded = FoldedBlocks(blocks)
    first = best_ms(lambda: FoldedBlocks(blocks).find("x"), runs=3)
    for term in TERMS:
        plain = best_ms(lambda t=term: find_in_text(blocks, t))
        cached = best_ms(lambda t=term: folded.find(t))
        hits = len(folded.find(term).matches)
        print(
            f"  {size / 1e6:.2f} MB  {term!r:18} {hits:6} hits  find_in_text {plain:6.1f} ms"
            f"  FoldedBlocks {cached:5.1f} ms (first fold {first:.1f} ms)"
        )


async def per_key(library: Path, rel: str, keys: str) -> None:
    """Type ``keys`` in the find bar; print wall and UI-thread time per key."""
    from tuireader.ui.app import TuireaderApp
    from tuireader.ui.controllers.find import Finder

    spent: list[float] = []
    edited: list[float] = []  # when the last edit reached the screen
    latency: list[float] = []  # edit reached the screen → its hits shown

    def wrap(name: str) -> None:
        # The screen hands the find bar's edits and the worker's hits to the Finder.
        original = getattr(Finder, name)

        def timed(self, message):
            start = time.perf_counter()
            if name == "changed":
                edited.append(start)
            original(self, message)
            end = time.perf_counter()
            spent.append(end - start)
            if name == "done" and edited:
                latency.append(end - edited[-1])

        setattr(Finder, name, timed)

    wrap("changed")
    wrap("done")
    tmp = Path(tempfile.mkdtemp())
    paths = Paths(tmp / "data", tmp / "cache", tmp / "config.yaml")
    app = TuireaderApp(paths, Settings(), library)
    walls = []
    async with app.run_test(size=(120, 36)) as pilot:
        from tests.ui.conftest import settle

        await settle(pilot)
        app.screen.open_path(rel)
        await settle(pilot)
        await pilot.press("slash")
        typed = ""
        for key in keys:
            typed += key
            start = time.perf_counter()
            await pilot.press(key)
            while app.screen.finder.state.query != typed:
                await asyncio.sleep(0.001)
            walls.append(time.perf_counter() - start)
        hits = len(app.screen.finder.state.matches)
    shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"  {rel}: {len(keys)} keys, {hits} hits at the end; edit → hits shown (in the app): "
        f"median {statistics.median(latency) * 1000:.0f} ms, max {max(latency) * 1000:.0f} ms; "
        f"Pilot key → hits shown: median {statistics.median(walls) * 1000:.0f} ms; UI thread in "
        f"find handlers per call: median {statistics.median(spent) * 1000:.1f} ms, "
        f"max {max(spent) * 1000:.1f} ms"
    )


def main() -> None:
    """Build a library with the long article and a 1 MB one; measure both."""
    root = Path(tempfile.mkdtemp()) / "lib"
    (root / "long").mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    (root / "long" / "sample.md").write_text(text, encoding="utf-8")
    (root / "long" / "big.md").write_text(head + "\n---\n" + body * 3, encoding="utf-8")
    print("matching:")
    for name in ("sample.md", "big.md"):
        matching(root / "long" / name, root)
    print("typing in the find bar:")
    for name in ("sample.md", "big.md"):
        asyncio.run(per_key(root, f"long/{name}", "经济一下子"))
    shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
