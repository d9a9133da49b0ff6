"""The title of a saved page: what the page states, checked against what it shows.

A page states titles for machines (JSON-LD ``headline``, ``dc:title``, ``og:title``,
``twitter:title``, ``citation_title``, ``<title>``), most of them with site and column
names around the headline (``标题_要闻_某某网``, ``Headline | Site``, ``Site » Headline``,
``标题 某某网``). The page's own evidence decides the cut: the longest cut of a stated
title that some element of the body shows as its whole text (the ``<h1>``, a ``<b>`` or
a ``<div class="title">``) wins. Without such evidence: a stated title other than
``<title>``, then the line just above the page's date line (blogs and old pages whose
``<title>`` is the site's), then ``<title>`` with only the safe cuts, then an ``<h1>``.
Quotes and other punctuation inside a headline are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from tuireader.library.formats.html.layout import PARAGRAPH_CHARS, Layout
from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.formats.html.visible import is_role_word, role_names
from tuireader.library.formats.inline import CJK_CLASS
from tuireader.library.formats.names import person_names
from tuireader.text.dates import find_date

_CJK = re.compile(f"[{CJK_CLASS}]")
# Any separator a site puts between headline, column and site name.
_ANY_SEPARATOR = re.compile(
    r"\s*(?:_+|\s-{1,2}\s|-{1,2}|\s[|–—·:»<>/]\s|｜|\||——|－|»|›|::|\s\[(?=[^\]]*\]$))\s*"
)
# The separators trusted without evidence (a bare "-" can be part of a headline).
_SAFE_SEPARATOR = re.compile(r"\s*(?:_+|\s[-|–—·»]\s|｜|\||--)\s*")
_MAX_SUFFIX = 30
_MIN_TITLE = 4
_MAX_SHOWN_TITLE = 200
# Elements whose text is never the headline the page shows.
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})
_HOLDER_DEPTH = 4
_NOT_SHOWN = frozenset({"title", "option", "script", "style", "textarea", "select"})
_TITLE_NAMES = re.compile(r"title|headline|heading|biaoti|(?:^|\s)bt(?:\s|$)")
# [湖湘文化], 【要闻】: a category link between a blog post's title and its date.
_TAG_LIKE = re.compile(r"^[\[【].{1,20}[\]】]$")
_QUOTES = "\"'“”‘’「」"
_SITE_ENDINGS = ("网", "網", "网站", "網站", "博客", "论坛", "論壇", "频道", "頻道", "首页", "首頁")
_URLISH = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+/?\S*$")


class Shown:
    """Which texts the body shows as the whole text of a small element (a headline holder:
    ``<b>``, ``<font>``, ``<div class="title">``, a heading).

    Asked for a few title cuts per page, it looks each one up in the page's text first
    and only then checks the elements there, instead of measuring every element.
    """

    def __init__(self, layout: Layout, headings_only: bool = False) -> None:
        self._layout = layout
        self._starts = {piece.start: piece for piece in layout.pieces}
        self._headings_only = headings_only
        self._known: dict[str, bool] = {}

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str) or not 2 <= len(text) <= _MAX_SHOWN_TITLE:
            return False
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._find(text)
        return known

    def _find(self, text: str) -> bool:
        for start, _end in self._layout.find(text, limit=20):
            piece = self._starts.get(start)
            if piece is not None and self._holds(piece.element, text):
                return True
        return False

    def _holds(self, element: etree._Element, text: str) -> bool:
        for depth, node in enumerate((element, *element.iterancestors())):
            if depth > _HOLDER_DEPTH or node.tag in ("body", "html"):
                return False
            tag = node.tag
            if self._headings_only and tag not in _HEADING_TAGS:
                continue
            if (len(node) <= 3 or tag in _HEADING_TAGS) and tag not in _NOT_SHOWN:
                whole = clean_text(text_of(node))
                if whole == text:
                    return True
                if len(whole) > len(text):
                    return False
        return False


def shown_texts(layout: Layout) -> tuple[Shown, Shown]:
    """(headings, shown): texts shown whole by an ``<h1>``–``<h3>``, or by any small element."""
    return Shown(layout, headings_only=True), Shown(layout)


def headings(root: etree._Element) -> list[str]:
    """The texts of the page's ``<h1>`` elements, in order."""
    found = (clean_text(text_of(h1)) for h1 in root.iter("h1"))
    return [text for text in found if text and len(text) <= _MAX_SHOWN_TITLE]


def choose_title(
    claims: list[str],
    shown: tuple[Shown, Shown],
    h1s: list[str],
    page_title: str | None,
    site: str | None = None,
    dated_headline: str | None = None,
    lead: str | None = None,
) -> str | None:
    """The best title: ``claims`` are the stated titles, most trusted first."""
    stated = [_uncut(claim, [*claims, *h1s]) for claim in claims if claim != page_title]
    # The most trusted statement wins, cut down as far as the body shows it; ``<title>``
    # (the last claim) only counts when nothing else is stated.
    for claim in stated[:1] or claims:
        for texts, balanced in zip(shown, (False, True), strict=True):
            # A cut shown as a heading beats one shown anywhere; shown anywhere, the
            # short side of "Column | A much longer headline" is a column, not the headline.
            agreed = _shown_cut(claim, texts, balanced)
            if agreed:
                return agreed
    if stated:
        return _without_site(strip_site_suffix(stated[0]), site)
    if dated_headline:
        return dated_headline
    longest = max(h1s, key=len, default=None)
    if page_title:
        cut = _without_site(strip_site_suffix(page_title), site)
        if len(cut) >= _MIN_TITLE and not ((longest or lead) and _names_a_site(cut, site)):
            return cut
    return longest or lead or page_title


def _uncut(claim: str, others: list[str]) -> str:
    """A meta title cut short by a stray quote (``content="龙湖集团"暗伤"曝露"``) is
    restored from a longer statement of the same headline."""
    for other in others:
        if len(other) > len(claim) and other.startswith(claim) and other[len(claim)] in _QUOTES:
            return other
    return claim


def _names_a_site(title: str, site: str | None) -> bool:
    """``某某日报网``, ``某某的博客``, the og:site_name itself, a bare domain: not a headline."""
    return title == site or title.endswith(_SITE_ENDINGS) or _URLISH.match(title) is not None


def _shown_cut(claim: str, shown: Shown, balanced: bool) -> str | None:
    """The longest cut of ``claim`` the body shows whole, or a shown text opening it."""
    cut = next((cut for cut in title_cuts(claim, balanced) if cut in shown), "")
    # 标题 某某网: the headline is shown, the site follows after a plain space.
    shortest = max(_MIN_TITLE, len(claim) // 3)
    openings = (
        claim[:end].rstrip()
        for end in range(len(claim) - 1, shortest - 1, -1)
        if not claim[end].isalnum()
    )
    opening = next((text for text in openings if len(text) >= shortest and text in shown), "")
    return max(cut, opening, key=len) or None


def title_cuts(title: str, balanced: bool = False) -> list[str]:
    """``a_b_c`` → [``a_b_c``, ``a_b``, ``a``, ``b_c``, ``c``]: the title cut at each separator,
    headline-first cuts (site after) before site-first ones (``Site » Headline``)."""
    cuts = [title]
    separators = list(_ANY_SEPARATOR.finditer(title))
    for match in reversed(separators):
        head = title[: match.start()].strip()
        rest = len(title) - match.end()
        if rest <= _MAX_SUFFIX * 3 and len(head) >= 2 and (not balanced or len(head) * 2 >= rest):
            cuts.append(head)
    for match in separators:
        tail = title[match.end() :].strip().rstrip("]")
        if match.start() <= _MAX_SUFFIX and len(tail) >= 2:
            cuts.append(tail)
    return list(dict.fromkeys(cuts))


def _without_site(title: str, site: str | None) -> str:
    """``Headline - Site`` → ``Headline`` when the page names its site (og:site_name)."""
    if site and title.endswith(site) and len(title) > len(site):
        rest = title[: -len(site)]
        head = rest.rstrip(" -_|–—·｜:")
        if len(head) >= _MIN_TITLE and rest[len(head) :].strip():  # a separator, not a space
            return head
    return title


def strip_site_suffix(title: str) -> str:
    """Drop trailing site and column names with the safe separators only.

    ``标题_要闻_某某网`` → ``标题``; ``Headline - Site`` → ``Headline`` (once);
    ``snake_case`` in an English title is left alone.
    """
    while True:
        last = max(_SAFE_SEPARATOR.finditer(title), key=lambda match: match.start(), default=None)
        if last is None or len(title) - last.end() > _MAX_SUFFIX:
            return title
        head = title[: last.start()].strip()
        if len(head) < _MIN_TITLE:
            return title
        is_underscore = last.group(0).strip().startswith("_")
        if is_underscore and not _CJK.search(title):
            return title
        title = head
        if not is_underscore:  # " - Site" and " | Site" come once; "_Column_Site" chains
            return title


def dated_headline(layout: Layout, indexes: Iterable[int], before: int) -> str | None:
    """The line just above the first short date line before offset ``before``.

    Old news pages and blogs print ``headline / 2005-04-05 06:40 来源：…`` above the text
    while their ``<title>`` names only the site. Links, list items and address lines
    (``http://www.example.com``) between the two are skipped; nothing else is.
    """
    pieces = layout.pieces
    for index in sorted(indexes, reverse=True):  # the date line nearest the text
        piece = pieces[index]
        if piece.start > before:
            continue
        if len(piece.text) > PARAGRAPH_CHARS or _in_list_or_link(piece.element):
            continue
        found = find_date(piece.text)
        if found is None or found[1] > PARAGRAPH_CHARS // 2:
            continue
        for previous in range(index - 1, max(index - 7, -1), -1):
            text = pieces[previous].text
            if _URLISH.match(text) or _TAG_LIKE.match(text) or _is_byline(text):
                continue
            if _MIN_TITLE <= len(text) <= _MAX_SHOWN_TITLE and find_date(text) is None:
                return text
            break
    return None


def lead_heading(layout: Layout, indexes: Iterable[int], before: int) -> str | None:
    """The most headline-like short line shortly before the article's first paragraph.

    For pages that state no usable title (``<title>显示</title>``): an ``<h1>``–``<h3>``,
    an element named like a title, else bold, large or centred text, nearest the text.
    """
    best: tuple[int, int, str] | None = None
    for index in indexes:
        piece = layout.pieces[index]
        if piece.start >= before:
            break
        text = piece.text
        if not 2 <= len(text) <= _MAX_SHOWN_TITLE // 2 or _in_list_or_link(piece.element):
            continue
        if len(text) < _MIN_TITLE and not _CJK.search(text):
            continue
        rank = _headline_rank(piece.element)
        if rank and find_date(text) is None and (best is None or rank >= best[0]):
            best = (rank, index, text)
    return best[2] if best else None


def _headline_rank(element: etree._Element) -> int:
    """How strongly an element's look says "headline" (0: not at all)."""
    for depth, node in enumerate((element, *element.iterancestors())):
        if depth > 3:
            break
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("h1", "h2", "h3"):
            return 6 - int(tag[1])
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _TITLE_NAMES.search(names):
            return 3
        if tag in ("strong", "b") or (tag == "font" and (node.get("size") or "0")[-1:] in "4567"):
            return 2
        if (node.get("align") or "").lower() == "center" or tag == "center":
            return 1
    return 0


def _is_byline(text: str) -> bool:
    """A line of names (本报记者 王五 赵六) between a headline and its date."""
    return person_names(text) is not None or role_names(text) is not None or is_role_word(text)


def _in_list_or_link(element: etree._Element) -> bool:
    if element.tag in ("a", "li", "dd"):
        return True
    return any(ancestor.tag in ("a", "li", "dd") for ancestor in element.iterancestors())
