"""The parse section of ``bench.py``: loader throughput per format, in one process and in
the catalog's process pool.

Each figure is the best of two runs. Single-process figures time ``loader.load_article`` file by file, in wall-clock and in CPU
seconds (on a shared machine the wall clock includes waiting for a core; CPU time does
not). Pool figures run the catalog's own worker function (``catalog_parse.parse_chunk``,
which also encodes each article into its stored form) with the catalog's number of workers
and chunk size, first end to end through ``catalog_parse.parse_all`` (starting the
workers included, as a scan pays it), then per format on a warm pool.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tuireader.catalog import parse as catalog_parse
from tuireader.catalog.codec import Job
from tuireader.library.files import rel_path_str, walk_library
from tuireader.library.loader import ArticleError, format_for, load_article

PARSE_SAMPLE = 2_000
PARSE_TARGET = 2_000  # articles per second (issue 2)

Report = Callable[..., None]


def section_parse(ctx, report: Report) -> None:
    """Per-format parse throughput, single process and with the catalog's pool."""
    files = sorted(walk_library(ctx.library))
    sample = random.Random(7).sample(files, min(PARSE_SAMPLE, len(files)))
    by_format: dict[str, list[Path]] = {}
    for path in sample:
        by_format.setdefault(format_for(path), []).append(path)
    report("parse sample", f"{len(sample)} files")
    _single_process(ctx.library, sample, by_format, report)
    peak = _pooled(ctx.library, sample, by_format, report)
    if peak is not None:
        ctx.notes["worker_peak_mib"] = peak


def _single_process(
    library: Path, sample: list[Path], by_format: dict[str, list[Path]], report: Report
) -> None:
    """``load_article`` in this process: the whole sample, then each format alone."""
    for path in sample[:50]:  # warm up: imports, regex compilation, caches
        _load(path, library)
    # Best of two runs: a neighbour's burst on a shared machine should not set the figure.
    wall, cpu, errors = min(_time_loads(library, sample) for _ in range(2))
    rate = len(sample) / wall
    report(
        "single process (wall clock)",
        f"{rate:,.0f} art/s",
        f">= {PARSE_TARGET:,} art/s",
        rate >= PARSE_TARGET,
    )
    cpu_rate = len(sample) / cpu
    report(
        "  per CPU second",
        f"{cpu_rate:,.0f} art/s",
        f">= {PARSE_TARGET:,}",
        cpu_rate >= PARSE_TARGET,
    )
    for fmt, paths in sorted(by_format.items()):
        wall, cpu, _ = min(_time_loads(library, paths) for _ in range(2))
        cpu_rate = len(paths) / cpu
        report(
            f"  {fmt}, {len(paths)} files ({cpu_rate:,.0f}/CPU s)",
            f"{len(paths) / wall:,.0f} art/s",
        )
    report("parse errors", str(errors), "0", errors == 0)


def _time_loads(library: Path, paths: Sequence[Path]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and errors for loading ``paths`` one after another."""
    errors = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    for path in paths:
        errors += not _load(path, library)
    return time.perf_counter() - start, time.process_time() - cpu_start, errors


def _load(path: Path, library: Path) -> bool:
    try:
        load_article(path, library)
    except ArticleError:
        return False
    return True


def _pooled(
    library: Path, sample: list[Path], by_format: dict[str, list[Path]], report: Report
) -> float | None:
    """The catalog's pool: end to end (workers started), then per format on a warm pool.

    Returns the largest peak memory of the warm pool's workers (MiB).
    """
    workers = catalog_parse._cores()
    report("pool workers", f"{workers} (of {os.cpu_count()} cores)")
    jobs = _jobs(library, sample)
    threshold = catalog_parse.PARALLEL_THRESHOLD
    if len(jobs) <= threshold:
        report("pool", f"skipped (<= {threshold} files)")
        return None
    start = time.perf_counter()
    outcomes = sum(1 for _ in catalog_parse.parse_all(jobs))
    rate = outcomes / (time.perf_counter() - start)
    report(
        "pool, with start-up",
        f"{rate:,.0f} art/s",
        f">= {PARSE_TARGET:,} art/s",
        rate >= PARSE_TARGET,
    )
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Start the workers and let each parse every format once (imports, caches).
        list(pool.map(catalog_parse.parse_chunk, [jobs[:32]] * workers * 2))
        seconds = min(_pool_time(pool, jobs) for _ in range(2))
        rate = len(jobs) / seconds
        report(
            "pool, warm", f"{rate:,.0f} art/s", f">= {PARSE_TARGET:,} art/s", rate >= PARSE_TARGET
        )
        for fmt, paths in sorted(by_format.items()):
            seconds = min(_pool_time(pool, _jobs(library, paths)) for _ in range(2))
            report(f"  {fmt} ({len(paths)} files)", f"{len(paths) / seconds:,.0f} art/s")
        # Several small tasks, so that every worker answers at least once (usually).
        return max(pool.map(worker_peak_mib, range(workers * 4)))


def worker_peak_mib(_: int) -> float:
    """This process's peak resident memory in MiB, as the kernel counts it since exec.

    Not ``getrusage``: its ``ru_maxrss`` keeps the high-water mark of the parent's pages
    the process had between fork and exec, which says how big the parent was.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pool_time(pool: ProcessPoolExecutor, jobs: list[Job]) -> float:
    """Seconds for the pool to parse ``jobs`` in the catalog's chunks."""
    size = catalog_parse._CHUNK
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    start = time.perf_counter()
    for _ in pool.map(catalog_parse.parse_chunk, chunks):
        pass
    return time.perf_counter() - start


def _jobs(library: Path, paths: Sequence[Path]) -> list[Job]:
    """Catalog jobs for ``paths`` (stat facts are not used by parsing)."""
    return [Job(path, library, rel_path_str(path, library), 0, 0) for path in paths]
