"""Print per-article parse times of the Markdown and HTML parsers on 10 KB pages (not a test).

Run: ``PYTHONPATH=src python bench/bench_formats.py``. The HTML pages are the test
fixtures padded with more of their own paragraphs to 10 KB; the Markdown pages are built
here (one markup-heavy, one plain). If trafilatura imports, it is timed on the same
HTML for comparison (it is not a dependency; this is how the choice was made).
"""

from __future__ import annotations

import sys
import time
import timeit
from pathlib import Path

from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.markdown.page import parse_markdown

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"
SIZE = 10 * 1024
FRONT = "---\ntitle: T\ndate: 2022-11-01\ntags: [a, b]\ncategories: [x]\n---\n# Title\n\n"
MARKUP = (
    "A *paragraph* with `code`, a [link](http://x.org) and **bold** words in it.\n"
    "中文段落，包含一些文字，用于测试解析速度。第二行继续写。\n\n"
)
PLAIN = "这是一个普通的中文段落，没有任何标记，只是文字而已，很长很长。\nA plain English line.\n\n"
TAIL = "- item one\n- item two\n  - nested\n\n```py\ncode\n```\n\n> quote\n\n"


def markdown_page(paragraph: str, tail: str = TAIL) -> str:
    unit = paragraph * 10 + tail
    text = FRONT + unit * (SIZE // len(unit.encode()) + 1)
    return text.encode()[:SIZE].decode(errors="ignore")


def html_page(name: str) -> str:
    """A fixture page grown to 10 KB by repeating its first article paragraph."""
    html = (PAGES / name).read_text(encoding="utf-8")
    start = html.find("<p>", html.find("<body"))
    end = html.find("</p>", start) + 4
    while len(html.encode()) < SIZE:
        html = html[:end] + "\n" + html[start:end] + html[end:]
    return html


def per_call_ms(function, text: str) -> float:
    """CPU time per call (process time, so other busy processes do not inflate it)."""
    runs = 200
    timer = timeit.Timer(lambda: function(text, "stem"), timer=time.process_time)
    return min(timer.repeat(repeat=3, number=runs)) / runs * 1000


def main() -> None:
    markdown = {
        "markup-heavy": markdown_page(MARKUP),
        "plain+lists": markdown_page(PLAIN),
        "prose": markdown_page(PLAIN, "## A section heading\n\n"),  # takes the fast path
    }
    for label, page in markdown.items():
        print(f"parse_markdown 10 KB {label:12s} {per_call_ms(parse_markdown, page):.2f} ms")
    pages = {name: html_page(name) for name in ("cn_news.html", "en_blog.html")}
    for name, html in pages.items():
        print(f"parse_html     10 KB {name:12s} {per_call_ms(parse_html, html):.2f} ms")
    try:
        started = time.perf_counter()
        import trafilatura
    except ImportError as error:
        print(f"trafilatura not importable ({error.__class__.__name__}); skipped", file=sys.stderr)
        return
    print(f"import trafilatura {(time.perf_counter() - started) * 1000:.0f} ms")
    for name, html in pages.items():
        ms = per_call_ms(
            lambda text, _stem: trafilatura.bare_extraction(text, with_metadata=True), html
        )
        print(f"trafilatura    10 KB {name:12s} {ms:.2f} ms")


if __name__ == "__main__":
    main()
