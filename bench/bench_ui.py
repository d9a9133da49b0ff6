"""Benchmark the app as a person meets it: in a pseudo-terminal, through the real CLI.

    PYTHONPATH=src python bench/bench_ui.py [--big /tmp/big-library] [--keys 40]

Prints, for the sample library and (with ``--big``) a library of 100,000 small files:
  * start → first paint: from just before the process is forked to the moment the
    terminal output first contains the article list's header ("articles"), with the
    catalog already built (a normal start; the first build runs in the background).
  * CPU per key press: the child's user+system CPU (from /proc/PID/stat) over a run of
    key presses, minus the idle CPU of an equally long quiet spell, divided by the
    number of keys. This counts everything the key causes: binding, queries, repaint.
The big library is generated on first use (``--big DIR`` that does not exist yet).

``--pieces`` prints instead what each piece on the way to the first rows costs, each in a
fresh process or on its own: Python, the imports (Textual, the app and its screen, the
catalog), an empty Textual app's first frame (the floor), opening the catalog and the
state, the counts, the section tree, the first page of rows, the session's last article
and the start-up rescan (which now waits until the rows are painted).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402, F401  (puts tests/support on the path)
from pty_harness import PtyApp  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FRAME = b"Sections"  # the tree's title: the screen has been painted
ROWS = re.compile(rb"\d articles")  # the list header's count: rows are on screen


def make_big_library(root: Path, count: int = 100_000) -> None:
    """Write ``count`` small Markdown articles in 100 sections of 10 folders each."""
    for n in range(count):
        folder = root / f"section-{n % 10:02d}" / f"part-{n % 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        day = 1 + n % 28
        text = f"---\ntitle: Article {n}\ndate: 2020-01-{day:02d}\n---\n\nBody of article {n}.\n"
        (folder / f"a{n:06d}.md").write_text(text, encoding="utf-8")


def build_catalog(library: Path, env: dict[str, str]) -> float:
    """Scan the library once (as a first start would); seconds taken."""
    os.environ.update(env)
    from tuireader.catalog import Catalog
    from tuireader.config import resolve_paths

    paths = resolve_paths()
    started = time.monotonic()
    catalog = Catalog(paths.catalog_db(library), library)
    catalog.scan()
    catalog.close()
    return time.monotonic() - started


def _env(tmp: str) -> dict[str, str]:
    """Private folders in ``tmp``, src/ on the path, and bytecode written and read as an
    installed copy would (a session's PYTHONDONTWRITEBYTECODE would compile every module
    from source at every start)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return {
        "TUIREADER_DATA_DIR": f"{tmp}/data",
        "TUIREADER_CACHE_DIR": f"{tmp}/cache",
        "TUIREADER_CONFIG": f"{tmp}/config.yaml",
        "PYTHONPATH": str(REPO / "src"),
        "TERM": "xterm-256color",
    }


STARTS = 5
SETTLE = 12.0
# Keys pressed in the article list, cycled: movement, ends, filter, sort, read mark.
LIST_KEYS = (
    ("j", b"j"),
    ("k", b"k"),
    ("G/g", b"Gg"),
    ("u", b"u"),
    ("s", b"s"),
    ("m", b"m"),
)
# The app without the CLI in front: what the UI itself costs (see the report in main()).
DIRECT = (
    "import sys; from pathlib import Path; from tuireader.config import Settings, "
    "resolve_paths; from tuireader.ui.app import run_app; "
    "sys.exit(run_app(resolve_paths(), Settings(), Path(sys.argv[1])))"
)


def _ms(seconds: list[float]) -> str:
    """Best and median of a few timings, in milliseconds."""
    ordered = sorted(seconds)
    return f"best {ordered[0] * 1000:.0f} ms, median {ordered[len(ordered) // 2] * 1000:.0f} ms"


def reached(term: PtyApp, marker: bytes | re.Pattern[bytes]) -> tuple[float, float]:
    """Seconds from start until ``marker`` appears, and the CPU seconds used by then."""
    term.wait_for(marker, timeout=30.0)
    return time.monotonic() - term.started, term.cpu_seconds()


def quit_app(term: PtyApp) -> None:
    """Ask the app to quit (ctrl+q), then make sure it is gone."""
    term.press("ctrl+q", delay=1.0)
    term.kill()


def start_up(name: str, argv: list[str], env: dict[str, str]) -> None:
    """Print wall and CPU time from process start to the first frame and to the rows."""
    frames, rows = [], []
    for _ in range(STARTS):
        term = PtyApp(argv, env=env).start()
        frames.append(reached(term, FRAME))
        rows.append(reached(term, ROWS))
        quit_app(term)
    print(f"{name}: start -> first paint: wall {_ms([f[0] for f in frames])}")
    print(f"{name}: start -> first paint: CPU  {_ms([f[1] for f in frames])}")
    print(f"{name}: start -> rows listed: wall {_ms([r[0] for r in rows])}")
    print(f"{name}: start -> rows listed: CPU  {_ms([r[1] for r in rows])}")


def measure(name: str, library: Path, presses: int) -> None:
    """Print first paint and per-key CPU for one library."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        build = build_catalog(library, env)
        print(f"{name}: catalog build {build:.2f} s (not part of start-up below)")
        for how, argv in (
            ("tuireader CLI", [sys.executable, "-m", "tuireader", str(library)]),
            ("run_app direct", [sys.executable, "-c", DIRECT, str(library)]),
        ):
            start_up(f"{name}, {how}", argv, env)
        term = PtyApp([sys.executable, "-m", "tuireader", str(library)], env=env).start()
        reached(term, ROWS)
        term.read_for(SETTLE)  # let the start-up rescan (a stat of every file) finish first
        for label, keys in LIST_KEYS:
            per_key = key_cpu(term, keys, presses)
            print(f"{name}: CPU per key (list {label}) {per_key * 1000:.1f} ms")
        term.send(b"\x1b[Z")  # shift+tab to the tree
        term.read_for(0.5)
        print(f"{name}: CPU per key (tree j) {key_cpu(term, b'j', presses) * 1000:.1f} ms")
        term.send(b"\t\r")  # back to the list, open an article
        term.read_for(1.0)
        print(f"{name}: CPU per key (reader space) {key_cpu(term, b' ', presses) * 1000:.1f} ms")
        quit_app(term)


def key_cpu(term: PtyApp, keys: bytes, presses: int) -> float:
    """Average CPU seconds per key press, cycling through ``keys`` (idle subtracted)."""
    return term.key_cpu(keys, presses, gap=0.15, rest=1.0)


# Each piece: (label, Python that runs it after SETUP; the time printed is its own).
SETUP = (
    "import sys, time; from pathlib import Path; from tuireader.config import resolve_paths; "
    "paths = resolve_paths(); root = Path(sys.argv[1]); T = time.perf_counter\n"
)
# Imports, each row on top of the ones above it (what it adds to the start).
IMPORTS = (
    ("import textual (app, widgets)", "textual.app, textual.widgets"),
    ("+ the CLI and settings (before the app)", "tuireader.cli, tuireader.config"),
    ("+ the app and its library screen", "tuireader.ui.app, tuireader.ui.screens.main"),
    ("+ catalog and state (opened after the frame)", "tuireader.ui.library"),
)
PIECES = (
    (
        "open catalog + state.db, attach",
        "from tuireader.ui.library import Library\n"
        "s = T(); lib = Library(paths, root); print(T() - s)",
    ),
    (
        "count (whole library)",
        "from tuireader.ui.library import Library\nlib = Library(paths, root)\n"
        "s = T(); lib.catalog.count(); print(T() - s)",
    ),
    (
        "section tree with counts",
        "from tuireader.ui.library import Library\n"
        "lib = Library(paths, root)\ns = T(); lib.catalog.section_tree(); print(T() - s)",
    ),
    (
        "first page of rows (50)",
        "from tuireader.ui.library import Library\n"
        "lib = Library(paths, root)\ns = T(); lib.catalog.rows(limit=50); print(T() - s)",
    ),
    (
        "bookmarked counts (after paint)",
        "from tuireader.ui.library import Library\n"
        "lib = Library(paths, root); c = lib.catalog\ns = T(); c.count((), True, True); "
        "c.count((), bookmarked_only=True); print(T() - s)",
    ),
    (
        "session restore: last article, its row",
        "from tuireader.ui.remembered import Remembered\n"
        "from tuireader.ui.library import Library\nlib = Library(paths, root)\ns = T(); "
        "p = Remembered(paths.data_dir).last_article(root); "
        "lib.row_for_path(p or lib.catalog.rows(limit=1)[0].path); print(T() - s)",
    ),
    (
        "start-up rescan (after the rows)",
        "from tuireader.ui.library import Library\n"
        "lib = Library(paths, root)\ns = T(); lib.catalog.scan(); print(T() - s)",
    ),
)
EMPTY_APP = (
    "from textual.app import App\nfrom textual.widgets import Static\nclass Empty(App):\n"
    "    def compose(self):\n        yield Static('empty app floor')\nEmpty().run()\n"
)


def pieces(library: Path, env: dict[str, str], repeat: int = 5) -> None:
    """Print what each piece on the way to the first rows costs (best of ``repeat``)."""
    import subprocess

    full_env = {**os.environ, **env}
    build_catalog(library, env)

    def run(code: str) -> float:
        done = subprocess.run([sys.executable, "-c", code, str(library)], env=full_env,
                              capture_output=True, text=True, check=True)  # fmt: skip
        return float(done.stdout.strip().splitlines()[-1])

    def wall(argv: list[str]) -> float:
        start = time.monotonic()
        subprocess.run(argv, env=full_env, check=True)
        return time.monotonic() - start

    base = min(wall([sys.executable, "-S", "-c", "pass"]) for _ in range(repeat))
    print(f"{'Python itself (no site imports)':<44} {base * 1000:6.0f} ms")
    plain = min(wall([sys.executable, "-c", "pass"]) for _ in range(repeat))
    print(f"{'site imports (python -c pass)':<44} {(plain - base) * 1000:6.0f} ms")
    before, modules = plain, ""
    for label, more in IMPORTS:
        modules = f"{modules}, {more}" if modules else more
        best = min(wall([sys.executable, "-c", f"import {modules}"]) for _ in range(repeat))
        print(f"{label:<44} {(best - before) * 1000:6.0f} ms")
        before = best
    for label, code in PIECES:
        best = min(run(SETUP + code) for _ in range(repeat))
        print(f"{label:<44} {best * 1000:6.0f} ms")
    frames = []
    for _ in range(repeat):
        term = PtyApp([sys.executable, "-c", EMPTY_APP], env=env).start()
        frames.append(reached(term, b"empty app floor")[0])
        quit_app(term)
    print(f"{'empty Textual app: start -> first frame':<44} {min(frames) * 1000:6.0f} ms")
    start_up("tuireader", [sys.executable, "-m", "tuireader", str(library)], env)


def main() -> int:
    """Run the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, help="folder for the 100,000-article library")
    parser.add_argument("--keys", type=int, default=40, help="key presses per measurement")
    parser.add_argument("--pieces", action="store_true", help="what each start-up piece costs")
    parser.add_argument("--work", type=Path, help="keep data and catalogs here (not temporary)")
    args = parser.parse_args()
    if args.pieces:
        library = args.big or REPO / "sample_articles"
        if args.big and not args.big.exists():
            print(f"writing 100,000 articles to {args.big} ...")
            make_big_library(args.big)
        if args.work:
            pieces(library, _env(str(args.work)))
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            pieces(library, _env(tmp))
        return 0
    measure("sample library", REPO / "sample_articles", args.keys)
    if args.big:
        if not args.big.exists():
            print(f"writing 100,000 articles to {args.big} ...")
            make_big_library(args.big)
        measure("100,000 articles", args.big, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
