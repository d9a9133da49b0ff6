"""Print parse times of the plain-text parser (not a test).

Run: ``PYTHONPATH=src python bench/bench_plaintext.py``. Pages are built from the seed
fixture: a 10 KB page of seed paragraphs, the same text hard-wrapped at 35 characters (the
reflow path), and 10 MB single lines that must not make any pattern backtrack.
"""

from __future__ import annotations

import time
import timeit
from pathlib import Path

from tuireader.library.formats.plain.page import parse_plaintext

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_zhangye.txt"
SIZE = 10 * 1024
RUNS = 200


def _pages() -> dict[str, str]:
    """The 10 KB pages to time, by name."""
    head, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    normal = (head + "\n" + body * 5)[:SIZE]
    flat = body.replace("\n", "") * 4
    wrapped = "\n".join(
        ("\u3000\u3000" if i % 350 == 0 else "") + flat[i : i + 35] for i in range(0, SIZE, 35)
    )
    return {"seed-like page": normal, "hard-wrapped page": wrapped}


def _huge_lines() -> dict[str, str]:
    """10 MB single lines of the kinds that could trip a regex."""
    return {
        "10 MB CJK line": "字" * 10_000_000,
        "10 MB breadcrumb line": "当前位置：首页 > " + "新闻 " * 3_000_000,
        "10 MB near-dates line": "2022-11-1x " * 900_000,
        "10 MB label-like line": "来源：x " * 1_600_000,
    }


def main() -> None:
    """Time each page and print ms per article and articles per second."""
    for name, text in _pages().items():
        # The best of five runs: the machine is shared, the minimum is the parser's own cost.
        runs = timeit.repeat(lambda t=text: parse_plaintext(t, "x"), number=RUNS, repeat=5)
        seconds = min(runs) / RUNS
        print(f"{name:24} {len(text):6} chars  {seconds * 1000:.3f} ms  {1 / seconds:,.0f}/s")
    for name, text in _huge_lines().items():
        start = time.perf_counter()
        parse_plaintext(text, "x")
        print(f"{name:24} {time.perf_counter() - start:.2f} s   (target < 2 s)")


if __name__ == "__main__":
    main()
