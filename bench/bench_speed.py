"""Issue 15's speed table, each row beside its anchor in the same run:
``python bench/bench_speed.py [--work DIR] [--n 100000] [--only open,rows,...]``.

Rows (``--only`` names them):
  open    process start → a 1 MB Chinese Markdown article on screen (a pty of 120x36),
          long paragraphs and short ones (``bench_compare.LAYOUTS``): tuireader with its
          catalog built, frogmouth (installed into its own venv when missing, as
          ``bench_compare.py`` does), and an empty Textual app that shows one Static —
          the floor no Textual program goes under.
  rows    start → article rows on screen in a library of ``--n`` synthetic articles
          (``synth.py``) with the catalog built; the empty app again as the floor.
  search  ``tuireader search Q LIB --count`` with nothing changed, with and without
          ``--no-scan``; the anchor is the query alone, in this process.
  rescan  an unchanged rescan (``Catalog.scan``, not the first); anchor ``find LIB -newer``,
          which stats every file in C.
  list    ``tuireader list LIB --json`` into a pipe, with and without ``--no-scan``.
  index   the first catalog and search index of a real GBK archive: 14 copies of the
          fudan_dev corpus (``../shared/corpora``; only its figures are printed), time,
          CPU (this process, which stores and indexes, and the parse workers) and
          catalog size against the source bytes; anchor: a 10,000-article synthetic
          library's rate in the same run. The catalog is scanned as the app and
          ``tuireader search`` scan it (indexing as it goes), then the index build finishes.

The work folder (default ``/tmp/tuireader-speed``) is kept between runs: generating the
library and building its catalog and index take minutes the first time. Figures are
best/median of ``--repeat`` runs; the load average is printed with each row (2 cores
shared by several sessions: compare ratios within one run, not figures across runs).
Every program runs with bytecode caches, as an installed copy does.
"""

# ruff: noqa: I001  (import order depends on whether src/ is on the path)
from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent / "src"))

import synth  # noqa: E402
from bench_compare import FROGMOUTH, LAYOUTS, frogmouth_env, install_frogmouth  # noqa: E402
from bench_open import FIRST, write_markdown  # noqa: E402
from bench_ui import ROWS, quit_app  # noqa: E402
from figures import load_line, spread  # noqa: E402
from pty_harness import PtyApp  # noqa: E402

REPO = HERE.parent
REPEAT = 5
FLOOR_TEXT = "empty app floor"
# An empty Textual app: the import of textual, the driver and one frame of one Static.
EMPTY_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Empty(App):\n"
    "    def compose(self):\n"
    f"        yield Static({FLOOR_TEXT!r})\n"
    "Empty().run()\n"
)
QUERY = "经济"
FUDAN_COPIES = 14


def report(name: str, value: str, anchor: str = "", target: str = "") -> None:
    """One row: our figure, its anchor, the target."""
    print(f"  {name:<44} {value:>22}  {anchor:<34} {target}", flush=True)


def env_for(work: Path, cache: Path | None = None) -> dict[str, str]:
    """The app's private folders (no real user folders), and src/ on the path."""
    return {
        "TUIREADER_DATA_DIR": str(work / "data"),
        "TUIREADER_CACHE_DIR": str(cache or work / "cache"),
        "TUIREADER_CONFIG": str(work / "config.yaml"),
        "PYTHONPATH": str(REPO / "src"),
        "TERM": "xterm-256color",
    }


def to_marker(argv: list[str], env: dict[str, str], marker) -> tuple[float, float]:
    """Seconds from before the fork until ``marker`` is on screen, and CPU by then."""
    term = PtyApp(argv, env=env).start()
    try:
        term.wait_for(marker, timeout=120)
        return time.monotonic() - term.started, term.cpu_seconds()
    finally:
        quit_app(term)


def runs(fn: Callable[[], float]) -> list[float]:
    """``fn()`` timed ``REPEAT`` times (``--repeat``)."""
    return [fn() for _ in range(REPEAT)]


def tuireader(*args: str) -> list[str]:
    return [sys.executable, "-m", "tuireader", *args]


def empty_app(env: dict[str, str]) -> list[float]:
    """The floor: start → one Static on screen."""
    argv = [sys.executable, "-c", EMPTY_APP]
    return runs(lambda: to_marker(argv, env, FLOOR_TEXT.encode())[0])


# -- rows of the table ------------------------------------------------------------------


def row_open(ctx: Context) -> None:
    """Process start → the first screen of a 1 MB Chinese Markdown article, on both
    layouts ``bench_compare.py`` knows: frogmouth builds a widget per block, so its time
    grows with the number of paragraphs, while tuireader's first screen does not."""
    why = install_frogmouth()
    floor = empty_app(env_for(ctx.work))
    print(f"  {load_line()}")
    for layout, sizes in LAYOUTS:
        article = ctx.work / "open" / layout.replace(" ", "-") / "big.md"
        if not article.exists():
            article.parent.mkdir(parents=True, exist_ok=True)
            write_markdown(article, sizes=sizes)
        env = env_for(ctx.work)
        to_marker(tuireader(str(article)), env, FIRST.encode())  # builds its catalog
        ours = runs(lambda a=article, e=env: to_marker(tuireader(str(a)), e, FIRST.encode())[0])
        frog: list[float] = []
        if why:
            anchor = f"frogmouth: not installed ({why})"
        else:
            frog_env = {**env, **frogmouth_env(ctx.work / "open")}
            argv = [str(FROGMOUTH), str(article)]
            frog = runs(lambda a=argv, e=frog_env: to_marker(a, e, FIRST.encode())[0])
            anchor = f"frogmouth {spread(frog)}"
        blocks = article.read_text(encoding="utf-8").count("\n\n")
        name = f"start → 1 MB md on screen, {layout} ({blocks})"
        report(name, spread(ours), anchor, "<= 0.45 s")
        if frog:
            ratio = sorted(frog)[len(frog) // 2] / sorted(ours)[len(ours) // 2]
            report("  frogmouth ÷ tuireader (medians)", f"{ratio:.1f}x", "", ">= 8x")
    report("  empty Textual app (floor)", spread(floor))
    report("  tuireader − floor (best, last layout)", f"{(min(ours) - min(floor)) * 1000:.0f} ms")


def row_rows(ctx: Context) -> None:
    """Start → article rows on screen, catalog built."""
    library = ctx.big_library()
    env = env_for(ctx.work)
    cpu: list[float] = []

    def start() -> float:
        wall, used = to_marker(tuireader(str(library)), env, ROWS)
        cpu.append(used)
        return wall

    ours = runs(start)
    floor = empty_app(env)
    print(f"  {load_line()}")
    report(f"start → rows, {ctx.n:,} articles", spread(ours), f"CPU {spread(cpu)}", "<= 0.6 s")
    report("  empty Textual app (floor)", spread(floor))
    report("  tuireader − floor (best)", f"{(min(ours) - min(floor)) * 1000:.0f} ms")


def row_search(ctx: Context) -> None:
    """``search Q LIB --count`` with nothing changed, and the query alone."""
    library = ctx.big_library(index=True)
    env = {**os.environ, **env_for(ctx.work)}
    argv = tuireader("search", QUERY, str(library), "--count")
    scanned = runs(lambda: _wall(argv, env))
    quick = runs(lambda: _wall([*argv, "--no-scan"], env))
    alone = runs(lambda: _query_alone(ctx, library))
    print(f"  {load_line()}")
    report(f"search {QUERY} --count, {ctx.n:,}", spread(scanned), f"query alone {spread(alone)}",
           "<= 0.35 s")  # fmt: skip
    report("  with --no-scan", spread(quick))


def row_rescan(ctx: Context) -> None:
    """An unchanged rescan against ``find -newer``."""
    from tuireader.catalog import Catalog
    from tuireader.config import resolve_paths

    library = ctx.big_library()
    paths = resolve_paths(str(ctx.work / "data"), str(ctx.work / "cache"))
    catalog = Catalog(paths.catalog_db(library), library)
    catalog.scan()
    ours = runs(lambda: _seconds(catalog.scan))
    catalog.close()
    stamp = ctx.work / "find-stamp"
    stamp.touch()
    real = str(library.resolve())  # find does not follow a root that is a link
    find = runs(lambda: _wall(["find", real, "-newer", str(stamp)], None))
    print(f"  {load_line()}")
    report(f"unchanged rescan, {ctx.n:,} files", spread(ours), f"find -newer {spread(find)}",
           "<= 1.0 s")  # fmt: skip


def row_list(ctx: Context) -> None:
    """``list --json`` of every row into a pipe (read by ``cat``, as by a script)."""
    library = ctx.big_library()
    env = {**os.environ, **env_for(ctx.work)}
    command = " ".join(map(shlex.quote, tuireader("list", str(library), "--json")))
    scanned = runs(lambda: _wall(["sh", "-c", f"{command} | cat > /dev/null"], env))
    quick = runs(lambda: _wall(["sh", "-c", f"{command} --no-scan | cat > /dev/null"], env))
    print(f"  {load_line()}")
    report(f"list --json, {ctx.n:,} rows", spread(scanned), "", "<= 1.5 s")
    report("  with --no-scan", spread(quick))


def row_index(ctx: Context) -> None:
    """The first catalog and index of a GBK archive, and of a synthetic library."""
    archive = ctx.fudan()
    if archive is None:
        print("  skipped: no fudan_dev corpus (../shared/corpora or $TUIREADER_CORPORA)")
        return
    synthetic = ctx.work / "lib10k"
    if not (ctx.work / ".generated-10k").exists():
        shutil.rmtree(synthetic, ignore_errors=True)
        synth.generate(synthetic, 10_000)
        (ctx.work / ".generated-10k").write_text("ok")
    figures = {}
    for name, folder in (("archive", archive), ("synthetic", synthetic)):
        figures[name] = _first_index(ctx.work / f"cache-{name}", folder)
    print(f"  {load_line()}")
    files, scan, index, size, source, cpu = figures["archive"]
    s_files, s_scan, s_index, _, _, s_cpu = figures["synthetic"]
    s_rate = s_files / (s_scan + s_index)
    report(f"first catalog + index, GBK archive ({files:,})", f"{scan + index:.1f} s",
           f"synthetic 10k: {s_rate:,.0f} art/s", "<= 20 s")  # fmt: skip
    report("  catalog / search index", f"{scan:.1f} s / {index:.1f} s",
           f"synthetic {s_scan:.1f} s / {s_index:.1f} s")  # fmt: skip
    report("  archive rate", f"{files / (scan + index):,.0f} art/s")
    # CPU seconds move far less with the load than the walls above (a shared machine).
    report("  CPU: this process / parse workers", f"{cpu[0]:.1f} s / {cpu[1]:.1f} s",
           f"synthetic {s_cpu[0]:.1f} s / {s_cpu[1]:.1f} s")  # fmt: skip
    report("  catalog size ÷ source bytes", f"{size / source:.2f}x",
           f"{size / 2**20:,.0f} MB / {source / 2**20:,.0f} MB", "<= 2.5x")  # fmt: skip


ROWS_OF_TABLE: dict[str, Callable[[Context], None]] = {
    "open": row_open,
    "rows": row_rows,
    "search": row_search,
    "rescan": row_rescan,
    "list": row_list,
    "index": row_index,
}


# -- helpers ----------------------------------------------------------------------------


class Context:
    """The work folder and what is kept in it between runs."""

    def __init__(self, work: Path, n: int) -> None:
        self.work = work
        self.n = n

    def big_library(self, index: bool = False) -> Path:
        """The synthetic library, generated, catalogued (and indexed) once."""
        library = self.work / f"lib{self.n}"
        marker = self.work / f".generated-{self.n}"
        if not marker.exists():
            print(f"  (generating {self.n:,} articles in {library}: minutes, once)", flush=True)
            shutil.rmtree(library, ignore_errors=True)
            synth.generate(library, self.n)
            marker.write_text("ok")
        env = {**os.environ, **env_for(self.work)}
        command = "search" if index else "tree"
        args = [QUERY, str(library), "--count"] if index else [str(library)]
        subprocess.run(tuireader(command, *args), env=env, capture_output=True, check=True)
        return library

    def fudan(self) -> Path | None:
        """14 copies of fudan_dev (made once in the work folder), or None without it."""
        target = self.work / "fudan"
        if (self.work / ".fudan-copied").exists():
            return target
        from fidelity import find_corpora

        corpora = find_corpora(None)
        source = corpora / "fudan_dev" if corpora else None
        if source is None or not source.is_dir():
            return None
        shutil.rmtree(target, ignore_errors=True)
        for copy in range(1, FUDAN_COPIES + 1):
            shutil.copytree(source, target / f"copy{copy:02d}")
        (self.work / ".fudan-copied").write_text("ok")
        return target


def _first_index(
    cache: Path, library: Path
) -> tuple[int, float, float, int, int, tuple[float, float]]:
    """(files, catalog seconds, index seconds, catalog bytes, source bytes, CPU seconds of
    this process and of the parse workers) from scratch."""
    from tuireader import search as library_search
    from tuireader.catalog import Catalog

    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    catalog = Catalog(cache / "catalog.db", library)
    before = _cpu()
    # As the app and ``tuireader search`` scan: indexing what is stored as it goes.
    scan = _seconds(lambda: catalog.scan(index=True))
    index = _seconds(lambda: library_search.build_index(catalog))
    after = _cpu()
    cpu = (after[0] - before[0], after[1] - before[1])
    files = catalog.count()
    catalog.close()
    size = sum(path.stat().st_size for path in cache.iterdir())
    source = sum(path.stat().st_size for path in library.rglob("*") if path.is_file())
    return files, scan, index, size, source, cpu


def _cpu() -> tuple[float, float]:
    """CPU seconds so far of this process (the scan's writer) and of its children that
    have ended (the scan's parse workers, once its pool is shut down)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _query_alone(ctx: Context, library: Path) -> float:
    """The count query on an open catalog (no start-up, no scan)."""
    from tuireader import search as library_search
    from tuireader.catalog import Catalog
    from tuireader.config import resolve_paths

    paths = resolve_paths(str(ctx.work / "data"), str(ctx.work / "cache"))
    catalog = Catalog(paths.catalog_db(library), library)
    try:
        return _seconds(lambda: library_search.count(catalog, QUERY))
    finally:
        catalog.close()


def _seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _wall(argv: list[str], env: dict[str, str] | None) -> float:
    """Seconds a command takes, its output read from a pipe (as a script would)."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    """Run the chosen rows."""
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tuireader-speed"))
    parser.add_argument("--n", type=int, default=100_000, help="articles in the big library")
    parser.add_argument("--only", help=f"comma-separated rows: {','.join(ROWS_OF_TABLE)}")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs per figure")
    args = parser.parse_args()
    REPEAT = max(1, args.repeat)
    chosen = args.only.split(",") if args.only else list(ROWS_OF_TABLE)
    unknown = [name for name in chosen if name not in ROWS_OF_TABLE]
    if unknown:
        parser.error(f"unknown row(s): {', '.join(unknown)}")
    args.work.mkdir(parents=True, exist_ok=True)
    # Bytecode is written and read as an installed copy's would be: a session that sets
    # PYTHONDONTWRITEBYTECODE would compile every module from source at every start.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"[machine] {load_line()}")
    print(f"  {'figure':<44} {'tuireader':>22}  {'anchor (same run)':<34} target")
    ctx = Context(args.work, args.n)
    for name in chosen:
        print(f"[{name}]", flush=True)
        ROWS_OF_TABLE[name](ctx)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
