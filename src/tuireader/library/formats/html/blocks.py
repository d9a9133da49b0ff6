"""Walk the main content of a page and emit Blocks.

h1–h6 → HEADING, p → PARAGRAPH, blockquote → QUOTE, li → LIST_ITEM, pre → CODE,
hr → RULE; ``<br>`` ends a paragraph (old "div soup" pages separate paragraphs that
way); a data table gives one ``table`` block (header rows of ``<th>``, cell alignment from
``align`` / ``text-align``), a layout table is walked as ordinary text. The walk uses
``etree.iterwalk`` (no recursion), so nesting depth cannot hurt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
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
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_LINK,
    SPAN_STRIKE,
    SPAN_STRONG,
    Block,
    Span,
)

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre",
        "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "center",
        "address", "details", "summary", "caption", "tbody", "thead", "tfoot", "body", "html",
        *_HEADINGS,
    }
)  # fmt: skip
# Inline elements drawn differently (kept as spans of the block text).
_MARKED = {
    "a": SPAN_LINK, "strong": SPAN_STRONG, "b": SPAN_STRONG, "em": SPAN_EMPHASIS,
    "i": SPAN_EMPHASIS, "code": SPAN_CODE, "s": SPAN_STRIKE, "del": SPAN_STRIKE,
    "strike": SPAN_STRIKE,
}  # fmt: skip
_MAX_TARGET = 2000
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right)")
_LAYOUT_SIGNS = ("p", "div", "ul", "ol", "blockquote", "pre", *_HEADINGS)
# A cell holding this much text holds an article, not a datum.
_LAYOUT_CELL_CHARS = 400


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
        # The data table being read: rows of cells (each a list of text pieces).
        self._table: list[list[list[str]]] | None = None
        self._table_depth = 0
        self._header_rows = 0
        self._aligns: list[str] = []
        self._cell_open = False
        self._row_all_th = False
        # Links and emphasis met since the last block: (kind, target, text, element).
        self._marks: list[tuple[str, str | None, str, etree._Element]] = []

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
        elif tag in _MARKED:
            self._mark(tag, element)
        if element.text:
            self._buffer.append(element.text)

    def _mark(self, tag: str, element: etree._Element) -> None:
        """Remember a link or emphasis met in the current paragraph (found by its text)."""
        kind = _MARKED[tag]
        target = None
        if kind == SPAN_LINK:
            href = (element.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:")) or len(href) > _MAX_TARGET:
                return
            target = href
        text = clean_text(text_of(element))
        if text:
            self._marks.append((kind, target, text, element))

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
            if kind == "table":
                self._table_depth += 1
                if self._table is None:
                    self._table, self._header_rows, self._aligns = [], 0, []
        elif tag == "tr" and kind == "table" and self._table_depth == 1 and self._table is not None:
            self._table.append([])
            self._row_all_th = True
        elif tag in ("td", "th") and self._table and self._table_depth == 1:
            self._table[-1].append([])
            self._cell_open = True
            self._row_all_th = self._row_all_th and tag == "th"
            if len(self._table) == 1:
                self._aligns.append(_alignment(element))
        self._context.append((kind, level))

    def _close(self, tag: str) -> None:
        kind, _ = self._context.pop()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "li" and self._item_ordinals:
            self._item_ordinals.pop()
        elif tag in ("td", "th") and self._table_depth == 1:
            self._cell_open = False
        elif tag == "tr" and self._table and self._table_depth == 1:
            if len(self._table) == self._header_rows + 1 and self._is_header_row():
                self._header_rows += 1
        elif tag == "table" and kind == "table":
            self._table_depth -= 1
            if self._table_depth == 0 and self._table is not None:
                rows = [[(" ".join(cell), ()) for cell in row] for row in self._table]
                block = table_block(rows, self._header_rows, self._aligns)
                if block is not None:
                    self.blocks.append(block)
                self._table = None

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
        marks, self._marks = self._marks, []
        if not text:
            return
        spans = _spans_by_text(text, marks) if marks and kind != CODE else ()
        if self._table is not None:
            if self._cell_open and self._table and self._table[-1]:
                self._table[-1][-1].append(text)
            elif self._table:  # text in a row but outside its cells: a cell of its own
                self._table[-1].append([text])
        elif kind == LIST_ITEM:
            ordinal = self._item_ordinals[-1] if self._item_ordinals else None
            if self._item_ordinals:
                self._item_ordinals[-1] = None  # only the item's first paragraph is numbered
            self.blocks.append(Block(LIST_ITEM, text, level, ordinal, spans=spans))
        elif kind in (HEADING, QUOTE, CODE):
            self.blocks.append(Block(kind, text, level if kind == HEADING else 0, spans=spans))
        else:
            self.blocks.append(Block(PARAGRAPH, text, spans=spans))

    def _is_header_row(self) -> bool:
        """Whether the last row read is all ``<th>`` (recorded when its cells opened)."""
        return bool(self._table) and self._row_all_th

    @staticmethod
    def _is_link_list(tag: str, element: etree._Element) -> bool:
        """A list that is mostly links ("related articles") inside the content."""
        if tag not in ("ul", "ol") or len(element) < 3:
            return False
        text = len(clean_text(text_of(element)))
        links = sum(len(clean_text(text_of(link))) for link in element.iter("a"))
        return text > 0 and links / text > 0.7


def _spans_by_text(
    text: str, marks: list[tuple[str, str | None, str, etree._Element]]
) -> tuple[Span, ...]:
    """Spans of ``text`` for the marks, found in order by their own text.

    A mark inside earlier ones (``<a><b>x</b></a>``) is looked for from the innermost
    one's start, and after the end of every mark it follows: also of one that held an
    earlier mark (``<a>x <b>y</b> z</a> <i>z</i>``: the ``<i>`` is after the link). A
    mark whose text is not found (it ran across a line break, say) gets no span:
    offsets are never guessed.
    """
    spans: list[Span] = []
    # Placed marks holding the last one, outermost first (a chain: each inside the one
    # before), and the end of the last placed mark the walk has left.
    open_marks: list[tuple[etree._Element, int, int]] = []
    left_end = 0
    for kind, target, words, element in marks:
        ancestors = list(element.iterancestors())
        while open_marks and not any(ancestor is open_marks[-1][0] for ancestor in ancestors):
            left_end = open_marks.pop()[2]  # the outermost left ends last
        cursor = max(left_end, open_marks[-1][1]) if open_marks else left_end
        found = text.find(words, cursor)
        if found < 0:
            continue
        open_marks.append((element, found, found + len(words)))
        spans.append(Span(found, found + len(words), kind, target))
    return tuple(sorted(spans, key=lambda span: (span.start, -span.end, span.kind != SPAN_LINK)))


def _alignment(cell: etree._Element) -> str:
    """A cell's alignment from ``align=`` or ``style="text-align: …"`` ("" when unsaid)."""
    align = (cell.get("align") or "").strip().lower()
    if not align:
        style = (cell.get("style") or "").lower()
        found = _TEXT_ALIGN.search(style)
        align = found.group(1) if found else ""
    return {"left": ALIGN_LEFT, "center": ALIGN_CENTER, "right": ALIGN_RIGHT}.get(align, "")


def _start_number(element: etree._Element) -> int:
    start = element.get("start", "1").strip()
    return int(start) if start.isdigit() and len(start) < 10 else 1


def _is_layout_table(table: etree._Element) -> bool:
    """A table used for page layout: paragraphs or other tables in its cells, one column
    only, or a cell holding a whole article (old pages set text in cells between <br>)."""
    if next(table.iter(*_LAYOUT_SIGNS), None) is not None:
        return True
    if any(inner is not table for inner in table.iter("table")):
        return True
    cells = list(table.iter("td", "th"))
    if all(len(row.findall("td")) + len(row.findall("th")) <= 1 for row in table.iter("tr")):
        return True
    return any(len(text_of(cell)) > _LAYOUT_CELL_CHARS for cell in cells)
