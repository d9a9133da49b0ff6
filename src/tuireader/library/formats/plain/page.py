"""Parse scraped plain-text pages into a ParsedPage.

The steps, each in its own module:

1. ``plain_reflow``: split into logical lines, rejoining hard-wrapped archives.
2. ``plain_header``: breadcrumb (``plain_breadcrumb``) → sections; labelled lines
   (``plain_labels``), bylines (``plain_byline``) and dates → metadata (``plain_meta``);
   the title from a label, the breadcrumb line, or the first short line.
3. ``plain_body``: drop page noise (``plain_noise``) and trailing furniture, find the
   closing byline and split it off when it is glued to the last paragraph.
4. ``plain_blocks``: paragraphs, short numbered headings, list items, rules.

Decisions: the home crumb (首页) is dropped, site names are kept; editors (编辑,
责任编辑) are never the author; the closing byline stays as the last paragraph. Nothing
here raises on odd input; a page with no header gets the file name as its title.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tuireader.library.formats.file_name import date_from_stem
from tuireader.library.formats.plain.bbs import read_bbs
from tuireader.library.formats.plain.blocks import to_blocks
from tuireader.library.formats.plain.body import clean_body
from tuireader.library.formats.plain.header import read_header
from tuireader.library.formats.plain.journal import read_journal
from tuireader.library.formats.plain.label_block import read_label_block
from tuireader.library.formats.plain.news import read_news
from tuireader.library.formats.plain.reflow import logical_lines
from tuireader.library.model import ABSTRACT, Block, ParsedPage
from tuireader.text.dates import parse_date


def parse_plaintext(text: str, stem: str) -> ParsedPage:
    """Parse decoded, sanitized text (``\\n`` newlines only) into a ParsedPage.

    ``stem`` is the file name without suffix, used as the title when the text has none.
    """
    # A byte-order mark left at the start would stick to the title.
    lines = logical_lines(text.lstrip("\ufeff").split("\n"))
    header, body_start = (
        read_label_block(lines)
        or read_bbs(lines)
        or read_journal(lines)
        or read_news(lines)
        or read_header(lines)
    )
    body = clean_body(header.lead + lines[body_start:], header)
    warnings = () if body or header.meta.abstract else ("no body text found",)
    meta = header.meta
    title = meta.title or None
    return ParsedPage(
        meta=replace(
            meta,
            title=" ".join((title or _title_from_stem(stem)).split()) or stem,
            sections=_without_title(meta.sections, title),
            date=meta.date or _date_in_title(title) or date_from_stem(stem),
            tags=tuple(dict.fromkeys(meta.tags)),
        ),
        blocks=_with_abstract(meta.abstract, to_blocks(body)),
        warnings=warnings,
    )


def _with_abstract(abstract: str | None, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The abstract as the first block, styled as such, before the body (and searchable)."""
    if not abstract:
        return blocks
    if blocks and blocks[0].text == abstract:  # the body repeats it as its first paragraph
        blocks = blocks[1:]
    return (Block(ABSTRACT, abstract), *blocks)


def _date_in_title(title: str | None) -> str | None:
    """A date printed in the title line (``Newsletter -- 3 November 1997``), if any."""
    return parse_date(title) if title else None


def _without_title(sections: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """Drop a last breadcrumb crumb that is only the article's own title."""
    if sections and sections[-1] == title:
        return sections[:-1]
    return sections


_STEM_DATE_PREFIX = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{8})[-_ .]+(?=\S)")


def _title_from_stem(stem: str) -> str:
    """The file name as a title, without a leading date (``2023-07-22-雨季`` → ``雨季``)."""
    return _STEM_DATE_PREFIX.sub("", stem)
