"""Open a 1 MB article in a real terminal and time it: ``python bench/bench_open.py``.

Everything runs through the real CLI on a pseudo-terminal (120x36), with the catalog
built before the clock starts (the cold figure, with no catalog yet, is printed too):
  * start → article painted: ``tuireader FILE`` until the article's first words are in
    the terminal output; ``tuireader tiny.md`` gives start-up alone, the difference is
    the cost of opening the big file.
  * Enter → first paragraph: the list shows the library, Enter opens the article (the
    issue's "opening a 1 MB article").
  * G → last paragraph: from the key's write to the bytes of the last paragraph, once
    right after the open (the tail not wrapped yet, the app still busy with the open's
    follow-up work) and again later; ``cat``'s echo gives the pty's own round trip and a
    one-line ``j`` the app's cheapest repaint.
  * CPU per key in the reader: /proc/PID/stat around each press, minus an idle spell.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import load_line, spread  # noqa: E402  (puts tests/support on the path)
from pty_harness import PtyApp  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FIRST, LAST = "开篇标记", "全文终了"  # the article's first words, its last paragraph
TXT_FIRST, TXT_LAST = "网页开头", "网页结尾"
TINY = "小文章的正文"
FRAME = b"Sections"  # the section tree's title: the first frame is on screen
OPEN_TARGET, START_TARGET, KEY_TARGET = 0.3, 0.6, 0.015
HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于下子说年着就出也方后"


def chinese_paragraphs(megabytes: float, seed: int = 11, sizes=(150, 900)) -> list[str]:
    """Made-up Chinese paragraphs (3 UTF-8 bytes a character) adding up to ``megabytes``,
    each between ``sizes`` characters long."""
    rng = random.Random(seed)
    left, out = int(megabytes * 2**20 / 3), []
    while left > 0:
        size = min(left, rng.randint(*sizes))
        chars = [rng.choice(HANZI) if rng.random() > 0.08 else "，" for _ in range(size)]
        out.append("".join(chars) + "。")
        left -= size
    return out


def write_markdown(path: Path, megabytes: float = 1.0, sizes=(150, 900)) -> None:
    """A 1 MB Chinese Markdown article with front matter and a heading every 40 paragraphs."""
    body = chinese_paragraphs(megabytes, sizes=sizes)
    parts = ["---\ntitle: 一兆字节的文章\ndate: 2024-05-01\n---\n", f"{FIRST}，{body[0]}"]
    for n, text in enumerate(body[1:], 1):
        parts.append(f"## 第{n // 40 + 1}节" if n % 40 == 0 else text)
    parts.append(f"{LAST}。")
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def write_scraped_text(path: Path, megabytes: float = 1.0) -> None:
    """A 1 MB scraped page as plain text: title line, breadcrumb, paragraphs."""
    body = chinese_paragraphs(megabytes, seed=12)
    head = ["一兆字节的网页", "首页 > 新闻 > 长文", f"{TXT_FIRST}，{body[0]}"]
    path.write_text("\n\n".join([*head, *body[1:], f"{TXT_LAST}。"]) + "\n", encoding="utf-8")


def make_libraries(root: Path) -> dict[str, Path]:
    """One folder per article, so each list holds just that article."""
    files = {"md": root / "md" / "big.md", "txt": root / "txt" / "big.txt"}
    files["tiny"] = root / "tiny" / "tiny.md"
    for path in files.values():
        path.parent.mkdir(parents=True)
    write_markdown(files["md"])
    write_scraped_text(files["txt"])
    files["tiny"].write_text(f"---\ntitle: 小\n---\n\n{TINY}。\n", encoding="utf-8")
    return files


def app_env(work: Path) -> dict[str, str]:
    """Environment for the app: private data, cache and config folders.

    Each start gets a new data folder: no remembered article or reading position.
    """
    return {
        "TUIREADER_DATA_DIR": tempfile.mkdtemp(prefix="data-", dir=work),
        "TUIREADER_CACHE_DIR": str(work / "cache"),
        "TUIREADER_CONFIG": str(work / "config.yaml"),
        "PYTHONPATH": str(REPO / "src"),
    }


def build_catalogs(files: dict[str, Path], work: Path) -> None:
    """Scan each library once, as an earlier start would have."""
    from tuireader.catalog import Catalog
    from tuireader.config import resolve_paths

    env = app_env(work)
    paths = resolve_paths(env["TUIREADER_DATA_DIR"], env["TUIREADER_CACHE_DIR"])
    for path in files.values():
        catalog = Catalog(paths.catalog_db(path.parent), path.parent)
        catalog.scan()
        catalog.close()


def tuireader(target: Path) -> list[str]:
    """The command line that opens ``target``."""
    return [sys.executable, "-m", "tuireader", str(target)]


def time_start(argv: list[str], work: Path, marker: str) -> tuple[float, float, float]:
    """Seconds from before the fork to the first frame and to ``marker`` on screen, and
    the CPU seconds the app had used by then."""
    term = PtyApp(argv, env=app_env(work)).start()
    try:
        frame = term.arrival(FRAME, since=0) - term.started
        shown = term.arrival(marker.encode(), since=0) - term.started
        return frame, shown, term.cpu_seconds()
    finally:
        term.kill()


def open_from_list(library: Path, work: Path, first: str, last: str) -> dict:
    """Enter on the list's only row, G at once, then G, g and j again; their timings."""
    term = PtyApp(tuireader(library), env=app_env(work)).start()
    try:
        term.arrival(b" article", since=0)
        term.read_for(1.5)  # the start-up rescan and the first paints are over
        cpu = term.cpu_seconds()
        result = {"open": term.key_to(b"\r", first.encode())}
        result["open_cpu"] = term.cpu_seconds() - cpu
        # At once: the tail is not wrapped yet, the background wrapping has just begun.
        result["first_end"] = term.key_to(b"G", last.encode())
        term.read_for(1.0)
        result.update(end=[], top=[], line=[])
        for _ in range(5):
            result["top"].append(term.key_to(b"g", first.encode()))
            term.read_for(0.3)
            result["end"].append(term.key_to(b"G", last.encode()))
            term.read_for(0.3)
        term.key_to(b"g", first.encode())  # j must have somewhere to go
        term.read_for(0.3)
        for _ in range(5):
            result["line"].append(term.key_to(b"j", None))
            term.read_for(0.2)
        result["cpu"] = {name: term.key_cpu(keys) for name, keys in CPU_KEYS}
        return result
    finally:
        term.kill()


def pty_round_trip(times: int = 20) -> list[float]:
    """Seconds for a byte to come back from ``cat`` on a pty (the terminal's echo)."""
    term = PtyApp(["cat"], env={}).start()
    try:
        term.read_for(0.2)
        return [term.key_to(b"x", None) for _ in range(times)]
    finally:
        term.kill()


# (label, keys cycled); G and g alternate so each press moves the whole article.
CPU_KEYS = (("j", b"j"), ("space", b" "), ("G,g", b"Gg"))


def section_open(ctx, report, repeat: int = 3) -> None:
    """Print every figure beside its target; ``ctx.work`` holds the temporary libraries."""
    print(f"  {load_line()}", flush=True)
    work = Path(ctx.work) / "open"
    shutil.rmtree(work, ignore_errors=True)  # a kept work folder from an earlier run
    files = make_libraries(work / "libraries")
    report("pty round trip (cat echo)", spread(pty_round_trip()))
    cold = time_start(tuireader(files["md"]), work, FIRST)
    report("no catalog yet: start → 1 MB md", f"{cold[1]:.2f} s")
    report("  CPU by then", f"{cold[2]:.2f} s")
    build_catalogs(files, work)
    _starts(files, work, report, repeat)
    for kind, first, last in (("md", FIRST, LAST), ("txt", TXT_FIRST, TXT_LAST)):
        runs = [open_from_list(files[kind].parent, work, first, last) for _ in range(repeat)]
        _reader_figures(kind, runs, report)


def _starts(files: dict[str, Path], work: Path, report, repeat: int) -> None:
    """Start-up alone (tiny file) and start-up with the 1 MB files; their difference."""
    alone: list[float] = []
    for kind, marker in (("tiny", TINY), ("md", FIRST), ("txt", TXT_FIRST)):
        runs = [time_start(tuireader(files[kind]), work, marker) for _ in range(repeat)]
        frames, shown = [r[0] for r in runs], [r[1] for r in runs]
        name = "tiny article" if kind == "tiny" else f"1 MB {kind}"
        ok = _median(frames) <= START_TARGET
        report(f"{name}: start → first frame", spread(frames), "<= 0.6 s", ok)
        report(f"{name}: start → text painted", spread(shown))
        report(f"{name}: CPU by then", spread([r[2] for r in runs]))
        if kind == "tiny":
            alone = shown
        else:
            extra = _median(shown) - _median(alone)
            ok = extra <= OPEN_TARGET
            report(f"{name}: open cost (minus tiny)", f"{extra * 1000:.0f} ms", "<= 0.3 s", ok)


def _reader_figures(kind: str, runs: list[dict], report) -> None:
    """Open, end, top and line timings, and CPU per key, for one article kind.

    A figure is judged by its median over the runs (the machine is shared)."""
    opens = [r["open"] for r in runs]
    report(f"Enter → 1 MB {kind} painted", spread(opens), "<= 0.3 s", _median(opens) <= OPEN_TARGET)
    report(f"  CPU used by the open ({kind})", spread([r["open_cpu"] for r in runs]))
    ends = [r["first_end"] for r in runs]
    report(f"G at once → last para ({kind})", spread(ends), "<= 50 ms", _median(ends) <= 0.05)
    ends = [t for r in runs for t in r["end"]]
    report(f"G again → last para ({kind})", spread(ends), "<= 50 ms", _median(ends) <= 0.05)
    report(f"g → first paragraph ({kind})", spread([t for r in runs for t in r["top"]]))
    report(f"j → first bytes ({kind})", spread([t for r in runs for t in r["line"]]))
    for label, _ in CPU_KEYS:
        per_key = _median([r["cpu"][label] for r in runs])
        ok = per_key <= KEY_TARGET
        report(f"CPU per key {label} ({kind})", f"{per_key * 1000:.1f} ms", "<= 15 ms", ok)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> int:
    """Run the section on its own, in a temporary folder."""
    sys.path.insert(0, str(REPO / "src"))
    from bench import report

    with tempfile.TemporaryDirectory(prefix="tuireader-open-") as tmp:

        class Ctx:
            work = Path(tmp)

        section_open(Ctx, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
