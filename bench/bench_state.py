"""State benchmarks: bookmark add latency, the bookmarks list query, re-anchoring.

Run alone: ``PYTHONPATH=src python bench/bench_state.py``; the main bench can call
``section_state(ctx)`` (it only needs ``ctx.work``, a scratch folder). Targets from the
issue: add ≤ 20 ms; list query over 10,000 bookmarks ≤ 0.3 s; re-anchoring 1,000
passages in edited articles ≤ 1 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

from tuireader.library.model import Anchor, Article, ArticleMeta, Block, Bookmark  # noqa: E402
from tuireader.state import StateStore  # noqa: E402
from tuireader.state.anchors import make_selector, reanchor  # noqa: E402

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于下子说年着就出也方后经济发展"
WORDS = [
    "river",
    "farmer",
    "cattle",
    "ground",
    "dawn",
    "market",
    "price",
    "report",
    "city",
    "council",
    "water",
    "road",
]


def report(name: str, value: str, target: str = "") -> None:
    """Print one figure beside its target."""
    suffix = f"   (target: {target})" if target else ""
    print(f"  {name:<34} {value:>14}{suffix}", flush=True)


def paragraph(rng: random.Random) -> str:
    """A paragraph of Chinese sentences with some English words."""
    sentences = []
    for _ in range(rng.randint(3, 7)):
        body = "".join(rng.choice(HANZI) for _ in range(rng.randint(12, 40)))
        sentences.append(body + " " + rng.choice(WORDS) + rng.choice("，。") + body[:6] + "。")
    return "".join(sentences)


def article(rng: random.Random, n: int, paragraphs: int = 30) -> Article:
    """A synthetic article of ``paragraphs`` paragraphs."""
    blocks = tuple(Block("paragraph", paragraph(rng)) for _ in range(paragraphs))
    return Article(ArticleMeta(title=f"文章 {n}"), blocks=blocks, path=f"bench/{n}.txt")


def bench_add(work: Path) -> None:
    """Latency of single bookmark adds, each its own committed transaction."""
    rng = random.Random(1)
    store = StateStore.open(work / "add" / "state.db", backups=False)
    art = article(rng, 0)
    times = []
    for i in range(300):
        block = rng.randrange(len(art.blocks))
        started = time.perf_counter()
        if i % 3 == 0:
            store.bookmarks.add_article(f"fp{i}", f"{i}.txt", f"title {i}")
        else:
            store.bookmarks.add_passage(art, Anchor(block, 0), Anchor(block, 20), "n", fp="fpA")
        times.append(time.perf_counter() - started)
    store.close()
    times.sort()
    report("add bookmark, median", f"{statistics.median(times) * 1000:.2f} ms", "≤ 20 ms")
    report("add bookmark, p95", f"{times[int(len(times) * 0.95)] * 1000:.2f} ms", "≤ 20 ms")


def bench_list(work: Path, total: int = 10_000) -> None:
    """The paged, filtered bookmarks query over ``total`` bookmarks."""
    rng = random.Random(2)
    store = StateStore.open(work / "list" / "state.db", backups=False)
    base = Bookmark(0, "", "", "", None, "", "2026-01-01T00:00:00.000Z")
    rows = []
    for i in range(total):
        quote = paragraph(rng)[:60] if i % 4 else None
        fp = f"fp{i // 5}"
        rows.append(replace(base, uid=f"u{i}", fingerprint=fp, path=f"{fp}.txt",
                            title=f"文章 {i // 5}", quote=quote, note=rng.choice(WORDS),
                            block=i % 30, start=0, end_block=i % 30, end=60))  # fmt: skip
    store.bookmarks.insert(rows)
    for label, filter_text, offset in (
        ("list first page + count", "", 0),
        ("list last page + count", "", total - 200),
        ("list filtered + count", "river", 0),
        ("list filtered CJK + count", "经济", 0),
    ):
        started = time.perf_counter()
        store.bookmarks.count(filter_text)
        store.bookmarks.page(filter_text, offset=offset, limit=200)
        report(f"{label} ({total:,})", f"{time.perf_counter() - started:.3f} s", "≤ 0.3 s")
    store.close()


def bench_reanchor(count: int = 1_000, per_article: int = 20) -> None:
    """Re-anchor ``count`` passages in articles edited in three ways."""
    rng = random.Random(3)
    work = []
    for n in range(count // per_article):
        original = article(rng, n)
        selectors = []
        for _ in range(per_article):
            block = rng.randrange(len(original.blocks))
            start = rng.randrange(max(1, len(original.blocks[block].text) - 40))
            end = min(len(original.blocks[block].text), start + rng.randint(10, 40))
            selectors.append(make_selector(original, Anchor(block, start), Anchor(block, end)))
        work.append((edit(rng, original), selectors))
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    for edited, selectors in work:
        for selector in selectors:
            status = reanchor(selector, edited).status
            statuses[status] = statuses.get(status, 0) + 1
    elapsed = time.perf_counter() - started
    report(f"re-anchor {count:,} passages", f"{elapsed:.3f} s", "≤ 1 s")
    print("   ", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))


def bench_reanchor_big(count: int = 100) -> None:
    """Re-anchor ``count`` changed passages in one edited article of about 1 MB."""
    rng = random.Random(4)
    original = article(rng, 0, paragraphs=1_500)
    selectors = []
    for _ in range(count):
        block = rng.randrange(len(original.blocks))
        selectors.append(make_selector(original, Anchor(block, 0), Anchor(block, 40)))
    edited = edit(rng, original)
    started = time.perf_counter()
    placed = sum(reanchor(s, edited).status != "orphaned" for s in selectors)
    elapsed = time.perf_counter() - started
    size = len(edited.body_text.encode()) / 1e6
    report(f"re-anchor {count} in a {size:.1f} MB article", f"{elapsed:.3f} s")
    print(f"    placed {placed}/{count}")


def edit(rng: random.Random, original: Article) -> Article:
    """Insert paragraphs at the top, change a word in some paragraphs, drop one."""
    blocks = [Block("paragraph", paragraph(rng)) for _ in range(2)]
    for block in original.blocks:
        text = block.text
        if rng.random() < 0.3:  # a small change inside the paragraph
            at = rng.randrange(len(text))
            text = text[:at] + "改" + text[at + 1 :]
        if rng.random() > 0.05:  # a few paragraphs are deleted
            blocks.append(Block("paragraph", text))
    return replace(original, blocks=tuple(blocks))


def section_state(ctx) -> None:
    """The bench section: every state figure, scratch files under ``ctx.work``."""
    bench_add(Path(ctx.work))
    bench_list(Path(ctx.work))
    bench_reanchor()
    bench_reanchor_big()


if __name__ == "__main__":
    print("[bookmarks]")
    with tempfile.TemporaryDirectory(prefix="tuireader-bench-state-") as temp:
        section_state(SimpleNamespace(work=Path(temp)))
