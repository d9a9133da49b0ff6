"""Text helpers shared by the formats: CJK-aware joining of wrapped lines, HTML tags out.

The inline Markdown renderer itself lives in
:mod:`tuireader.library.formats.markdown.inline`.
"""

from __future__ import annotations

import html
import re

# Scripts written without spaces between words: a line break between two of these
# characters joins with nothing (Hangul is spaced, so it is not here).
CJK_CLASS = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
_CJK = re.compile(f"[{CJK_CLASS}]")
# Markup that shows nothing: comments, processing instructions (<?php … ?>), <!DOCTYPE>,
# CDATA sections, and tags.
_TAG = re.compile(
    r"<!--.{0,4000}?-->|<\?.{0,4000}?\?>|<!\[CDATA\[.{0,100000}?\]\]>|<![A-Za-z][^>]{0,4000}>"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
    re.S,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|section|article|hr)\b", re.I
)


def join_lines(text: str) -> str:
    """Join wrapped lines: nothing between CJK characters, one space elsewhere."""
    if "\n" not in text:
        return text.strip()
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    pieces = [lines[0]]
    for line in lines[1:]:
        previous = pieces[-1]
        if _CJK.match(previous[-1]) or _CJK.match(line[0]):
            pieces.append(line)
        else:
            pieces.append(" " + line)
    return "".join(pieces)


def strip_tags(markup: str) -> str:
    """Text of a raw HTML fragment (Markdown html blocks): tags dropped, entities decoded."""
    text = _TAG.sub(_tag_gap, markup)
    return html.unescape(text) if "&" in text else text


def _tag_gap(match: re.Match[str]) -> str:
    """Block-level tags end a line; inline tags vanish without a gap."""
    return "\n" if _BLOCK_TAG.match(match.group(0)) else ""
