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
# Block containers judged by their share of linked text, and the share that condemns one.
_LINK_BLOCKS = ("div", "td", "tr", "table", "ul", "ol", "dl", "section", "center")
_LINK_SHARE = 0.5
_MIN_LINK_BLOCK = 4
_MAX_UNLINKED = 200
_SIBLING_SHARE = 0.3
_PEER_SHARE = 0.1
_PEER_LEVELS = 2
# Layout classes every block of a page may carry: not a sign of being one article.
_GENERIC_CLASSES = frozenset(
    {
        "row", "col", "column", "container", "wrapper", "wrap", "clearfix", "box", "item",
        "mod", "module", "section", "inner", "block", "grid", "cell", "panel", "card", "fl",
        "fr", "left", "right", "clear", "main", "content", "text",
    }
)  # fmt: skip


def find_main(root: etree._Element) -> list[etree._Element]:
    """The content element(s), in document order; the body (or root) if nothing scores."""
    scores = _score(root)
    fallback = next(root.iter("body"), root)
    if not scores:
        return [fallback]
    best = max(scores, key=lambda element: scores[element] * _name_bonus(element))
    floor = scores[best] * _PEER_SHARE
    for level, node in enumerate((best, *best.iterancestors())):
        if level > _PEER_LEVELS or node.tag in ("body", "html"):
            break
        peers = _peers(node, scores, floor)
        if peers:
            holder = _common_holder(node, peers)
            return [best if holder is None else holder]
    return _with_good_siblings(best, scores)


def _peers(
    node: etree._Element, scores: dict[etree._Element, float], floor: float
) -> list[etree._Element]:
    """Other parts of the same article: scoring elements of node's tag and class.

    Long reviews and how-tos cut their text into many ``<div class="article-text">`` or
    ``<div class="step">`` blocks, each wrapped on its own; the best one alone is a
    fraction of the article.
    """
    name = _first_class(node)
    if not name or name in _GENERIC_CLASSES:
        return []
    return [
        element
        for element, score in scores.items()
        if element is not node
        and score >= floor
        and element.tag == node.tag
        and _first_class(element) == name
    ]


def _first_class(element: etree._Element) -> str:
    names = element.get("class", "").split()
    return names[0].lower() if names else ""


def _common_holder(node: etree._Element, peers: list[etree._Element]) -> etree._Element | None:
    """The smallest element holding node and its peers; None when that is the whole body."""
    chain = [node, *node.iterancestors()]
    common = len(chain) - 1
    for peer in peers:
        ancestors = {id(item) for item in (peer, *peer.iterancestors())}
        common = min(common, next(i for i, item in enumerate(chain) if id(item) in ancestors))
    holder = chain[common]
    return None if holder.tag in ("body", "html") else holder


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


def drop_link_blocks(main: list[etree._Element]) -> None:
    """Remove the link-heavy blocks inside the content: "related news" lists, headline
    boxes, navigation in a layout cell that also holds the article.

    One bottom-up pass measures every element's text and the part of it inside links;
    a block container whose text is more than :data:`_LINK_SHARE` links goes (the
    article's own paragraphs link a few words, not most of them), unless it also holds
    a good deal of unlinked text (a layout cell holding the article and a link column).
    """
    for top in main:
        text: dict[etree._Element, int] = {}
        linked: dict[etree._Element, int] = {}
        for _event, element in etree.iterwalk(top, events=("end",)):
            if not isinstance(element.tag, str):
                continue
            own = _length(element.text)
            total = own + sum(text.get(child, 0) + _length(child.tail) for child in element)
            links = total if element.tag == "a" else sum(linked.get(c, 0) for c in element)
            text[element], linked[element] = total, links
        doomed = [
            element
            for element in top.iter(*_LINK_BLOCKS)
            if element is not top
            and text.get(element, 0) >= _MIN_LINK_BLOCK
            and linked.get(element, 0) > text[element] * _LINK_SHARE
            and text[element] - linked[element] < _MAX_UNLINKED
            and text[element] * 2 < text[top]  # never most of the content
        ]
        for element in doomed:
            parent = element.getparent()
            if parent is not None:
                _drop_keeping_tail(parent, element)


def _length(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def _drop_keeping_tail(parent: etree._Element, element: etree._Element) -> None:
    """Remove ``element``; its tail is text of the parent and stays."""
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
