"""The title of a saved page: og:title, else the article's ``<h1>``, else ``<title>`` cut down.

``<title>`` carries site and column names (``标题_要闻_某某网``, ``Headline | Site``,
``标题-新华网``). Which cut is right is decided by the page itself: the longest prefix
of ``<title>`` that some element shows as its whole text (the headline in a ``<b>`` or
``<div class="title">``) wins; without such evidence only the safe cuts are made.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.formats.inline import CJK_CLASS

_CJK = re.compile(f"[{CJK_CLASS}]")
# Any separator a site puts between headline, column and site name.
_ANY_SEPARATOR = re.compile(r"\s*(?:_|\s-{1,2}\s|-{1,2}|\s[|–—·:]\s|｜|\||——|－)\s*")
# The separators trusted without evidence (a bare "-" can be part of a headline).
_SAFE_SEPARATOR = re.compile(r"\s*(?:_|\s[-|–—·]\s|｜|\|)\s*")
_MAX_SUFFIX = 30
_MIN_TITLE = 4
_MAX_SHOWN_TITLE = 200


def choose_title(
    og_title: str | None, page_title: str | None, root: etree._Element, site: str | None = None
) -> str | None:
    """The best title the page offers (``root`` after scripts and styles are gone)."""
    if og_title:
        return _without_site(og_title, site)
    headings = [text for text in (clean_text(text_of(h1)) for h1 in root.iter("h1")) if text]
    prefixes = title_prefixes(page_title) if page_title else []
    for heading in headings:
        if _opens_title(heading, prefixes):
            return heading
    shown = _shown_prefix(prefixes, root)
    if shown:
        return shown
    if page_title and strip_site_suffix(page_title) != page_title:
        return strip_site_suffix(page_title)  # "Headline | Site" names this article
    longest = max(headings, key=len, default=None)
    if longest and (not page_title or len(longest) >= _MIN_TITLE):
        return longest  # a <title> with no separator is often just the site name
    return page_title or longest


def _without_site(title: str, site: str | None) -> str:
    """``Headline - Site`` → ``Headline`` when the page names its site (og:site_name)."""
    if site and title.endswith(site) and len(title) > len(site):
        rest = title[: -len(site)]
        head = rest.rstrip(" -_|–—·｜:")
        if len(head) >= _MIN_TITLE and rest[len(head) :].strip():  # a separator, not a space
            return head
    return title


def _opens_title(heading: str, prefixes: list[str]) -> bool:
    """An article h1 starts the <title>; a short logo h1 ("新华网") must match exactly."""
    if heading in prefixes:
        return True
    return len(heading) >= _MIN_TITLE and prefixes[:1] != [] and prefixes[0].startswith(heading)


def title_prefixes(title: str) -> list[str]:
    """``a_b_c`` → [``a_b_c``, ``a_b``, ``a``]: the title cut at each separator, longest first."""
    prefixes = [title]
    for match in reversed(list(_ANY_SEPARATOR.finditer(title))):
        head = title[: match.start()].strip()
        if len(title) - match.end() <= _MAX_SUFFIX * 3 and len(head) >= 2:
            prefixes.append(head)
    return prefixes


def _shown_prefix(prefixes: list[str], root: etree._Element) -> str | None:
    """The longest prefix that is the whole text of some element of the page body."""
    if not prefixes:
        return None
    wanted = set(prefixes)
    body = next(root.iter("body"), root)
    found: set[str] = set()
    for element in body.iter(etree.Element):
        if len(element) <= 3:  # headline holders are small: <b>, <font>, <div class=title>
            text = clean_text(text_of(element))
            if text in wanted and len(text) <= _MAX_SHOWN_TITLE:
                found.add(text)
    return next((prefix for prefix in prefixes if prefix in found), None)


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
        is_underscore = last.group(0).strip() == "_"
        if is_underscore and not _CJK.search(title):
            return title
        title = head
        if not is_underscore:  # " - Site" and " | Site" come once; "_Column_Site" chains
            return title
