"""Inline Markdown to shown text plus spans (links, emphasis, code), CJK-friendly.

The block pass runs with markdown-it's inline rules off; each paragraph, heading or
table cell is rendered here. Text with no markup character at all (most Chinese prose)
takes a shortcut and never meets the inline parser; the rest goes through markdown-it's
own inline rules, so links with code or emphasis inside, images (``[image: alt]``),
autolinks, entities, escapes, hard breaks and raw HTML (tags dropped, text kept) come out
as CommonMark says.

Two amendments. **CJK-friendly emphasis**: CommonMark's flanking rules refuse
``**“重点”**的`` and ``，**注意**：``, because a full-width punctuation mark beside the
delimiter counts as punctuation while the CJK character on the other side does not count
as a space; here a CJK character on the far side counts like one (the CJK-friendly
amendment). **Site-generator templates**: Hugo shortcodes (``{{< … >}}``, ``{{% … %}}``)
and Liquid tags (``{% … %}``, ``{{ … }}``) never show: a pair leaves its inner text, a
single one leaves nothing; the escaped form ``{{</* x */>}}`` shows as ``{{< x >}}``.
Code spans keep everything as written.

A soft line break joins CJK text with nothing and anything else with a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, StateInline
from markdown_it.token import Token

from tuireader.library.formats.inline import CJK_CLASS, join_lines
from tuireader.library.formats.markdown import link_label
from tuireader.library.formats.markdown.link_label import LABELS
from tuireader.library.model import (
    SPAN_ANCHOR,
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_LINK,
    SPAN_STRIKE,
    SPAN_STRONG,
    Span,
)
from tuireader.text.sanitize import sanitize_text

# Longer runs are left as written: hostile input (a 10 MB line of asterisks) must not
# cost seconds, and no real paragraph is this long.
MAX_MARKUP_RUN = 20_000
_CJK = re.compile(f"[{CJK_CLASS}]")
# Any of these may start inline markup; text without them is shown as it is.
_MARKUP_CHARS = re.compile(r"[`*_\[\]<>&\\~!{]| \n")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_ESCAPED_SHORTCODE = re.compile(r"\{\{([<%])/\*\s?(.*?)\s?\*/([>%])\}\}", re.S)
# A tag never holds another tag's opening, so a scan for the close stops at the next
# "{{" or "{%": a run of unclosed openers ("{{< {{< …") costs one short scan each.
_INSIDE = r"(?:(?!\{[{%]).){0,2000}?"
_TEMPLATE_TAG = re.compile(
    rf"\{{\{{<{_INSIDE}>\}}\}}|\{{\{{%{_INSIDE}%\}}\}}"
    rf"|\{{%-?{_INSIDE}-?%\}}|\{{\{{-?{_INSIDE}-?\}}\}}",
    re.S,
)
_FIGURE_TEXT = re.compile(r"""\b(?:caption|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_FIGURE = re.compile(r"^\{\{[<%]\s*(?:figure|img|image)\b")
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPAN_OF = {"em": SPAN_EMPHASIS, "strong": SPAN_STRONG, "s": SPAN_STRIKE}
# A heading's attribute block (Pandoc, kramdown, Hugo): ``## Setup {#install .wide}``.
_HEADING_ATTRIBUTES = re.compile(
    r"[ \t]*\{[ \t]*([#.][^{}]{0,200}?|[^{}=]{1,60}=[^{}]{0,200}?)\}[ \t]*$"
)
_HEADING_ID = re.compile(r"(?:^|\s)#([^\s#.{}]{1,100})")


@dataclass(frozen=True, slots=True)
class Rendered:
    """The shown text of an inline run and its spans (offsets into ``text``)."""

    text: str
    spans: tuple[Span, ...] = ()


def make_parser() -> MarkdownIt:
    """markdown-it with tables and strikethrough, inline rules kept for :func:`render_inline`,
    emphasis and strikethrough made CJK-friendly."""
    parser = MarkdownIt("commonmark", options_update={"maxNesting": 60})
    parser.enable(["table", "strikethrough"])
    parser.inline.ruler.at("emphasis", _emphasis)
    parser.inline.ruler.at("strikethrough", _strikethrough)
    # Only this parser's link and image rules see the linear label scan.
    parser.helpers = link_label
    return parser


def render_inline(raw: str, env: dict[str, Any] | None = None) -> Rendered:
    """The shown text and spans of one inline Markdown run (a paragraph, heading, cell).

    ``env`` carries the document's link reference definitions (from the block pass).
    """
    raw = raw.strip()
    if len(raw) > MAX_MARKUP_RUN or not _MARKUP_CHARS.search(raw):
        return Rendered(join_lines(raw))
    if "{" in raw:
        raw = strip_templates(raw)
        if not _MARKUP_CHARS.search(raw):
            return Rendered(join_lines(raw))
    tokens: list[Token] = []
    # A fresh table of link-label ends per run (the document's references kept).
    run_env = {**env, LABELS: {}} if env is not None else {LABELS: {}}
    INLINE.inline.parse(raw, INLINE, run_env, tokens)
    writer = _Writer()
    writer.write(tokens)
    return writer.result()


def render_heading(raw: str, env: dict[str, Any] | None = None) -> Rendered:
    """A heading's text and spans; its attribute block (``{#id .class}``) never shows,
    and its id is kept as an :data:`SPAN_ANCHOR` span over the whole text, for links."""
    found = _HEADING_ATTRIBUTES.search(raw) if raw.rstrip().endswith("}") else None
    if found is None or "{{" in raw[found.start() : found.end()]:
        return render_inline(raw, env)
    shown = render_inline(raw[: found.start()], env)
    named = _HEADING_ID.search(found.group(1))
    if named is None or not shown.text:
        return shown
    anchor = Span(0, len(shown.text), SPAN_ANCHOR, named.group(1))
    return Rendered(shown.text, (*shown.spans, anchor))


def strip_templates(raw: str) -> str:
    """Site-generator tags out of inline text (code spans keep theirs)."""
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(raw) if "`" in raw else ():
        parts.append(_strip_tags(raw[position : match.start()]))
        parts.append(_unescape_shortcodes(match.group(0)))
        position = match.end()
    parts.append(_strip_tags(raw[position:]))
    return "".join(parts)


def unescape_shortcodes(code: str) -> str:
    """``{{</* x */>}}`` (Hugo's way to show a shortcode) as ``{{< x >}}``."""
    return _unescape_shortcodes(code)


def _unescape_shortcodes(text: str) -> str:
    if "/*" not in text:
        return text
    return _ESCAPED_SHORTCODE.sub(lambda m: "{{" + m[1] + " " + m[2] + " " + m[3] + "}}", text)


def _strip_tags(text: str) -> str:
    if "{" not in text:
        return text
    escaped: list[str] = []

    def keep(match: re.Match[str]) -> str:
        escaped.append("{{" + match[1] + " " + match[2] + " " + match[3] + "}}")
        return f"\0{len(escaped) - 1}\0"

    text = _ESCAPED_SHORTCODE.sub(keep, text) if "/*" in text else text
    replaced = _TEMPLATE_TAG.sub(_tag_replacement, text)
    if replaced != text:  # "a {{ x }} b": one space where the tag stood, not two
        replaced = _SPACES.sub(" ", replaced)
    text = replaced
    for index, literal in enumerate(escaped):
        # A shown shortcode is code: keep markdown-it from reading its < > as HTML.
        text = text.replace(f"\0{index}\0", "`" + literal + "`")
    return text


def _tag_replacement(match: re.Match[str]) -> str:
    """A figure shortcode with a caption shows as an image; every other tag as nothing."""
    tag = match.group(0)
    if _FIGURE.match(tag):
        found = _FIGURE_TEXT.search(tag)
        caption = (found[1] or found[2]) if found else ""
        return f"[image: {caption}]" if caption else "[image]"
    return ""


class _Writer:
    """Walks inline tokens, appending shown text and collecting spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self._open: list[tuple[str, int, str | None]] = []
        self._after_break = False

    def result(self) -> Rendered:
        text = "".join(self.parts)
        stripped = text.rstrip()
        lead = len(text) - len(text.lstrip())
        text = stripped.lstrip()
        spans = tuple(
            sorted(
                (
                    Span(max(0, s.start - lead), min(len(text), s.end - lead), s.kind, s.target)
                    for s in self.spans
                    if min(len(text), s.end - lead) > max(0, s.start - lead)
                ),
                key=lambda span: (span.start, -span.end, span.kind != SPAN_LINK),
            )
        )
        return Rendered(text, spans)

    def add(self, text: str) -> None:
        if self._after_break:  # a hard break's next line starts at its first word
            text = text.lstrip(" ")
            self._after_break = False
        if text:
            self.parts.append(text)
            self.length += len(text)

    def write(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "text":
                self.add(token.content)
            elif kind == "text_special":  # an escape or an entity: may decode to anything
                self.add(sanitize_text(token.content))
            elif kind == "code_inline":
                start = self.length
                self.add(_unescape_shortcodes(token.content))
                self.spans.append(Span(start, self.length, SPAN_CODE))
            elif kind == "softbreak":
                self._soft_break(tokens, index)
            elif kind == "hardbreak":
                self._trim_trailing_spaces()
                self.add("\n")
                self._after_break = True
            elif kind == "image":
                alt = _plain(token.children or [])
                self.add(f"[image: {alt}]" if alt else "[image]")
            elif kind == "html_inline":
                if token.content[:3].lower() == "<br":
                    self._trim_trailing_spaces()
                    self.add("\n")
                    self._after_break = True
            elif kind.endswith("_open"):
                target = token.attrGet("href") if kind == "link_open" else None
                self._open.append((kind[:-5], self.length, str(target) if target else None))
            elif kind.endswith("_close"):
                self._close(kind[:-6])

    def _close(self, name: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            opened, start, target = self._open[position]
            if opened == name:
                del self._open[position]
                span_kind = SPAN_LINK if name == "link" else _SPAN_OF.get(name)
                if span_kind and self.length > start:
                    self.spans.append(Span(start, self.length, span_kind, target))
                return

    def _soft_break(self, tokens: list[Token], index: int) -> None:
        self._trim_trailing_spaces()
        before = self.parts[-1][-1:] if self.parts else ""
        after = _next_char(tokens, index + 1)
        # No space beside CJK text, nor before a line that opens with one ("[ guide](g)").
        if before and after and not (after.isspace() or _CJK.match(before) or _CJK.match(after)):
            self.add(" ")

    def _trim_trailing_spaces(self) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            last = self.parts[-1]
            trimmed = last.rstrip(" ")
            self.length -= len(last) - len(trimmed)
            if trimmed:
                self.parts[-1] = trimmed
            else:
                self.parts.pop()


def _next_char(tokens: list[Token], start: int) -> str:
    """The first character the tokens from ``start`` will show ("" if none)."""
    for token in tokens[start:]:
        if token.type in ("text", "text_special", "code_inline") and token.content:
            return token.content[0]
        if token.type == "image":
            return "["
        if token.type in ("softbreak", "hardbreak"):
            return ""
        # html_inline and the open/close tokens show nothing: look past them.
    return ""


def _plain(tokens: list[Token]) -> str:
    """The text of an image's alt tokens (nested images give their alt too)."""
    pieces: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            pieces.append(token.content)
        elif token.type == "text_special":
            pieces.append(sanitize_text(token.content))
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif token.type == "image":
            pieces.append(_plain(token.children or []))
    return "".join(pieces).strip()


def _cjk_scan(state: StateInline, start: int, can_split_word: bool) -> tuple[bool, bool, int]:
    """``StateInline.scanDelims`` with the CJK-friendly amendment (see the module doc)."""
    src, maximum = state.src, state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    following = src[pos] if pos < maximum else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(following))
    last_cjk = _CJK.match(last) is not None
    next_cjk = _CJK.match(following) is not None
    left = not (next_space or (next_punct and not (last_space or last_punct or last_cjk)))
    right = not (last_space or (last_punct and not (next_space or next_punct or next_cjk)))
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return can_open, can_close, pos - start


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis tokenizer with :func:`_cjk_scan` for the delimiter runs."""
    marker = state.src[state.pos]
    if silent or marker not in ("_", "*"):
        return False
    can_open, can_close, length = _cjk_scan(state, state.pos, marker == "*")
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(ord(marker), length, len(state.tokens) - 1, -1, can_open, can_close)
        )
    state.pos += length
    return True


def _strikethrough(state: StateInline, silent: bool) -> bool:
    """markdown-it's ``~~`` tokenizer with :func:`_cjk_scan` for the delimiter runs."""
    marker = state.src[state.pos]
    if silent or marker != "~":
        return False
    can_open, can_close, run = _cjk_scan(state, state.pos, True)
    if run < 2:
        return False
    if run % 2:  # an odd run: its first ~ is text, the rest pair up
        token = state.push("text", "", 0)
        token.content = marker
    for _ in range(run // 2):
        token = state.push("text", "", 0)
        token.content = marker + marker
        state.delimiters.append(
            Delimiter(ord(marker), 0, len(state.tokens) - 1, -1, can_open, can_close)
        )
    state.pos += run  # the whole run (past the lone ~ too)
    return True


# The parser whose inline rules render runs (built last: it needs the rules above).
INLINE = make_parser()
