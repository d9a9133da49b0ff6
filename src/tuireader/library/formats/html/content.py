"""Find the element holding a page's article text (after clutter was removed).

Each paragraph credits its parent with its length (links excluded) and its grandparent
with half; text sitting directly in a ``<div>``/``<td>`` between ``<br>`` tags credits
that element itself. The best-scored element wins; siblings scoring nearly as well
(an article split by an advert) are kept with it.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.library.formats.html.tree import text_of

_PARAGRAPHS = frozenset({"p", "pre", "blockquote", "h2", "h3", "h4", "li", "dd"})
_LOOSE_TEXT_HOLDERS = frozenset({"div", "td", "section", "article", "main", "font", "span", "body"})
_CONTENT_NAMES = re.compile(
    r"article|content|entry|post|story|text|body|detail|artibody|trs_editor|zw|zhengwen", re.I
)
_MIN_LOOSE_TEXT = 20
_SIBLING_SHARE = 0.3


def find_main(root: etree._Element) -> list[etree._Element]:
    """The content element(s), in document order; the body (or root) if nothing scores."""
    scores = _score(root)
    fallback = next(root.iter("body"), root)
    if not scores:
        return [fallback]
    best = max(scores, key=lambda element: scores[element] * _name_bonus(element))
    return _with_good_siblings(best, scores)


def _score(root: etree._Element) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = {}
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag in _PARAGRAPHS:
            length = _length_without_links(element)
            _credit(scores, element.getparent(), length)
            _credit(scores, _grandparent(element), length / 2)
        elif tag in _LOOSE_TEXT_HOLDERS:
            length = _loose_text_length(element)
            if length >= _MIN_LOOSE_TEXT:
                _credit(scores, element, length)
                _credit(scores, element.getparent(), length / 2)
    return scores


def _credit(
    scores: dict[etree._Element, float], element: etree._Element | None, value: float
) -> None:
    if element is not None and value > 0:
        scores[element] = scores.get(element, 0.0) + value


def _grandparent(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    return parent.getparent() if parent is not None else None


def _length_without_links(element: etree._Element) -> int:
    length = len("".join(text_of(element).split()))
    for link in element.iter("a"):
        length -= len("".join(text_of(link).split()))
    return length


def _loose_text_length(element: etree._Element) -> int:
    """Text directly inside the element (its own text and its children's tails)."""
    pieces = [element.text or ""]
    pieces.extend(child.tail or "" for child in element)
    return len("".join("".join(pieces).split()))


def _name_bonus(element: etree._Element) -> float:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return 1.25 if _CONTENT_NAMES.search(names) or element.tag == "article" else 1.0


def _with_good_siblings(
    best: etree._Element, scores: dict[etree._Element, float]
) -> list[etree._Element]:
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = scores[best] * _SIBLING_SHARE
    return [
        sibling for sibling in parent if sibling is best or scores.get(sibling, 0.0) >= threshold
    ]
