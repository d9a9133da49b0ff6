"""Markdown files (Jekyll, Hugo, Obsidian, plain) to a ParsedPage.

Front matter gives the metadata; without it the title is the first ``# `` heading (kept
out of the blocks) or the file stem, and the date comes from the stem
(``2022-11-01-slug``, ``20221101``). markdown-it-py finds the blocks with its inline pass
switched off; :mod:`tuireader.library.formats.markdown.inline` renders each inline run
(text plus link / emphasis / code spans). Pipe tables become one ``table`` block, fenced
code keeps its language, Jekyll's ``{% highlight lang %}`` is a fence.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from markdown_it.token import Token

from tuireader.library.formats.file_name import date_from_stem
from tuireader.library.formats.html.fragment import html_fragment_blocks
from tuireader.library.formats.inline import join_lines, strip_tags
from tuireader.library.formats.markdown.fast import fast_blocks
from tuireader.library.formats.markdown.frontmatter import split_front_matter
from tuireader.library.formats.markdown.inline import (
    Rendered,
    make_parser,
    render_heading,
    render_inline,
    strip_templates,
    unescape_shortcodes,
)
from tuireader.library.formats.markdown.meta import meta_from_front_matter
from tuireader.library.formats.plain.inline_meta import take_inline_meta
from tuireader.library.formats.plain.meta import Header
from tuireader.library.formats.table import table_block
from tuireader.library.model import (
    ALIGN_CENTER,
    ALIGN_LEFT,
    ALIGN_RIGHT,
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    RULE,
    ArticleMeta,
    Block,
    ParsedPage,
    Span,
)

# maxNesting (in make_parser): commonmark's 20 token levels end at ~7 nested lists and
# silently drop the rest of the file; 60 keeps real documents whole while bounding the
# recursion. The core "inline" step is off: inline runs are rendered one by one.
_PARSER = make_parser().disable("inline")
_HIGHLIGHT = re.compile(
    r"^[ \t]*\{%-?\s*(?:highlight\s+([\w+#.-]+)[^%]*|(endhighlight)\s*)-?%\}[ \t]*$", re.M
)
_ALIGNS = {"left": ALIGN_LEFT, "center": ALIGN_CENTER, "right": ALIGN_RIGHT}


def parse_markdown(text: str, stem: str) -> ParsedPage:
    """Parse a Markdown document (with optional front matter) named ``stem``."""
    raw_meta, body, warnings = split_front_matter(text)
    meta, meta_warnings = meta_from_front_matter(raw_meta)
    blocks = blocks_from_markdown(body)
    if not blocks and body.strip():
        # markdown-it drops what lies past its nesting limit (">" * 100000): keep the text.
        blocks = _plain_paragraphs(body)
        warnings += ("Markdown nested too deeply; shown as plain text",)
    title, blocks = _title_from_heading(meta.title or None, blocks)
    meta, blocks = _with_inline_meta(meta, blocks)
    return ParsedPage(
        meta=replace(meta, title=title or stem, date=meta.date or date_from_stem(stem)),
        blocks=tuple(blocks),
        warnings=warnings + meta_warnings,
    )


def _with_inline_meta(meta: ArticleMeta, blocks: list[Block]) -> tuple[ArticleMeta, list[Block]]:
    """``作者：`` / ``来源：`` / ``责任编辑：`` paragraphs near either end fill the fields the
    front matter left empty, and leave the body (reposted news in Jekyll posts)."""
    texts = [block.text if block.kind == PARAGRAPH else "" for block in blocks]
    header = Header.starting_from(meta)
    taken = take_inline_meta(texts, header)
    if not taken:
        return meta, blocks
    return header.meta, [block for i, block in enumerate(blocks) if i not in taken]


def _plain_paragraphs(body: str) -> list[Block]:
    chunks = (join_lines(chunk) for chunk in re.split(r"\n[ \t]*\n", body))
    return [Block(PARAGRAPH, chunk) for chunk in chunks if chunk]


def _title_from_heading(title: str | None, blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """A leading H1 is the title when there is none (or repeats it): keep it out of the body."""
    first = blocks[0] if blocks else None
    if first and first.kind == HEADING and first.level == 1 and title in (None, first.text):
        return first.text, blocks[1:]
    return title, blocks


def blocks_from_markdown(body: str, *, allow_fast: bool = True) -> list[Block]:
    """Blocks of a Markdown body (no front matter).

    Paragraph-and-heading documents take :func:`fast_blocks` unless ``allow_fast`` is
    False (tests compare both paths).
    """
    if "{%" in body:  # Jekyll's {% highlight ruby %} … {% endhighlight %} is a fence
        body = _HIGHLIGHT.sub(lambda m: "```" + (m[1] or "") if not m[2] else "```", body)
    fast = fast_blocks(body) if allow_fast else None
    if fast is not None:
        return fast
    builder = _BlockBuilder()
    with _gc_paused():
        for token in _PARSER.parse(body, builder.env):
            builder.feed(token)
    return builder.blocks


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while tokens and blocks pile up.

    markdown-it allocates several tokens per line; with the GC running, its full
    collections made a 2.2 MB file take 5.0 s instead of 1.8 s. Nothing made here holds
    cycles that need collecting mid-parse.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _BlockBuilder:
    """Turns markdown-it's flat token stream into Blocks, tracking lists and quotes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._quote_depth = 0
        self._lists: list[list[int | None]] = []  # per open list: [next ordinal or None]
        self._item_ordinal: list[int | None] = []  # per open item: ordinal until first used
        self._heading_level = 0
        # The table being read: rows of cells, header rows, column alignments.
        self._table: list[list[tuple[str, tuple[Span, ...]]]] | None = None
        self._header_rows = 0
        self._aligns: list[str] = []
        self._in_head = False
        # markdown-it fills in the link reference definitions during the block pass.
        self.env: dict[str, object] = {}

    def feed(self, token: Token) -> None:
        """Handle one markdown-it token (``_on_<type>``); unknown token types are ignored."""
        handler = getattr(self, "_on_" + token.type, None)
        if handler is not None:
            handler(token)

    def _on_heading_open(self, token: Token) -> None:
        self._heading_level = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self._heading_level = 0

    def _on_blockquote_open(self, token: Token) -> None:
        self._quote_depth += 1

    def _on_blockquote_close(self, token: Token) -> None:
        self._quote_depth -= 1

    def _on_bullet_list_open(self, token: Token) -> None:
        self._lists.append([None])

    def _on_ordered_list_open(self, token: Token) -> None:
        start = token.attrGet("start")
        self._lists.append([int(start) if isinstance(start, int | str) else 1])

    def _on_bullet_list_close(self, token: Token) -> None:
        self._lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        counter = self._lists[-1]
        ordinal = counter[0]
        if ordinal is not None:
            counter[0] = ordinal + 1
        self._item_ordinal.append(ordinal)

    def _on_list_item_close(self, token: Token) -> None:
        self._item_ordinal.pop()

    def _on_table_open(self, token: Token) -> None:
        self._table, self._header_rows, self._aligns = [], 0, []

    def _on_thead_open(self, token: Token) -> None:
        self._in_head = True

    def _on_thead_close(self, token: Token) -> None:
        self._in_head = False

    def _on_tr_open(self, token: Token) -> None:
        if self._table is not None:
            self._table.append([])
            self._header_rows += self._in_head

    def _on_th_open(self, token: Token) -> None:
        if self._table is not None and len(self._table) == 1:
            style = str(token.attrGet("style") or "")
            self._aligns.append(_ALIGNS.get(style.rpartition(":")[2].strip(), ""))

    def _on_table_close(self, token: Token) -> None:
        rows, self._table = self._table or [], None
        block = table_block(rows, self._header_rows, self._aligns)
        if block is not None:
            self.blocks.append(block)

    def _on_inline(self, token: Token) -> None:
        if self._heading_level and self._table is None:
            rendered = render_heading(token.content, self.env)
        else:
            rendered = render_inline(token.content, self.env)
        if self._table is not None:
            if self._table:
                self._table[-1].append((rendered.text, rendered.spans))
        elif self._heading_level:
            if rendered.text:
                self.blocks.append(
                    Block(HEADING, rendered.text, self._heading_level, spans=rendered.spans)
                )
        else:
            self._add(rendered)

    def _on_fence(self, token: Token) -> None:
        text = unescape_shortcodes(token.content.rstrip("\n"))
        if text:  # an empty fence (a lone ```) shows nothing: no empty block
            language = token.info.split(maxsplit=1)[0] if token.info.strip() else None
            self.blocks.append(Block(CODE, text, language=language and language[:40]))

    def _on_code_block(self, token: Token) -> None:
        text = token.content.rstrip("\n")
        if text:
            self.blocks.append(Block(CODE, text))

    def _on_hr(self, token: Token) -> None:
        self.blocks.append(Block(RULE, ""))

    def _on_html_block(self, token: Token) -> None:
        text = strip_templates(token.content) if "{" in token.content else token.content
        if "<table" in text.lower():  # an HTML table is drawn as a table too
            self.blocks.extend(html_fragment_blocks(text))
            return
        for chunk in re.split(r"\n\s*\n", strip_tags(text)):
            self._add(Rendered(join_lines(chunk)))

    def _add(self, rendered: Rendered) -> None:
        """A paragraph of text in the current context (list item, quote or plain)."""
        text, spans = rendered.text, rendered.spans
        if not text:
            return
        if self._item_ordinal:
            ordinal = self._item_ordinal[-1]
            self._item_ordinal[-1] = None  # later paragraphs of the item carry no number
            level = len(self._lists) - 1
            self.blocks.append(Block(LIST_ITEM, text, level, ordinal, spans=spans))
        elif self._quote_depth:
            self.blocks.append(Block(QUOTE, text, spans=spans))
        else:
            self.blocks.append(Block(PARAGRAPH, text, spans=spans))
