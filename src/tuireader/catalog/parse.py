"""Parse many files, in worker processes when it pays, yielding outcomes in order.

Worker processes are started with ``spawn``: the scan may run in a thread of the UI
process, and forking a process that has other threads can copy a held lock into the
child. At most a few chunks are in flight, so memory stays bounded however large the
library. If the pool breaks (a worker killed by the OOM killer, say), the remaining files
are parsed in this process. The workers run at a lower priority than the process that
started them (``WORKER_NICENESS``): that process stores what they parse (and, for a scan
that indexes as it goes, indexes it), the longer task of a first build, and may be the
app's UI.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tuireader.catalog.codec import Job, Outcome, parse_outcomes

#: Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200
WORKERS = 2
_CHUNK = 16
_IN_FLIGHT = 8
#: The workers yield to the process that started them (its UI, and the writer that
#: stores and indexes what they parse: the longer task of a first build).
WORKER_NICENESS = 5


def parse_all(
    jobs: Sequence[Job], progress: Callable[[int, int], None] | None = None
) -> Iterator[list[Outcome]]:
    """Parse every job, yielding each job's outcomes in job order, reporting (done, total).

    A job gives one outcome, or one per chapter for a book.
    """
    total = len(jobs)
    source = _parallel(jobs) if total > PARALLEL_THRESHOLD and _cores() > 1 else _serial(jobs)
    for done, outcomes in enumerate(source, 1):
        if progress is not None:
            progress(done, total)
        yield outcomes


def _cores() -> int:
    """How many worker processes to use."""
    return min(WORKERS, os.cpu_count() or 1)


def _serial(jobs: Sequence[Job]) -> Iterator[list[Outcome]]:
    """Parse in this process."""
    for job in jobs:
        yield parse_outcomes(job)


def parse_chunk(jobs: list[Job]) -> list[list[Outcome]]:
    """Parse a few jobs in a worker (fewer round trips than one job per task)."""
    return [parse_outcomes(job) for job in jobs]


def _yield_to_parent() -> None:
    """Run this worker at a lower priority than its parent (see WORKER_NICENESS)."""
    with contextlib.suppress(OSError):  # not allowed here: parse at the same priority
        os.nice(WORKER_NICENESS)


def _parallel(jobs: Sequence[Job]) -> Iterator[list[Outcome]]:
    """Parse in a process pool, keeping a bounded number of chunks in flight."""
    chunks = [list(jobs[i : i + _CHUNK]) for i in range(0, len(jobs), _CHUNK)]
    context = multiprocessing.get_context("spawn")
    done = 0
    try:
        with ProcessPoolExecutor(
            max_workers=_cores(), mp_context=context, initializer=_yield_to_parent
        ) as pool:
            pending: deque[Future[list[list[Outcome]]]] = deque()
            next_chunk = 0
            while next_chunk < len(chunks) or pending:
                while next_chunk < len(chunks) and len(pending) < _IN_FLIGHT:
                    pending.append(pool.submit(parse_chunk, chunks[next_chunk]))
                    next_chunk += 1
                outcomes = pending.popleft().result()
                done += 1
                yield from outcomes
    except BrokenProcessPool:
        for chunk in chunks[done:]:
            yield from _serial(chunk)
