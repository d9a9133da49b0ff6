"""Title keys in pinyin: ``python bench/bench_pinyin_sort.py [--n 100000]``.

The catalog computes each article's title key once, when it indexes the article (in the
scan's worker processes for a big scan). This prints, beside the load average, for
``--n`` made-up Chinese titles (6 to 24 common characters; one in five with Latin words):
  * ``fold`` alone (the key before pinyin) and ``title_sort_key`` (fold + pinyin): total
    and per title, and their ratio;
  * loading the pinyin table (once per process), in time and memory, each in a fresh
    process, against importing the pypinyin package itself (which also loads its phrase
    dictionary: the cost ``text.collate`` avoids);
  * ``pypinyin.lazy_pinyin`` (phrases included) on the first 5,000 titles, per title:
    what the package's own conversion would have cost.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(REPO / "src"))

from figures import load_line  # noqa: E402

from tuireader.text.collate import title_sort_key  # noqa: E402
from tuireader.text.fold import fold  # noqa: E402

# Run in a fresh process: seconds and MiB that loading costs there.
_LOAD = """
import resource, sys, time
sys.path.append({src!r})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
{code}
took = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(f"{{took:.2f}} s, {{grown:.0f}} MiB")
"""


def titles(count: int, seed: int = 14) -> list[str]:
    """Made-up titles of common characters (GB2312 level 1), some with Latin words."""
    rng = random.Random(seed)

    def char() -> str:
        while True:
            try:
                return bytes([rng.randint(0xB0, 0xD7), rng.randint(0xA1, 0xFE)]).decode("gb2312")
            except UnicodeDecodeError:
                continue

    made = []
    for n in range(count):
        title = "".join(char() for _ in range(rng.randint(6, 24)))
        made.append(title + (" Annual Report 2024" if n % 5 == 0 else ""))
    return made


def timed(function, items: list[str]) -> float:
    """Seconds to run ``function`` over every item."""
    start = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - start


def in_fresh_process(code: str) -> str:
    """What loading ``code`` costs in a new interpreter."""
    script = _LOAD.format(src=str(REPO / "src"), code=code)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many titles")
    args = parser.parse_args()
    print(load_line())
    made = titles(args.n)
    title_sort_key(made[0])  # the table loads once per process: timed apart, below
    folded = timed(fold, made)
    keyed = timed(title_sort_key, made)
    each = 1e6 / len(made)
    print(f"{len(made):,} titles")
    print(f"  fold only            {folded:6.2f} s  {folded * each:6.1f} us a title")
    print(f"  fold + pinyin key    {keyed:6.2f} s  {keyed * each:6.1f} us a title")
    print(f"  ratio                {keyed / folded:6.1f}x")
    table = "from tuireader.text.collate import title_sort_key; title_sort_key('中')"
    print(f"  loading the table    {in_fresh_process(table)} (once per process)")
    print(f"  import pypinyin      {in_fresh_process('import pypinyin')} (what is avoided)")
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        return
    sample = made[:5000]
    phrases = timed(lambda t: lazy_pinyin(fold(t), style=Style.TONE3), sample)
    print(f"  pypinyin.lazy_pinyin {phrases * 1e6 / len(sample):6.1f} us a title (phrases)")


if __name__ == "__main__":
    main()
