"""The HTML tree for saved news pages: parsing, clutter removal, text helpers.

libxml2 (through lxml) parses any tag soup, drops comments and processing instructions,
and stops at 256 levels of nesting, losing the rest of the page; a page that reaches the
cap is parsed again with the tags deeper than :data:`FLATTEN_DEPTH` removed (their text
kept), so its text is read. Code that walks the tree uses lxml's iterators, never
Python recursion, so a hostile page cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from tuireader.library.formats.inline import CJK_CLASS

# Whole subtrees that never hold article text.
_NEVER_TEXT = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button",
    "select", "textarea", "input", "object", "embed", "audio", "video", "map", "head", "title",
)  # fmt: skip
# A form is a search box or a login, unless it wraps the page (ASP.NET puts the whole
# body in one <form>): then it holds most of the text and stays.
_FORM_SHARE = 0.5
_CLUTTER_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
# class / id words of navigation, share bars, comments, sidebars, footers, ads, lists of
# other articles. Substrings for long distinctive words, whole tokens for short ones.
_CLUTTER_SUBSTRINGS = re.compile(
    r"share|comment|footer|sidebar|breadcrumb|crumb|related|recommend|advert|banner|toolbar"
    r"|copyright|social|pagination|jiathis|bshare|fenxiang|pinglun|xiangguan|tuijian|navbar"
    r"|subscribe|newsletter|cookie|popup|modal|skip-link|topbar|widget|byline|entry-meta"
    r"|post-meta|article-meta|print|dqwz|location|weizhi|reading-time|fenye"
    r"|editsection"  # MediaWiki's [edit] links beside every heading
)
_CLUTTER_TOKENS = frozenset(
    {
        "nav", "menu", "ad", "ads", "foot", "side", "hot", "rank", "tags", "login",
        "search", "header", "head", "pager", "paging", "pages", "links", "logo", "info", "sj",
        "bottom", "tool", "tools", "meta", "source", "author", "time", "date",
    }
)  # fmt: skip
_CONTENT_CLASSES = re.compile(
    r"(?:^|\s)(?:post-body|entry-content|post-content|article-body|article-content|story-body"
    r"|article__body|post__content)(?:\s|$)",
    re.I,
)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_JUNK = "tuireader-junk"
_CJK_GAP = re.compile(f"(?<=[{CJK_CLASS}])[ \\t\\r\\f]*\\n\\s*(?=[{CJK_CLASS}])")
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, encoding="utf-8", default_doctype=False
)


#: Tags nested deeper than this are removed, text kept, when a page hits libxml2's cap.
FLATTEN_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^>]*?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


def parse_tree(text: str) -> etree._Element | None:
    """The document root, or None when there is no element at all."""
    data = text.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        root = etree.fromstring(data, _PARSER)
        if _hit_depth_cap():
            root = etree.fromstring(flatten_deep(text).encode("utf-8", "replace"), _PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root


def _hit_depth_cap() -> bool:
    """Whether the last parse stopped at libxml2's nesting cap."""
    return any("Excessive depth" in entry.message for entry in _PARSER.error_log)


def flatten_deep(text: str, depth: int = FLATTEN_DEPTH) -> str:
    """``text`` with every tag nested deeper than ``depth`` removed (a line break kept in
    its place), so a parser with a nesting cap still sees all of the text."""
    level = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal level
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(3):
            return match.group() if level < depth else " "
        if closing:
            level = max(level - 1, 0)
            return match.group() if level < depth else "<br>"
        level += 1
        return match.group() if level <= depth else "<br>"

    return _TAG.sub(keep_or_drop, text)


def remove_never_text(root: etree._Element) -> None:
    """Drop scripts, styles, small forms and the head (read the metadata first)."""
    etree.strip_elements(root, *_NEVER_TEXT, with_tail=False)
    forms = list(root.iter("form"))
    if not forms:
        return
    total = len(text_of(root))
    for form in forms:
        if form.getparent() is not None and len(text_of(form)) <= total * _FORM_SHARE:
            form.tag = _JUNK
    etree.strip_elements(root, _JUNK, with_tail=False)


def remove_clutter(root: etree._Element) -> None:
    """Drop navigation, share bars, comments, sidebars, footers: by tag name and class/id.

    Elements around the article's landmarks (its ``<h1>``, ``<main>``, ``articleBody``)
    are kept whatever their class says (``<div class="page has-sidebar">`` may wrap the
    article). Sure signs (``<nav>``, "share", "comment") go first; short class words
    ("info", "side", "hot") then remove only what holds under half of the text left.
    """
    protected = _landmark_ancestors(root)
    _strip_matching(root, protected, _is_sure_clutter, keep_large=not protected)
    _strip_matching(root, protected, _has_clutter_word, keep_large=True)


def _strip_matching(
    root: etree._Element,
    protected: set[etree._Element],
    looks_like_clutter: Callable[[etree._Element, str], bool],
    keep_large: bool,
) -> None:
    total = 0  # the page's text length, measured only once something looks like clutter
    found = False
    for element in root.iter(etree.Element):
        if element in protected:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".lower().strip()
        if not looks_like_clutter(element, names):
            continue
        if keep_large and not total:
            total = len(text_of(root)) or 1
        if not keep_large or len(text_of(element)) * 2 < total:
            element.tag = _JUNK
            found = True
    if found:
        etree.strip_elements(root, _JUNK, with_tail=False)


def _landmark_ancestors(root: etree._Element) -> set[etree._Element]:
    landmarks = [h1 for h1 in root.iter("h1") if text_of(h1).strip()]
    landmarks.extend(root.iter("main"))
    landmarks.extend(root.xpath("//*[@itemprop='articleBody']"))
    # Blog engines name the post's text (and wrap it in a "widget" whose name is clutter).
    landmarks.extend(
        element
        for element in root.iter("div", "section", "article")
        if _CONTENT_CLASSES.search(element.get("class", "")) and text_of(element).strip()
    )
    protected: set[etree._Element] = set()
    for landmark in landmarks:
        protected.add(landmark)
        protected.update(landmark.iterancestors())
    return protected


def _is_sure_clutter(element: etree._Element, names: str) -> bool:
    if element.tag in _CLUTTER_TAGS:
        return True
    if not names:
        return element.get("role") in ("navigation", "complementary", "contentinfo")
    return _CLUTTER_SUBSTRINGS.search(names) is not None


def _has_clutter_word(element: etree._Element, names: str) -> bool:
    return bool(names) and not _CLUTTER_TOKENS.isdisjoint(_TOKEN_SPLIT.split(names))


def text_of(element: etree._Element) -> str:
    """All text inside ``element`` (its tail excluded)."""
    return "".join(element.itertext())


def clean_text(text: str) -> str:
    """Collapse whitespace; a line break between CJK characters joins them with nothing."""
    if "\n" in text:
        text = _CJK_GAP.sub("", text)
    return " ".join(text.split())
