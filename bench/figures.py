"""How the benchmarks print their figures: the machine's load, and a few timings at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The project's one pty harness lives with the tests (tests/support/pty_harness.py).
SUPPORT = Path(__file__).resolve().parents[1] / "tests" / "support"
if str(SUPPORT) not in sys.path:
    sys.path.insert(0, str(SUPPORT))


def load_line() -> str:
    """The machine's cores and load average, for the top of a report."""
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.2f} {five:.2f} {fifteen:.2f} at start"


def spread(seconds: list[float]) -> str:
    """Best and median of a few timings, in ms under a second, else in s."""
    ordered = sorted(seconds)
    best, median = ordered[0], ordered[len(ordered) // 2]
    if median < 1:
        return f"{best * 1000:.0f}/{median * 1000:.0f} ms"
    return f"{best:.2f}/{median:.2f} s"
