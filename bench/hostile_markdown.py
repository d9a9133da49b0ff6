"""What hostile Markdown costs to parse, per character, beside ordinary Markdown (not a test).

Run: ``python bench/hostile_markdown.py``. A file made of one markup character repeated
(``[[[[``, ``![![``, ``**``) must cost about what ordinary marked-up prose costs per
character, so a hostile file of 1 MB opens in seconds, not minutes. Prints µs per
character for each shape (best of three), its ratio to ordinary Markdown measured in the
same run, and the time to parse a 1 MB file of the worst shape.
"""

from __future__ import annotations

import time

from figures import load_line

from tuireader.library.formats.markdown.page import parse_markdown

# One paragraph per shape, each just under the inline renderer's run limit.
RUN = 19_000
ORDINARY = "Some *emphasis*, a [link](a.md#b), `code` and **strong** text; 中文的**重点**。\n"
SHAPES = {
    "ordinary Markdown": ORDINARY,
    "[ run": "[",
    "[a run": "[a",
    "![ run": "![",
    "[]( run": "[](",
    "[x] run": "[x]",
    "* run": "*",
    "_a run": "_a ",
    "` run": "`a",
    "<a run": "<a",
    "{{< run": "{{< ",
}


def per_char(text: str) -> float:
    """Best of three parses of ``text``, in µs per character."""
    best = min(_timed(text) for _ in range(3))
    return best * 1e6 / len(text)


def _timed(text: str) -> float:
    start = time.perf_counter()
    parse_markdown(text, "bench")
    return time.perf_counter() - start


def main() -> None:
    """Print the table and the 1 MB figure."""
    print(load_line())
    figures = {}
    for name, unit in SHAPES.items():
        paragraph = unit * (RUN // len(unit)) if name != "ordinary Markdown" else unit * 250
        figures[name] = per_char(paragraph)
    base = figures["ordinary Markdown"]
    print(f"{'shape':<20} {'µs/char':>8} {'x ordinary':>10}")
    for name, cost in figures.items():
        print(f"{name:<20} {cost:>8.2f} {cost / base:>10.1f}")
    worst = max((name for name in figures if name != "ordinary Markdown"), key=figures.get)
    unit = SHAPES[worst]
    paragraph = unit * (RUN // len(unit))
    megabyte = "\n\n".join([paragraph] * (1_000_000 // len(paragraph)))
    print(f"1 MB of {worst!r} paragraphs: {_timed(megabyte):.1f} s")


if __name__ == "__main__":
    main()
