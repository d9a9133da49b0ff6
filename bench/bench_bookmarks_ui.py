"""Benchmark the bookmarks screen (``B``) with 10,000 bookmarks in state.db.

    PYTHONPATH=src python bench/bench_bookmarks_ui.py [--count 10000] [--runs 5]

Builds a 200-article library and a state.db holding ``--count`` passage bookmarks over
those articles (a tenth with notes, a few on articles that are gone), then runs the app
headless (Textual's Pilot, 120x36) and prints, best and median of ``--runs``:
  * B → painted: from the key press to the first paint of the screen, its first page
    of bookmarks drawn (target ≤ 0.3 s), and on to every bookmark listed (the rest is
    read in a thread after that paint);
  * filter: from typing one more character in the filter to the list shown again
    (includes the 0.12 s typing pause the screen waits for);
  * the state query alone (bookmarks.matching()) and the orphan check alone.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tuireader.config import Paths, Settings
from tuireader.library.model import Bookmark
from tuireader.state import StateStore

ARTICLES = 200


def make_library(root: Path) -> None:
    """Write ``ARTICLES`` small Markdown articles in ten sections."""
    for n in range(ARTICLES):
        folder = root / f"section-{n % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(
            f"第{p}段。这是第{n}篇文章的一句话。Another sentence {p}." for p in range(20)
        )
        (folder / f"a{n:04d}.md").write_text(f"---\ntitle: 文章 {n}\n---\n\n{body}\n", "utf-8")


def fill_state(state_db: Path, count: int) -> None:
    """Store ``count`` passage bookmarks spread over the articles (some orphaned)."""
    store = StateStore.open(state_db, backups=False)
    made = []
    for n in range(count):
        article = n % (ARTICLES + 10)  # ten "articles" that are not in the library
        note = f"笔记 {n} 值得再读" if n % 10 == 0 else ""
        made.append(
            Bookmark(0, f"fp{article:04d}", f"section-{article % 10}/a{article:04d}.md",
                     f"文章 {article}", f"这是第{article}篇文章的一句话。({n})", note,
                     "2026-01-01T00:00:00Z", block=n % 20, start=0, end=10, end_block=n % 20,
                     uid=uuid.uuid4().hex)
        )  # fmt: skip
    store.bookmarks.insert(made)
    store.close()


async def one_run(paths: Paths, library: Path) -> tuple[float, float, float]:
    """Seconds from B to the painted screen and to the full list; filter to new list."""
    from tuireader.ui.app import TuireaderApp
    from tuireader.ui.screens.bookmarks import BookmarksScreen
    from tuireader.ui.widgets.bookmark_list import BookmarkList

    app = TuireaderApp(paths, Settings(), library)
    painted: list[float] = []
    listed: list[float] = []
    show = BookmarkList.show

    def timed_show(self, bookmarks, orphaned, cursor=0) -> None:
        show(self, bookmarks, orphaned, cursor)
        listed.append(time.perf_counter())

    BookmarkList.show = timed_show  # type: ignore[method-assign]
    display = app._display  # the frame handed to the terminal driver

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if isinstance(screen, BookmarksScreen) and not painted:
            painted.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        while getattr(app.screen, "library", None) is None:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        start = time.perf_counter()
        await pilot.press("B")
        while not painted:
            await pilot.pause(0.001)
        opened = painted[0] - start
        listing, total = app.screen.bookmark_list, app.library.state.bookmarks.count()
        while listing.count < total:
            await pilot.pause(0.005)
        complete = listed[-1] - start
        expected = app.library.state.bookmarks.count("9")
        await pilot.press("slash")
        start = time.perf_counter()
        await pilot.press("9")
        while listing.count != expected:
            await pilot.pause(0.005)
        filtered = time.perf_counter() - start
    BookmarkList.show = show  # type: ignore[method-assign]
    return opened, complete, filtered


def time_query(state_db: Path, paths: Paths, library: Path) -> tuple[float, float]:
    """Seconds for every bookmark (bookmarks.page of all), and for the orphan check."""
    from tuireader.ui.library import Library

    lib = Library(paths, library)
    start = time.perf_counter()
    found = lib.state.bookmarks.page("", 0, lib.state.bookmarks.count(""))
    query = time.perf_counter() - start
    start = time.perf_counter()
    lib.orphaned_ids(found)
    check = time.perf_counter() - start
    lib.close()
    return query, check


def line(name: str, values: list[float], target: str = "") -> None:
    """Print best and median in milliseconds."""
    best, median = min(values) * 1000, statistics.median(values) * 1000
    print(f"  {name:<34} best {best:7.1f} ms   median {median:7.1f} ms   {target}")


def main() -> int:
    """Build the data once, then time the screen several times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bm-") as tmp:
        work = Path(tmp)
        paths = Paths(work / "data", work / "cache", work / "config.yaml")
        make_library(work / "library")
        paths.state_db.parent.mkdir(parents=True, exist_ok=True)
        fill_state(paths.state_db, args.count)
        runs = [asyncio.run(one_run(paths, work / "library")) for _ in range(args.runs)]
        queries = [time_query(paths.state_db, paths, work / "library") for _ in range(args.runs)]
    print(f"bookmarks screen, {args.count:,} bookmarks over {ARTICLES + 10} articles:")
    line("B → screen painted (first page)", [r[0] for r in runs], "(target ≤ 300 ms)")
    line("B → every bookmark listed", [r[1] for r in runs])
    line("filter keystroke → list shown", [r[2] for r in runs], "(includes 120 ms pause)")
    line("bookmarks.page (all)", [q[0] for q in queries])
    line("orphan check (catalog look-ups)", [q[1] for q in queries])
    return 0


if __name__ == "__main__":
    sys.exit(main())
