"""Markdown files (Jekyll, Hugo, Obsidian, plain) to a ParsedPage.

Front matter gives the metadata; without it the title is the first ``# `` heading (kept
out of the blocks) or the file stem, and the date comes from the stem
(``2022-11-01-slug``, ``20221101``). markdown-it-py finds the blocks; its inline pass
is switched off for speed and :mod:`tuireader.library.formats.inline` reduces inline markup.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tuireader.library.formats.file_name import date_from_stem
from tuireader.library.formats.inline import join_lines, reduce_inline, strip_tags
from tuireader.library.formats.markdown.fast import fast_blocks
from tuireader.library.formats.markdown.frontmatter import split_front_matter
from tuireader.library.formats.markdown.meta import meta_from_front_matter
from tuireader.library.model import (
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    RULE,
    Block,
    ParsedPage,
)

# maxNesting: commonmark's 20 token levels end at ~7 nested lists and silently drop the
# rest of the file; 60 keeps real documents whole while bounding the recursion.
_PARSER = (
    MarkdownIt("commonmark", options_update={"maxNesting": 60}).enable("table").disable("inline")
)


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
    return ParsedPage(
        meta=replace(meta, title=title or stem, date=meta.date or date_from_stem(stem)),
        blocks=tuple(blocks),
        warnings=warnings + meta_warnings,
    )


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
    fast = fast_blocks(body) if allow_fast else None
    if fast is not None:
        return fast
    builder = _BlockBuilder()
    with _gc_paused():
        for token in _PARSER.parse(body):
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
        self._row: list[str] | None = None

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

    def _on_tr_open(self, token: Token) -> None:
        self._row = []

    def _on_tr_close(self, token: Token) -> None:
        if self._row and any(self._row):
            self._add(" | ".join(self._row))
        self._row = None

    def _on_inline(self, token: Token) -> None:
        text = reduce_inline(token.content)
        if self._row is not None:
            self._row.append(text)
        elif self._heading_level:
            if text:
                self.blocks.append(Block(HEADING, text, level=self._heading_level))
        else:
            self._add(text)

    def _on_fence(self, token: Token) -> None:
        text = token.content.rstrip("\n")
        if text:  # an empty fence (a lone ```) shows nothing: no empty block
            self.blocks.append(Block(CODE, text))

    _on_code_block = _on_fence

    def _on_hr(self, token: Token) -> None:
        self.blocks.append(Block(RULE, ""))

    def _on_html_block(self, token: Token) -> None:
        for chunk in re.split(r"\n\s*\n", strip_tags(token.content)):
            self._add(join_lines(chunk))

    def _add(self, text: str) -> None:
        """A paragraph of text in the current context (list item, quote or plain)."""
        if not text:
            return
        if self._item_ordinal:
            ordinal = self._item_ordinal[-1]
            self._item_ordinal[-1] = None  # later paragraphs of the item carry no number
            self.blocks.append(Block(LIST_ITEM, text, len(self._lists) - 1, ordinal))
        elif self._quote_depth:
            self.blocks.append(Block(QUOTE, text))
        else:
            self.blocks.append(Block(PARAGRAPH, text))
