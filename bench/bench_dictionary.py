"""The dictionary under the cursor: ``python bench/bench_dictionary.py``.

Prints, beside the load average:
  * building the index from the bundled CC-CEDICT (the first lookup ever pays it once),
    and opening the built index (every later session pays this on its first lookup);
  * ``lookup_at`` (the word at the cursor and its parts, what the reader's key runs) at
    1,000 random places in a made-up Chinese text: best, median, 99th percentile, worst,
    against the issue's 50 ms;
  * a 200-character passage looked up whole, and pinyin for a 40-character line;
  * start-up: ``-X importtime`` of the app module, and whether the dictionary, OpenCC or
    the book reader are among the modules imported before the first frame (they must
    not be: each is imported when first used).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(REPO / "src"))

from bench_open import chinese_paragraphs  # noqa: E402
from bench_pty import load_line  # noqa: E402

from tuireader.dictionary.index import Dictionary  # noqa: E402

LOOKUP_TARGET = 0.05


def report(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    """One figure, with its target and ✓/✗ when judged."""
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    suffix = f"   (target: {target}){mark}" if target else mark
    print(f"  {name:<38} {value:>16}{suffix}", flush=True)


def ms(seconds: float) -> str:
    """Seconds as milliseconds with two decimals."""
    return f"{seconds * 1000:.2f} ms"


def timings(cache: Path) -> None:
    """Build, open and lookup figures."""
    start = time.perf_counter()
    Dictionary.open(cache).close()
    report("build the index (first use ever)", f"{time.perf_counter() - start:.2f} s")
    opens = []
    for _ in range(5):
        start = time.perf_counter()
        dictionary = Dictionary.open(cache)
        opens.append(time.perf_counter() - start)
        dictionary.close()
    report("open the built index", ms(sorted(opens)[2]))
    dictionary = Dictionary.open(cache)
    text = "".join(chinese_paragraphs(0.05, seed=5))
    rng = random.Random(3)
    places = [rng.randrange(len(text)) for _ in range(1000)]
    found = 0
    spent = []
    for offset in places:
        start = time.perf_counter()
        matches = dictionary.lookup_at(text, offset)
        spent.append(time.perf_counter() - start)
        found += bool(matches)
    spent.sort()
    worst = spent[-1]
    report("lookup_at: best / median", f"{ms(spent[0])} / {ms(spent[500])}")
    report("lookup_at: p99 / worst", f"{ms(spent[989])} / {ms(worst)}", "<= 50 ms",
           worst <= LOOKUP_TARGET)  # fmt: skip
    report("  places with a word found", f"{found} of {len(places)}")
    start = time.perf_counter()
    dictionary.lookup_passage(text[:200])
    report("a 200-character passage", ms(time.perf_counter() - start))
    start = time.perf_counter()
    dictionary.readings(text[:40])
    report("pinyin for a 40-character line", ms(time.perf_counter() - start))
    dictionary.close()


def startup() -> None:
    """Import time of the app module, and what it pulls in."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    code = "import tuireader.ui.app"
    runs = []
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        lines = done.stderr.splitlines()
        runs.append((_total_us(lines), lines))
    runs.sort(key=lambda run: run[0])
    total, lines = runs[2]
    report("import tuireader.ui.app (median of 5)", f"{total / 1000:.0f} ms")
    for module in ("tuireader.dictionary", "opencc", "tuireader.library.books"):
        loaded = any(line.split("|")[-1].strip() == module for line in lines)
        report(f"  {module} imported at start", "yes" if loaded else "no", "no", not loaded)


def _total_us(lines: list[str]) -> int:
    """The cumulative microseconds of the top-level import in ``-X importtime`` output."""
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == "tuireader.ui.app":
            return int(parts[1])
    return 0


def main() -> int:
    """Run every figure in a temporary cache folder."""
    print(f"  {load_line()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tuireader-dict-") as tmp:
        timings(Path(tmp))
    startup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
