"""The page's visible text in reading order, and where the headline and the article sit in it.

Taken once, after scripts are gone and before clutter removal: a list of text pieces
(an element's text or a tail), each with the element holding it and its offset in the
joined text. Once the main content is known, two short stretches of that text are where
pages print their metadata: the **byline area** between the headline and the first real
paragraph (``2006-12-27 10:20 来源：某报 作者：某某``), and the **credit area** around the
end of the article (``（记者 某某）``, ``编辑：某某``). Lists of other articles, with their own
dates and names, lie outside both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from tuireader.library.formats.html.tree import clean_text

# A piece this long is article text whatever it holds; a shorter one from
# _SHORT_PARAGRAPH on needs a sentence's punctuation (hard-wrapped lines are short).
PARAGRAPH_CHARS = 80
_SHORT_PARAGRAPH = 20
_SENTENCE_MARKS = re.compile(r"[。；！？]|，.{10}|[.!?]$|[.!?] [A-Z]")
# The byline area never runs further than this from the headline, the credit area
# this far past the article's end.
_BYLINE_CHARS = 400
_AFTER_END_CHARS = 300
_NO_AREA = ""
_NEAR_TEXT = 600
_CLOSING_LINE = 30


def is_paragraph(text: str) -> bool:
    """Article text rather than a headline, byline, label or link."""
    if len(text) >= PARAGRAPH_CHARS:
        return True
    return len(text) >= _SHORT_PARAGRAPH and _SENTENCE_MARKS.search(text) is not None


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of text: its cleaned words, the element it sits in, its offset in the page."""

    text: str
    element: etree._Element
    start: int

    @property
    def end(self) -> int:
        """Offset just past the piece."""
        return self.start + len(self.text)


class Layout:
    """The visible text of a page body, piece by piece."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.text = " ".join(piece.text for piece in pieces)
        self._starts_by_char: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, root: etree._Element) -> Layout:
        """Collect the body's text pieces in document order."""
        body = next(root.iter("body"), root)
        pieces: list[Piece] = []
        offset = 0

        def add(raw: str | None, holder: etree._Element | None) -> None:
            nonlocal offset
            if not raw or holder is None or raw.isspace():
                return
            text = clean_text(raw)
            if text:
                pieces.append(Piece(text, holder, offset))
                offset += len(text) + 1

        for event, element in etree.iterwalk(body, events=("start", "end")):
            if not isinstance(element.tag, str):
                continue
            if event == "start":
                add(element.text, element)
            elif element is not body:
                add(element.tail, element.getparent())
        return cls(pieces)

    def inside(self, elements: Iterable[etree._Element]) -> list[int]:
        """Indexes of the pieces within ``elements``' subtrees (as they are now)."""
        members: set[etree._Element] = set()
        for element in elements:
            members.update(element.iter())
        return [index for index, piece in enumerate(self.pieces) if piece.element in members]

    def first_paragraph(self, elements: Iterable[etree._Element]) -> int:
        """Offset of the first paragraph-like piece inside ``elements``."""
        inside = self.inside(elements)
        for index in inside:
            if is_paragraph(self.pieces[index].text):
                return self.pieces[index].start
        return self.pieces[inside[0]].start if inside else len(self.text)

    def find(self, text: str, limit: int = 50) -> list[tuple[int, int]]:
        """(start, end) of each place ``text`` is printed starting a piece; pieces are
        joined by spaces, so a headline broken by ``<br>`` is found too (one space may
        stand between any two characters)."""
        words = text.replace(" ", "")
        if not words:
            return []
        if self._starts_by_char is None:  # once per page: the pieces by first character
            self._starts_by_char = {}
            for piece in self.pieces:
                if piece.start < len(self.text):
                    self._starts_by_char.setdefault(self.text[piece.start], []).append(piece.start)
        # A check from each piece start that opens with the first character (a few), not
        # a regular expression per text: compiling one cost ~1 ms, a page asks for dozens.
        found: list[tuple[int, int]] = []
        for start in self._starts_by_char.get(words[0], ()):
            end = self._printed_at(start, words)
            if end is not None:
                found.append((start, end))
                if len(found) >= limit:
                    break
        return found

    def _printed_at(self, start: int, words: str) -> int | None:
        """The end of ``words`` printed at ``start`` with at most one space between
        characters, or None."""
        text, pos, size = self.text, start, len(self.text)
        for index, char in enumerate(words):
            if index and pos < size and text[pos] == " ":
                pos += 1
            if pos >= size or text[pos] != char:
                return None
            pos += 1
        return pos

    def headline_end(self, title: str, before: int) -> int | None:
        """Where the headline shown on the page ends: the last place the title starts a
        piece at or before offset ``before`` (the article's first paragraph), else the first."""
        if len(title) < 2:
            return None
        found = self.find(title)
        if not found:
            return None
        # The headline just above the text; an article that opens by repeating its
        # title is not a second headline: take the first print in the stretch above.
        near = [span for span in found if before - _NEAR_TEXT <= span[0] <= before]
        usable = [span for span in found if span[0] <= before]
        return (near[0] if near else usable[-1] if usable else found[0])[1]


@dataclass(frozen=True, slots=True)
class Areas:
    """The byline and credit areas of a page (empty strings when not found)."""

    byline: str = _NO_AREA
    credit: str = _NO_AREA
    # The pieces of the byline area, whole (a lone name is one piece).
    byline_pieces: tuple[str, ...] = ()
    # Whether the byline area starts at the headline (else it is a guess before the text).
    after_headline: bool = False
    # The article's last paragraph and a short line after it (where （记者 某某） stands).
    closing: str = _NO_AREA


def find_areas(layout: Layout, main: list[etree._Element], title: str) -> Areas:
    """The byline area after the headline and the credit area at the article's end."""
    inside = layout.inside(main)
    if not inside:
        return Areas()
    pieces = layout.pieces
    long_pieces = [i for i in inside if is_paragraph(pieces[i].text)]
    first = pieces[long_pieces[0]] if long_pieces else pieces[inside[0]]
    last = pieces[long_pieces[-1]] if long_pieces else pieces[inside[-1]]
    headline_end = layout.headline_end(title, first.start)
    if headline_end is not None and headline_end <= first.start:
        start, stop = headline_end, min(first.start, headline_end + _BYLINE_CHARS)
    elif headline_end is not None:  # the headline is printed inside or after the text
        start, stop = headline_end, headline_end + _BYLINE_CHARS
    else:
        start, stop = max(0, first.start - _BYLINE_CHARS // 2), first.start
    byline_pieces = tuple(
        piece.text for piece in pieces if piece.start >= start and piece.end <= stop
    )
    end = pieces[inside[-1]].end
    after = pieces.index(last) + 1
    closing = last.text
    if after < len(pieces) and len(pieces[after].text) <= _CLOSING_LINE:
        closing += " " + pieces[after].text
    return Areas(
        byline=layout.text[start:stop],
        credit=layout.text[last.start : end + _AFTER_END_CHARS],
        byline_pieces=byline_pieces,
        after_headline=headline_end is not None,
        closing=closing,
    )
