"""tuireader beside frogmouth on a 1 MB Chinese Markdown file: ``python bench/bench_compare.py``.

frogmouth (a Textual Markdown viewer) is installed into a throwaway virtual environment
(``/tmp/tuireader-bench-frogmouth``; never part of the project) with its own pinned
Textual. Both programs start in a real pty of 120x36 with the file as their argument;
the clock runs from before the fork until the article's first words are on screen.
frogmouth builds a widget per block, so it is timed on two layouts of the same 1 MB:
long paragraphs (the file ``bench_open.py`` uses) and short ones (many more blocks).
If frogmouth cannot be installed, the reason is printed and the comparison skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_open import FIRST, app_env, build_catalogs, tuireader, write_markdown  # noqa: E402
from figures import load_line  # noqa: E402  (puts tests/support on the path)
from pty_harness import PtyApp  # noqa: E402

VENV = Path("/tmp/tuireader-bench-frogmouth")
FROGMOUTH = VENV / "bin" / "frogmouth"
LAYOUTS = (("long paras", (150, 900)), ("short paras", (40, 160)))


def install_frogmouth() -> str | None:
    """Make sure frogmouth is in the throwaway venv; why not, if it cannot be."""
    if FROGMOUTH.exists():
        return None
    steps = (
        [sys.executable, "-m", "venv", str(VENV)],
        [str(VENV / "bin" / "pip"), "install", "-q", "frogmouth"],
    )
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{' '.join(step[:3])}: {exc}"
        if done.returncode != 0:
            return (done.stderr.strip().splitlines() or ["failed"])[-1]
    return None if FROGMOUTH.exists() else "pip finished but no frogmouth command"


def time_to_text(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from before the fork to the first words on screen, and CPU by then."""
    term = PtyApp(argv, env=env).start()
    try:
        shown = term.arrival(FIRST.encode(), since=0, timeout=120) - term.started
        return shown, term.cpu_seconds()
    finally:
        term.kill()


def frogmouth_env(work: Path) -> dict[str, str]:
    """frogmouth keeps history and bookmarks under XDG folders: point them into ``work``."""
    return {f"XDG_{kind}_HOME": str(work / f"xdg-{kind.lower()}") for kind in ("DATA", "CONFIG")}


def compare(work: Path, report, repeat: int = 3) -> None:
    """Time both programs on each layout and print the ratios."""
    for layout, sizes in LAYOUTS:
        article = work / layout.replace(" ", "-") / "big.md"
        article.parent.mkdir(parents=True)
        write_markdown(article, sizes=sizes)
        command = [str(FROGMOUTH), str(article)]
        frog = [time_to_text(command, frogmouth_env(work)) for _ in range(repeat)]
        cold = [_cold_start(work, article) for _ in range(repeat)]
        build_catalogs({"md": article}, work)
        warm = [time_to_text(tuireader(article), app_env(work)) for _ in range(repeat)]
        best = {name: min(runs) for name, runs in (("f", frog), ("c", cold), ("w", warm))}
        blocks = article.read_text(encoding="utf-8").count("\n\n")
        print(f"  {layout}: {article.stat().st_size / 2**20:.2f} MiB, {blocks} blocks", flush=True)
        report(f"frogmouth ({layout})", _pair(best["f"]))
        report(f"tuireader, first start ({layout})", _pair(best["c"]))
        report(f"tuireader, catalog built ({layout})", _pair(best["w"]))
        ratio = f"{best['f'][0] / best['c'][0]:.1f}x / {best['f'][0] / best['w'][0]:.1f}x"
        report(f"frogmouth ÷ tuireader ({layout})", ratio, "first start / catalog built")


def _cold_start(work: Path, article: Path) -> tuple[float, float]:
    """tuireader on a library it has never seen (no catalog yet)."""
    cache = tempfile.mkdtemp(prefix="cache-", dir=work)
    return time_to_text(tuireader(article), {**app_env(work), "TUIREADER_CACHE_DIR": cache})


def _pair(run: tuple[float, float]) -> str:
    """Wall and CPU seconds of a run."""
    return f"{run[0]:.2f} s (CPU {run[1]:.2f} s)"


def section_compare(ctx, report, install: bool | None = None) -> None:
    """The bench.py section. frogmouth is installed when ``install`` is true (by default:
    when the command line names this section, ``--only compare``); a plain ``bench.py``
    run skips the comparison unless an earlier run left frogmouth installed."""
    if install is None:
        install = any("compare" in arg for arg in sys.argv[1:])
    if not FROGMOUTH.exists() and not install:
        print("  skipped: frogmouth not installed yet (run with --only compare to install it)")
        return
    why = install_frogmouth()
    if why:
        print(f"  skipped: frogmouth could not be installed: {why}")
        return
    print(f"  {load_line()}", flush=True)
    work = Path(ctx.work) / "compare"
    shutil.rmtree(work, ignore_errors=True)  # a kept work folder from an earlier run
    work.mkdir(parents=True)
    compare(work, report)


def main() -> int:
    """Run the comparison on its own, in a temporary folder."""
    from bench import report

    with tempfile.TemporaryDirectory(prefix="tuireader-compare-") as tmp:

        class Ctx:
            work = Path(tmp)

        section_compare(Ctx, report, install=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
