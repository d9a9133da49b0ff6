"""The search section of the benchmark: index build, index size, query latencies.

Called from ``bench.py`` (``--only search``). Builds the search index on the catalog
(the catalog itself is built untimed first if needed), then times queries of 3+ and of
1-2 characters for the top 50 with snippets, and ``grep -rlF`` on the same files.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time

from tuireader import search as library_search

LONG_QUERIES = [
    "经济发展",
    "推进生态",
    "乡村旅游服务",
    "river",
    "city council",
    "festival",
    "数字平台",
    "museum opened",
    "engineers",
    "质量安全",
    "bridge",
    "the library",
    "会议部署",
    "zzq",
    "不存在的词",
]
SHORT_QUERIES = ["经济", "水", "旅游", "ab", "x", "乡"]


def section_search(ctx, report) -> None:
    """Print index build time and size, query latencies and the grep comparison."""
    cat = ctx.built_catalog()
    text_bytes = _text_bytes(cat)
    start, cpu = time.perf_counter(), time.process_time()
    status = library_search.build_index(cat)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    report("index build", f"{seconds:.1f} s", "<= 180 s at 100,000")
    report("index build CPU (one core)", f"{cpu:.1f} s")
    report("index status", f"{status.indexed:,}/{status.total:,} ready={status.ready}")
    index_bytes = _index_bytes(cat)
    report("text (catalog bodies)", f"{text_bytes / 2**20:,.0f} MiB")
    report("index size", f"{index_bytes / 2**20:,.0f} MiB")
    report("index / text", f"{index_bytes / text_bytes:.2f}x", "<= 2.5x")
    long_times = _time_queries(cat, LONG_QUERIES, report)
    report("3+ chars p50", f"{_pct(long_times, 50):.1f} ms", "<= 30 ms")
    report("3+ chars p95", f"{_pct(long_times, 95):.1f} ms", "<= 100 ms")
    short_times = _time_queries(cat, SHORT_QUERIES, report)
    report("1-2 chars max", f"{max(short_times):.1f} ms", "<= 300 ms")
    for query in ("经济发展", "museum opened", "经济"):
        start = time.perf_counter()
        total = library_search.count(cat, query)
        ms = (time.perf_counter() - start) * 1000
        report(f"exact count {query!r} ({total:,})", f"{ms:.0f} ms")
    _grep(ctx, LONG_QUERIES + SHORT_QUERIES, long_times + short_times, report)


def _time_queries(cat, queries: list[str], report) -> list[float]:
    """Milliseconds per query (top 50 with snippets), second run of each (warm)."""
    times = []
    for query in queries:
        library_search.search(cat, query, limit=50)
        start = time.perf_counter()
        results = library_search.search(cat, query, limit=50)
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        total = "not counted" if results.total is None else f"{results.total:,} articles"
        report(f"  {query!r} ({total})", f"{ms:.1f} ms")
    return times


def _pct(values: list[float], pct: int) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def _grep(ctx, queries: list[str], ours: list[float], report) -> None:
    """Time ``grep -rlF`` (case-sensitive, no folding) for the same queries."""
    grep_ms = []
    for query in queries[:6]:
        start = time.perf_counter()
        subprocess.run(["grep", "-rlF", "--", query, str(ctx.library)], capture_output=True)
        grep_ms.append((time.perf_counter() - start) * 1000)
    median_grep = statistics.median(grep_ms)
    median_ours = statistics.median(ours[:6])
    report("grep -rlF median", f"{median_grep:.0f} ms")
    report("grep / search (median)", f"{median_grep / max(median_ours, 0.001):,.0f}x")


def _text_bytes(cat) -> int:
    """UTF-8 bytes of every article body in the catalog (as stored: folded, which folding
    leaves within a few bytes of the original's length)."""
    conn = cat.queries().conn
    sql = "SELECT sum(length(CAST(folded AS BLOB))) FROM texts"
    return conn.execute(sql).fetchone()[0] or 1


def _index_bytes(cat) -> int:
    """Bytes of the search tables (folded text + FTS5), via dbstat when available."""
    conn = cat.queries().conn
    try:
        row = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'").fetchone()
        return row[0] or 0
    except Exception:  # dbstat not compiled in: fall back to the whole file growth
        return os.path.getsize(cat.db_path)
