"""The dictionary under the cursor: ``python bench/bench_dictionary.py``.

Prints, beside the load average:
  * building the index from the bundled CC-CEDICT (the first lookup ever pays it once),
    and opening the built index (every later session pays this on its first lookup);
  * ``lookup_at`` (the word at the cursor and its parts, what the reader's key runs) at
    1,000 random places in a made-up Chinese text: best, median, 99th percentile, worst,
    against the issue's 50 ms;
  * a 200-character passage looked up whole, and pinyin for a 40-character line;
  * in the real app on a pty (120x36): from writing ``d`` to the popup's bytes, once the
    dictionary is open (the first press opens it in a thread);
  * start-up: ``-X importtime`` of the app module, and whether the dictionary, OpenCC or
    the book reader are among the modules imported before the first frame (they must
    not be: each is imported when first used). ``--before SRC`` also times another
    checkout's ``src`` folder, alternating runs, and prints the ratio (start-up
    unchanged means a ratio near 1).
"""

from __future__ import annotations

import argparse
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

from bench_open import app_env, chinese_paragraphs  # noqa: E402
from figures import load_line, spread  # noqa: E402  (puts tests/support on the path)
from pty_harness import PtyApp  # noqa: E402

from tuireader.dictionary.index import Dictionary  # noqa: E402

LOOKUP_TARGET = 0.05
POPUP = b"escape closes"  # the popup's frame


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


def in_the_app(cache: Path) -> None:
    """``d`` in the real app on a pty: from the key's write to the popup's bytes.

    The first press opens the dictionary (in a thread); the next ones are timed, each
    after escape closed the popup and ``j`` moved on a line (another word).
    """
    library = cache / "library"
    library.mkdir()
    text = "".join(chinese_paragraphs(0.2, seed=8))
    article = library / "zh.md"
    article.write_text(f"---\ntitle: 词典\n---\n\n{text}\n", encoding="utf-8")
    env = {**app_env(cache), "TUIREADER_CACHE_DIR": str(cache)}
    term = PtyApp([sys.executable, "-m", "tuireader", str(article)], env=env).start()
    try:
        term.arrival(text[:6].encode(), since=0)
        term.read_for(1.0)
        term.key_to(b"d", POPUP)
        spent = []
        for _ in range(15):
            term.key_to(b"\x1b", None)
            term.read_for(0.4)
            term.key_to(b"j", None)
            term.read_for(0.3)
            spent.append(term.key_to(b"d", POPUP))
    finally:
        term.kill()
    report("d → popup painted (pty): best / median", spread(spent), "<= 50 ms",
           sorted(spent)[len(spent) // 2] <= LOOKUP_TARGET)  # fmt: skip


def startup(before: str | None) -> None:
    """Import time of the app module, and what it pulls in (and of ``before``, if given)."""
    runs, other = [], []
    for _ in range(7):
        runs.append(_import_run(str(REPO / "src")))
        if before:
            other.append(_import_run(before))
    runs.sort(key=lambda run: run[0])
    total, lines = runs[len(runs) // 2]
    report("import tuireader.ui.app (median of 7)", f"{total / 1000:.0f} ms")
    if before:
        then = sorted(run[0] for run in other)[len(other) // 2]
        report("  the --before checkout", f"{then / 1000:.0f} ms")
        report("  ratio now / before", f"{total / then:.2f}", "~1.0 (unchanged)")
    for module in ("tuireader.dictionary", "opencc", "tuireader.library.books"):
        loaded = any(line.split("|")[-1].strip() == module for line in lines)
        report(f"  {module} imported at start", "yes" if loaded else "no", "no", not loaded)


def _import_run(src: str) -> tuple[int, list[str]]:
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import tuireader.ui.app"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    lines = done.stderr.splitlines()
    return _total_us(lines), lines


def _total_us(lines: list[str]) -> int:
    """The cumulative microseconds of the top-level import in ``-X importtime`` output."""
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == "tuireader.ui.app":
            return int(parts[1])
    return 0


def main() -> int:
    """Run every figure in a temporary cache folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="SRC", help="another checkout's src folder")
    args = parser.parse_args()
    print(f"  {load_line()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tuireader-dict-") as tmp:
        timings(Path(tmp))
        in_the_app(Path(tmp))
    startup(args.before)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
