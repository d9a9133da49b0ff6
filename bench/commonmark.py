"""How much of the CommonMark spec's examples we render right (not a test).

Run: ``PYTHONPATH=src python bench/commonmark.py [--list] [--section NAME]``.

For each of the spec's examples (``../shared/corpora/commonmark/spec.json``), the text
our Markdown parser gives (block texts joined by spaces) must equal the visible text of
the spec's HTML: tags removed, entities decoded, whitespace collapsed. Two conventions
of the reader are applied to the HTML side: an image is shown as ``[image: alt]``
(``[image]`` without alt text), and the list markers and the rule of ``<hr>`` are not
text. Prints passes per section and in all; ``--list`` prints every failure with both
texts.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

from tuireader.library.formats.markdown.page import blocks_from_markdown

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("TUIREADER_CORPORA", REPO.parent.parent / "shared" / "corpora"))
if not CORPORA.exists():
    CORPORA = REPO.parent / "shared" / "corpora"
SPEC = CORPORA / "commonmark" / "spec.json"

_IMG = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
# Tags that end a line of text; the others (em, strong, a, code …) sit inside a word.
_BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|blockquote|pre|hr|table|thead|tbody|tr|td|th|div|br)\b[^>]*>", re.I
)


def visible_text(markup: str) -> str:
    """The text a browser shows for the spec's HTML, with our image convention."""
    markup = _IMG.sub(lambda m: f"[image: {m[1]}]" if m[1] else "[image]", markup)
    # Raw HTML the spec passes through (<a href>, <div>, comments) is markup too.
    # <!--> and <!---> are whole (empty) comments since CommonMark 0.31.
    markup = re.sub(r"<!---?>|<!--.*?-->", " ", markup, flags=re.S)
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", markup))
    return normalise(html.unescape(text))


def normalise(text: str) -> str:
    """Whitespace runs as one space (a line break inside a paragraph is a space)."""
    return " ".join(text.split())


def rendered_text(markdown: str) -> str:
    """What the reader shows for ``markdown``: its blocks' texts."""
    return normalise(" ".join(block.text for block in blocks_from_markdown(markdown)))


def score(spec: Path = SPEC) -> tuple[int, int]:
    """(passed, total) over every example of ``spec``."""
    examples = json.loads(spec.read_text(encoding="utf-8"))
    passed = sum(
        visible_text(example["html"]) == rendered_text(example["markdown"]) for example in examples
    )
    return passed, len(examples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print every failure")
    parser.add_argument("--section", help="only this section")
    args = parser.parse_args()
    if not SPEC.exists():
        print(f"commonmark: {SPEC} not found (skipped)")
        return
    examples = json.loads(SPEC.read_text(encoding="utf-8"))
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: list[str] = []
    for number, example in enumerate(examples, 1):
        section = example["section"]
        if args.section and section != args.section:
            continue
        total[section] += 1
        want, got = visible_text(example["html"]), rendered_text(example["markdown"])
        if want == got:
            passed[section] += 1
        else:
            failures.append(
                f"#{example.get('example', number)} [{section}]\n"
                f"  md   {example['markdown']!r}\n  want {want!r}\n  got  {got!r}"
            )
    width = max(len(section) for section in total)
    for section in total:
        print(f"{section:{width}s} {passed[section]:4d}/{total[section]:<4d}")
    all_passed, all_total = sum(passed.values()), sum(total.values())
    print(f"{'all':{width}s} {all_passed:4d}/{all_total:<4d} ({all_passed / all_total:.1%})")
    if args.list:
        print("\n".join(failures), file=sys.stdout)


if __name__ == "__main__":
    main()
