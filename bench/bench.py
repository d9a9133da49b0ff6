"""Benchmarks for tuireader: ``python bench/bench.py [--n 10000] [--keep DIR] [--only ...]``.

Generates a synthetic library (``bench/synth.py``) in a temporary folder, then runs the
sections in order and prints each figure beside its target. Speed is measured here only,
never in the unit tests. Later work adds a section: a function ``(ctx) -> None`` that
prints its lines, registered in ``SECTIONS``.
"""

# ruff: noqa: I001  (import order depends on whether src/ is on the path)
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# After PYTHONPATH, so an explicit PYTHONPATH (or an installed checkout) wins.
sys.path.append(str(Path(__file__).resolve().parents[1] / "src"))

import bench_parse  # noqa: E402
import bench_state  # noqa: E402
import synth  # noqa: E402

from tuireader.catalog import Catalog  # noqa: E402

PARSE_TARGET = bench_parse.PARSE_TARGET
MEMORY_BOUND_MIB = 300


@dataclass
class Context:
    """What the sections share: the library, the work folder, the built catalog."""

    library: Path
    work: Path
    n: int
    catalog: Catalog | None = None
    notes: dict[str, float] = field(default_factory=dict)

    def built_catalog(self) -> Catalog:
        """The catalog, built (untimed) if no earlier section built it."""
        if self.catalog is None:
            self.catalog = Catalog(self.work / "cache" / "catalog.db", self.library)
            self.catalog.scan()
        return self.catalog


def report(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    """Print one figure, with its target when there is one, and ✓/✗ when it was judged."""
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    suffix = f"   (target: {target}){mark}" if target else mark
    print(f"  {name:<34} {value:>14}{suffix}", flush=True)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds taken by ``fn()`` and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def section_parse(ctx: Context) -> None:
    """Parse throughput per format, single process and with the catalog's pool."""
    bench_parse.section_parse(ctx, report)


def section_catalog(ctx: Context) -> None:
    """First catalog build, rescan of the unchanged library, catalog size."""
    db = ctx.work / "cache" / "catalog.db"
    shutil.rmtree(db.parent, ignore_errors=True)  # a kept library must not reuse a catalog
    ctx.catalog = Catalog(db, ctx.library)
    seconds, first = timed(ctx.catalog.scan)
    rate = ctx.n / seconds
    report(
        "first build", f"{seconds:.2f} s", f"<= {ctx.n / PARSE_TARGET:,.1f} s", rate >= PARSE_TARGET
    )
    report(
        "first build rate", f"{rate:,.0f} art/s", f">= {PARSE_TARGET:,} art/s", rate >= PARSE_TARGET
    )
    report("first build report", f"+{first.added} !{first.problems}")
    seconds, again = timed(ctx.catalog.scan)
    # 1 s at 10,000 articles; a larger library gets the same time per article.
    allowed = max(1.0, ctx.n / 10_000)
    target = "<= 1 s at 10,000" if allowed == 1.0 else f"<= {allowed:,.0f} s (1 s per 10,000)"
    report("rescan unchanged", f"{seconds:.2f} s", target, seconds <= allowed)
    report("rescan report", f"={again.unchanged} +{again.added} ~{again.updated}")
    size = sum(p.stat().st_size for p in db.parent.iterdir() if p.is_file())
    report("catalog size", f"{size / 2**20:,.1f} MiB")


def section_queries(ctx: Context) -> None:
    """Listing and tree latencies on the built catalog."""
    cat = ctx.built_catalog()
    total = cat.count()
    for sort in ("date", "title"):
        for label, offset in (("start", 0), ("end", max(total - 50, 0))):
            seconds, rows = timed(lambda o=offset, s=sort: cat.rows(offset=o, limit=50, sort=s))
            report(f"rows({sort}) at {label} ({offset})", f"{seconds * 1000:.1f} ms", "< 50 ms")
    tree = cat.section_tree()
    biggest = max(tree.children, key=lambda node: node.total)
    seconds, _ = timed(lambda: cat.rows(biggest.path, offset=biggest.total - 50, limit=50))
    report(f"rows in {biggest.name} at end", f"{seconds * 1000:.1f} ms", "< 50 ms")
    seconds, _ = timed(lambda: cat.count(biggest.path))
    report("count(section)", f"{seconds * 1000:.1f} ms")
    seconds, _ = timed(cat.section_tree)
    report("section_tree", f"{seconds * 1000:.1f} ms", "< 100 ms")
    first = cat.rows(limit=1)[0]
    seconds, article = timed(lambda: cat.load(first.id))
    report("load(id)", f"{seconds * 1000:.1f} ms")


def section_state(ctx: Context) -> None:
    """Listings with read marks: a state.db with every third article read, attached."""
    cat = ctx.built_catalog()
    state = ctx.work / "state-bench.db"
    state.unlink(missing_ok=True)
    fingerprints = [fp for fp, _ in cat.fingerprints_in_section(())]
    conn = sqlite3.connect(state)
    conn.execute("CREATE TABLE article_state (fingerprint TEXT PRIMARY KEY, read INTEGER)")
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, fingerprint TEXT)")
    conn.execute("CREATE INDEX bookmarks_fingerprint ON bookmarks(fingerprint)")
    conn.executemany(
        "INSERT OR IGNORE INTO article_state VALUES (?, 1)", [(f,) for f in fingerprints[::3]]
    )
    conn.executemany(
        "INSERT INTO bookmarks (fingerprint) VALUES (?)", [(f,) for f in fingerprints[::50]]
    )
    conn.commit()
    conn.close()
    cat.attach_state(state)
    unread = cat.count(unread_only=True)
    report("unread / total", f"{unread:,} / {cat.count():,}")
    for label, offset in (("start", 0), ("end", max(unread - 50, 0))):
        seconds, _ = timed(lambda o=offset: cat.rows(offset=o, limit=50, unread_only=True))
        report(f"rows(unread) at {label}", f"{seconds * 1000:.1f} ms", "< 50 ms")
    seconds, _ = timed(lambda: cat.count(unread_only=True))
    report("count(unread)", f"{seconds * 1000:.1f} ms")
    seconds, _ = timed(cat.section_tree)
    report("section_tree with unread", f"{seconds * 1000:.1f} ms", "< 100 ms")
    seconds, _ = timed(lambda: cat.rows(limit=50, bookmarked_only=True))
    report("rows(bookmarked)", f"{seconds * 1000:.1f} ms")
    cat.attach_state(ctx.work / "no-state.db")  # later sections see a plain catalog


def section_memory(ctx: Context) -> None:
    """Peak resident memory of this process and of a parse worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # No figure in the issue: this bench's own bound, so growth with the library shows.
    target = f"< {MEMORY_BOUND_MIB} MiB (bench bound)"
    report("peak memory (this process)", f"{own:,.0f} MiB", target, own < MEMORY_BOUND_MIB)
    # RUSAGE_CHILDREN would report the parent's size (pages a child held between fork and
    # exec); the parse section asks the workers themselves. Their memory does not grow
    # with the library: each holds one chunk of files at a time.
    worker = ctx.notes.get("worker_peak_mib")
    if worker is None:
        report("peak memory (parse worker)", "not measured", "run the parse section too")
    else:
        report(
            "peak memory (parse worker)", f"{worker:,.0f} MiB", target, worker < MEMORY_BOUND_MIB
        )


SECTIONS: dict[str, Callable[[Context], None]] = {
    "parse": section_parse,
    "catalog": section_catalog,
    "queries": section_queries,
    "state": section_state,
    "bookmarks": bench_state.section_state,
    "memory": section_memory,
    "search": lambda ctx: __import__("bench_search").section_search(ctx, report),
    "open": lambda ctx: __import__("bench_open").section_open(ctx, report),
    "compare": lambda ctx: __import__("bench_compare").section_compare(ctx, report),
}


def main() -> int:
    """Generate the library, run the chosen sections, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument("--only", help=f"comma-separated sections: {','.join(SECTIONS)}")
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(SECTIONS)
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    _print_machine()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tuireader-bench-"))
    try:
        ctx = Context(library=work / "library", work=work, n=args.n)
        _generate(ctx)
        for name in chosen:
            print(f"[{name}]", flush=True)
            SECTIONS[name](ctx)
        if ctx.catalog is not None:
            ctx.catalog.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _print_machine() -> None:
    """The machine's load at the start: figures from a busy machine are pessimistic."""
    one, five, fifteen = os.getloadavg()
    cores = os.cpu_count() or 1
    print(f"[machine] {cores} cores, load average {one:.2f} {five:.2f} {fifteen:.2f}", flush=True)
    if one > cores:
        print("  (busy: more runnable processes than cores; wall-clock figures suffer)")


def _generate(ctx: Context) -> None:
    """Generate the library unless a kept one with the right size is already there."""
    print(f"[generate] {ctx.n:,} articles in {ctx.library}", flush=True)
    marker = ctx.work / f".generated-{ctx.n}"
    if marker.exists():
        report("generation", "reused")
        return
    shutil.rmtree(ctx.library, ignore_errors=True)
    shutil.rmtree(ctx.work / "cache", ignore_errors=True)
    seconds, written = timed(lambda: synth.generate(ctx.library, ctx.n))
    report("generation", f"{seconds:.1f} s")
    report("library size", f"{written / 2**20:,.0f} MiB")
    marker.write_text("ok")


if __name__ == "__main__":
    raise SystemExit(main())
