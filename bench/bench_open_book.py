"""A 2 MB EPUB book's first chapter against a 1 MB article: ``python bench/bench_open_book.py``.

The issue's measure: opening a 2 MB book's first chapter is as fast as opening a 1 MB
article. Both go through the real CLI on a pseudo-terminal (120x36) with the catalog
built first, with ``bench_open``'s own steps: Enter on the list's first row until the
chapter's (article's) first words are painted, G until its last paragraph is, and the CPU
each key costs. The book has ten chapters of 0.2 MB of made-up Chinese; the figures are
printed side by side, with their ratio (book / article) from the same run, beside the
load average. The scan of each library is timed too (a book is unzipped and parsed per
chapter; the article is one file).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "support"))

from bench_open import (  # noqa: E402
    FIRST,
    LAST,
    _median,
    build_catalogs,
    chinese_paragraphs,
    open_from_list,
    write_markdown,
)
from epub_builder import BookSpec, Chapter, write_book  # noqa: E402
from figures import load_line, spread  # noqa: E402  (puts tests/support on the path)

BOOK_FIRST, BOOK_LAST = "书的开头", "第一章终了"
CHAPTERS = 10
REPEAT = 5


def write_big_book(path: Path, megabytes: float = 2.0) -> None:
    """A book of ten chapters of made-up Chinese paragraphs, ``megabytes`` in all."""
    paragraphs = chinese_paragraphs(megabytes, seed=21)
    size = -(-len(paragraphs) // CHAPTERS)
    chapters = []
    for number in range(CHAPTERS):
        chunk = list(paragraphs[number * size : (number + 1) * size])
        if number == 0:
            chunk = [f"{BOOK_FIRST}，{chunk[0]}", *chunk[1:], f"{BOOK_LAST}。"]
        chapters.append(Chapter(f"ch{number + 1}.xhtml", f"第{number + 1}章", tuple(chunk), "zh"))
    toc = [(0, chapter.title, chapter.name) for chapter in chapters]
    write_book(path, BookSpec(title="两兆字节的书", language="zh", chapters=chapters, toc=toc))


def main() -> int:
    """Time both opens a few times and print medians and their ratio."""
    sys.path.insert(0, str(REPO / "src"))
    from bench import report

    print(f"  {load_line()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tuireader-book-") as tmp:
        work = Path(tmp)
        files = {"md": work / "libs" / "md" / "big.md", "book": work / "libs" / "book" / "big.epub"}
        for path in files.values():
            path.parent.mkdir(parents=True)
        write_markdown(files["md"])
        write_big_book(files["book"])
        report("book file (zipped)", f"{files['book'].stat().st_size / 2**20:.2f} MB")
        for kind, path in files.items():
            start = time.perf_counter()
            build_catalogs({kind: path}, work)
            report(f"scan the {kind} library", f"{time.perf_counter() - start:.2f} s")
        runs: dict[str, list[dict]] = {"md": [], "book": []}
        for _ in range(REPEAT):  # alternated, so a busy spell hits both alike
            runs["md"].append(open_from_list(files["md"].parent, work, FIRST, LAST))
            runs["book"].append(open_from_list(files["book"].parent, work, BOOK_FIRST, BOOK_LAST))
        shutil.rmtree(work / "libs", ignore_errors=True)
    opens = {kind: [r["open"] for r in results] for kind, results in runs.items()}
    report("Enter → 1 MB article painted", spread(opens["md"]))
    report("Enter → 2 MB book's chapter 1", spread(opens["book"]))
    best = min(opens["book"]) / min(opens["md"])
    ratio = _median(opens["book"]) / _median(opens["md"])
    report("  ratio book / article: best, median", f"{best:.2f}, {ratio:.2f}",
           "<= 1.2 (as fast, within noise)", ratio <= 1.2)  # fmt: skip
    ends = {kind: [t for r in results for t in r["end"]] for kind, results in runs.items()}
    report("G → last paragraph (article)", spread(ends["md"]))
    report("G → last paragraph (chapter 1)", spread(ends["book"]))
    for label in ("j", "space", "G,g"):
        cpu = {kind: _median([r["cpu"][label] for r in results]) for kind, results in runs.items()}
        report(f"CPU per key {label}: article / chapter",
               f"{cpu['md'] * 1000:.1f} / {cpu['book'] * 1000:.1f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
