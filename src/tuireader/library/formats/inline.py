"""Inline Markdown reduced to plain text, and CJK-aware joining of wrapped lines.

markdown-it's own inline pass costs ~4 ms per 10 KB, four times our whole budget, and we
only want the words. So blocks come from markdown-it and the inline layer is reduced
here with a few linear regexes: code spans are kept verbatim, links keep their text,
images become ``[image: alt]``, emphasis markers, tags and escapes disappear.
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
# Longer runs are left as written: hostile input (a 10 MB line of asterisks) must not
# cost seconds, and no real paragraph is this long.
MAX_MARKUP_RUN = 20_000
_CJK = re.compile(f"[{CJK_CLASS}]")
_MARKUP_CHARS = re.compile(r"[`*_\[\]<>&\\~!]")
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.{1,2000}?)(?<!`)\1(?!`)", re.S)
_IMAGE = re.compile(r"!\[([^\]\n]*(?:\n[^\]\n]*)*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(
    r"(?<![\\!])\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])"
)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"<!--.{0,4000}?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)
_STRONG = re.compile(r"(?<![\\*])(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)(?<!\\)\1", re.S)
_STAR = re.compile(r"(?<![\\*])\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*\\])\*(?!\*)", re.S)
_UNDERSCORE = re.compile(r"(?<![\\\w])_(?=\S)(.{1,1000}?)(?<=\S)(?<!\\)_(?!\w)", re.S)
_STRIKE = re.compile(r"(?<!\\)~~(?=\S)(.{1,1000}?)(?<=\S)~~", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|section|article|hr)\b", re.I
)


def reduce_inline(raw: str) -> str:
    """Plain text of one inline Markdown run (a paragraph, heading or cell)."""
    if len(raw) > MAX_MARKUP_RUN or not _MARKUP_CHARS.search(raw):
        return join_lines(raw)
    raw = _HARD_BREAK.sub("\n", raw)
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(raw):
        parts.append(_reduce_markup(raw[position : match.start()]))
        parts.append(_code_span_text(match.group(2)))
        position = match.end()
    parts.append(_reduce_markup(raw[position:]))
    return join_lines("".join(parts))


def _code_span_text(code: str) -> str:
    code = code.replace("\n", " ")
    if len(code) > 2 and code[0] == " " and code[-1] == " " and code.strip():
        return code[1:-1]
    return code


def _reduce_markup(text: str) -> str:
    # Each pattern runs only when its trigger is present: most paragraphs need none.
    if "[" in text:
        if "![" in text:
            text = _IMAGE.sub(_image_text, text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub(_inline_tag_gap, _AUTOLINK.sub(r"\1", text))
    if "**" in text or "__" in text:
        text = _STRONG.sub(r"\2", _STRONG.sub(r"\2", text))
    if "*" in text:
        text = _STAR.sub(r"\1", text)
    if "_" in text:
        text = _UNDERSCORE.sub(r"\1", text)
    if "~~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text) if "&" in text else text


def _image_text(match: re.Match[str]) -> str:
    alt = match.group(1).strip()
    return f"[image: {alt}]" if alt else "[image]"


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


def _inline_tag_gap(match: re.Match[str]) -> str:
    """``<br>`` inside a paragraph is a line break (joined CJK-aware later); others vanish."""
    return "\n" if match.group(0)[:3].lower() == "<br" else ""


def _tag_gap(match: re.Match[str]) -> str:
    """Block-level tags end a line; inline tags vanish without a gap."""
    return "\n" if _BLOCK_TAG.match(match.group(0)) else ""
