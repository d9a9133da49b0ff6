"""One chapter (a spine document) to a ParsedPage, through the HTML block walker.

Chapters are XHTML, but books in the wild hold tag soup too, so they go through the same
lenient HTML parser as saved pages (no network, entities of the HTML set only, scripts
and styles dropped before any text is read). A book chapter has no clutter to remove:
its whole body is the text.
"""

from __future__ import annotations

from lxml import etree

from tuireader.library.formats.epub.opf import BookMeta
from tuireader.library.formats.html.blocks import blocks_from_elements
from tuireader.library.formats.html.tree import clean_text, parse_tree, remove_never_text, text_of
from tuireader.library.model import HEADING, ArticleMeta, Block, ParsedPage

_TITLE_CHARS = 300


def parse_chapter(
    text: str, title: str | None, fallback: str, sections: tuple[str, ...], book: BookMeta
) -> ParsedPage:
    """The blocks of a chapter's markup, filed under ``sections`` with the book's metadata.

    ``title`` (from the TOC) wins, then the chapter's first heading, its ``<title>``, then
    ``fallback``.
    """
    root = parse_tree(text)
    if root is None:
        return _page(title or fallback, (), sections, book)
    page_title = _page_title(root)
    remove_never_text(root)
    body = next(root.iter("body"), root)
    _keep_image_text(body)
    blocks = blocks_from_elements([body])
    heading = next((b.text for b in blocks[:3] if b.kind == HEADING), None)
    return _page(title or heading or page_title or fallback, tuple(blocks), sections, book)


def _page(
    title: str, blocks: tuple[Block, ...], sections: tuple[str, ...], book: BookMeta
) -> ParsedPage:
    meta = ArticleMeta(title=title, sections=sections, date=book.date, author=book.author)
    return ParsedPage(meta=meta, blocks=blocks)


def _page_title(root: etree._Element) -> str | None:
    element = next(root.iter("title"), None)
    if element is None:
        return None
    return clean_text(text_of(element))[:_TITLE_CHARS] or None


def _keep_image_text(body: etree._Element) -> None:
    """An image with a description keeps it in the text, as ``[image: …]``."""
    for image in list(body.iter("img", "image")):
        alt = clean_text(image.get("alt") or "")
        if alt:
            image.tail = f" [image: {alt}] {image.tail or ''}"
