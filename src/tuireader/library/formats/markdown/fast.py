"""A fast path for Markdown that is only paragraphs and ``#`` headings.

Many notes and converted articles use nothing else, and markdown-it's block pass is most
of our time on them. When no line could start any other block (list, quote, fence, code,
table, HTML, rule, setext underline, reference), the blocks are found here directly; a
property test checks the result equals markdown-it's on such text. Anything else
returns None and takes the full parser.
"""

from __future__ import annotations

import re

from tuireader.library.formats.markdown.inline import render_heading, render_inline
from tuireader.library.model import HEADING, PARAGRAPH, Block

# A line that may open a block other than a paragraph or a plain ATX heading.
_OTHER_BLOCK = re.compile(
    r"^(?:[ ]{0,3}(?:[>*+\-=_|<`~\[]|\d{1,9}[.)]|#{1,6}(?:[ \t]*$|.*#[ \t]*$)|#{7})"
    r"|[ ]{4}|[ ]{0,3}\t)",
    re.M,
)
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*)$")


def fast_blocks(body: str) -> list[Block] | None:
    """Blocks of a paragraphs-and-headings document, or None if it has anything else."""
    if "\r" in body or "\0" in body or _OTHER_BLOCK.search(body):
        return None
    blocks: list[Block] = []
    paragraph: list[str] = []
    for line in body.split("\n"):
        heading = _HEADING.match(line) if line.lstrip(" ").startswith("#") else None
        if heading is None and line.strip(" \t"):  # only spaces and tabs make a blank line
            paragraph.append(line)
            continue
        _end_paragraph(paragraph, blocks)
        if heading:
            shown = render_heading(heading.group(2).strip())
            if shown.text:
                blocks.append(Block(HEADING, shown.text, len(heading.group(1)), spans=shown.spans))
    _end_paragraph(paragraph, blocks)
    return blocks


def _end_paragraph(lines: list[str], blocks: list[Block]) -> None:
    if lines:
        shown = render_inline("\n".join(lines).strip())
        if shown.text:
            blocks.append(Block(PARAGRAPH, shown.text, spans=shown.spans))
        lines.clear()
