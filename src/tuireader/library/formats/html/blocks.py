"""Walk the main content of a page and emit Blocks.

h1–h6 → HEADING, p → PARAGRAPH, blockquote → QUOTE, li → LIST_ITEM, pre → CODE,
hr → RULE; ``<br>`` ends a paragraph (old "div soup" pages separate paragraphs that
way); a data table gives one paragraph per row, cells joined by `` | ``. The walk uses
``etree.iterwalk`` (no recursion), so nesting depth cannot hurt.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.model import CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, RULE, Block

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre",
        "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "center",
        "address", "details", "summary", "caption", "tbody", "thead", "tfoot", "body", "html",
        *_HEADINGS,
    }
)  # fmt: skip
_LAYOUT_SIGNS = ("p", "div", "ul", "ol", "br", "blockquote", "pre", *_HEADINGS)


def blocks_from_elements(elements: Iterable[etree._Element]) -> list[Block]:
    """Blocks of each element's subtree, in order."""
    walker = _Walker()
    for element in elements:
        walker.walk(element)
    return walker.blocks


class _Walker:
    """Collects text into a buffer and flushes it as a Block at every block boundary."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        # Innermost block context: (kind, level); ordinals per open list / item.
        self._context: list[tuple[str, int]] = [(PARAGRAPH, 0)]
        self._lists: list[list[int | None]] = []
        self._item_ordinals: list[int | None] = []
        self._row: list[str] | None = None

    def walk(self, root: etree._Element) -> None:
        """Collect the blocks of ``root``'s subtree into :attr:`blocks`, skipping link lists."""
        events = etree.iterwalk(root, events=("start", "end"))
        skipped = None
        for event, element in events:
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if self._is_link_list(tag, element):
                    events.skip_subtree()  # its "end" event still comes
                    skipped = element
                else:
                    self._start(tag, element)
                continue
            if element is not skipped:
                self._end(tag)
            if element.tail and element is not root:  # the root's tail is outside the content
                self._buffer.append(element.tail)
        self._flush()

    def _start(self, tag: str, element: etree._Element) -> None:
        if tag == "br":
            self._flush()
            return
        if tag == "hr":
            self._flush()
            self.blocks.append(Block(RULE, ""))
            return
        if tag in _BREAKS:
            self._flush()
            self._open(tag, element)
        if element.text:
            self._buffer.append(element.text)

    def _end(self, tag: str) -> None:
        if tag in _BREAKS:
            self._flush()
            self._close(tag)

    def _open(self, tag: str, element: etree._Element) -> None:
        kind, level = self._context[-1]
        if tag in _HEADINGS:
            kind, level = HEADING, _HEADINGS[tag]
        elif tag == "blockquote":
            kind = QUOTE
        elif tag == "pre":
            kind = CODE
        elif tag in ("ul", "ol"):
            self._lists.append([_start_number(element)] if tag == "ol" else [None])
        elif tag == "li":
            kind, level = LIST_ITEM, max(len(self._lists) - 1, 0)
            self._item_ordinals.append(self._next_ordinal())
        elif tag == "table":
            kind = "layout" if _is_layout_table(element) else "table"
        elif tag == "tr" and kind == "table":
            self._row = []
        self._context.append((kind, level))

    def _close(self, tag: str) -> None:
        kind, _ = self._context.pop()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "li" and self._item_ordinals:
            self._item_ordinals.pop()
        elif tag == "tr" and self._row is not None:
            if any(self._row):
                self.blocks.append(Block(PARAGRAPH, " | ".join(self._row)))
            self._row = None

    def _next_ordinal(self) -> int | None:
        if not self._lists:
            return None
        counter = self._lists[-1]
        ordinal = counter[0]
        if ordinal is not None:
            counter[0] = ordinal + 1
        return ordinal

    def _flush(self) -> None:
        if not self._buffer:
            return
        raw = "".join(self._buffer)
        self._buffer.clear()
        if raw.isspace():  # the newline between two tags: no block, whatever the kind
            return
        kind, level = self._context[-1]
        text = raw.strip("\n").rstrip() if kind == CODE else clean_text(raw)
        if not text:
            return
        if self._row is not None:
            self._row.append(text)
        elif kind == LIST_ITEM:
            ordinal = self._item_ordinals[-1] if self._item_ordinals else None
            if self._item_ordinals:
                self._item_ordinals[-1] = None  # only the item's first paragraph is numbered
            self.blocks.append(Block(LIST_ITEM, text, level, ordinal))
        elif kind in (HEADING, QUOTE, CODE):
            self.blocks.append(Block(kind, text, level if kind == HEADING else 0))
        else:
            self.blocks.append(Block(PARAGRAPH, text))

    @staticmethod
    def _is_link_list(tag: str, element: etree._Element) -> bool:
        """A list that is mostly links ("related articles") inside the content."""
        if tag not in ("ul", "ol") or len(element) < 3:
            return False
        text = len(clean_text(text_of(element)))
        links = sum(len(clean_text(text_of(link))) for link in element.iter("a"))
        return text > 0 and links / text > 0.7


def _start_number(element: etree._Element) -> int:
    start = element.get("start", "1").strip()
    return int(start) if start.isdigit() and len(start) < 10 else 1


def _is_layout_table(table: etree._Element) -> bool:
    """A table used for page layout holds paragraphs or other tables in its cells."""
    if next(table.iter(*_LAYOUT_SIGNS), None) is not None:
        return True
    return any(inner is not table for inner in table.iter("table"))
