"""Metadata printed on the page itself: breadcrumb, 来源/作者/发布时间 lines, bylines.

Read before clutter removal (these lines live in the "info" and "location" bars that
removal drops) and after scripts are gone.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.model import ArticleMeta
from tuireader.text.dates import parse_date

_CRUMB_NAMES = re.compile(r"breadcrumb|crumb|location|position|weizhi|dqwz|daohang|curpos", re.I)
_CRUMB_PREFIX = re.compile(
    r"^\s*(?:您?当前(?:的)?位置|您的位置|所在位置|当前栏目|位置)\s*[:：]?\s*"
)
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|＞＞|>|＞|»|›|→|/|\||｜|»)\s*")
_CRUMB_HOME = frozenset({"首页", "网站首页", "主页", "home", "homepage", "正文", "返回首页"})
_MAX_CRUMB_TEXT = 200
_LABELED_DATE = re.compile(
    r"(?:发布时间|发布日期|发表时间|更新时间|发稿时间|(?<![\u4e00-\u9fff])(?:时间|日期)"
    r"|\b(?:Published|Posted on|Posted|Updated|Date)\b)\s*[:：]?\s*",
    re.I,
)
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]\s*([^\s|｜丨/]{1,30})")
_AUTHOR = re.compile(r"(?:作者|作　者|撰稿|撰文|记者)\s*[:：]\s*([^\s|｜丨/，,]{1,20})")
# Each label of _LABELED_DATE, _SOURCE and _AUTHOR contains one of these words (the
# English ones casefolded): a page without any skips the regex scans.
_SOURCE_WORDS = ("来源", "來源", "稿源", "出处")
_AUTHOR_WORDS = ("作者", "作　者", "撰稿", "撰文", "记者")
_DATE_LABEL_WORDS = ("时间", "日期")
_DATE_LABEL_WORDS_EN = ("published", "posted", "updated", "date")
_ZH_LABEL_WORDS = _DATE_LABEL_WORDS + _SOURCE_WORDS + _AUTHOR_WORDS
_BYLINE = re.compile(r"\bBy\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_INFO_NAMES = re.compile(r"info|time|date|byline|meta|source|author|sj|pubtime|publish", re.I)


def read_visible(root: etree._Element) -> ArticleMeta:
    """Breadcrumb sections and labeled date / source / author from the visible text."""
    body = next(root.iter("body"), root)
    # Pieces joined by spaces: adjacent elements must not run together ("王五" + "正文").
    text = _label_text(" ".join(body.itertext()))
    return ArticleMeta(
        sections=breadcrumb_sections(body),
        date=_labeled_date(text) or _time_element_date(body) or _info_date(body),
        source=_first_group(_SOURCE, text, _SOURCE_WORDS),
        author=_first_group(_AUTHOR, text, _AUTHOR_WORDS) or _byline(body),
    )


def _label_text(raw: str) -> str:
    """``raw`` with whitespace collapsed, or "" when it holds no label word at all.

    Collapsing a whole page costs more than the rest of this module. Collapsing keeps
    every run of non-space characters, so a label word is in ``raw`` exactly when it is
    in the collapsed text (作　者 holds a space: it can only make us collapse needlessly).
    """
    if any(word in raw for word in _ZH_LABEL_WORDS) or _has_english_date_label(raw):
        return " ".join(raw.split())
    return ""


def breadcrumb_sections(body: etree._Element) -> tuple[str, ...]:
    """Sections from a breadcrumb bar (``您当前的位置：首页 >> 新闻 >> 要闻``)."""
    for element in body.iter(etree.Element):
        names = (
            f"{element.get('class', '')} {element.get('id', '')} {element.get('aria-label', '')}"
        )
        own = (element.text or "").strip()
        if _CRUMB_NAMES.search(names) or (own and _CRUMB_PREFIX.match(own)):
            text = clean_text(text_of(element))
            if 0 < len(text) <= _MAX_CRUMB_TEXT:
                crumbs = _split_crumbs(element, text)
                # "position-relative" is a utility class, not a breadcrumb: want a chain.
                if (
                    len(crumbs) >= 2
                    or _CRUMB_PREFIX.match(text)
                    or len(element.findall(".//a")) >= 2
                ):
                    return crumbs
    return ()


def _split_crumbs(element: etree._Element, text: str) -> tuple[str, ...]:
    text = _CRUMB_PREFIX.sub("", text)
    parts = _CRUMB_SPLIT.split(text)
    if len(parts) == 1:  # <li> items without separators between them
        parts = [clean_text(text_of(item)) for item in element.iter("li", "a")] or parts
    items: list[str] = []
    for part in parts:
        part = part.strip(" :：")
        if part and part.lower() not in _CRUMB_HOME and len(part) <= 30 and part not in items:
            items.append(part)
    return tuple(items[:6])


def _labeled_date(text: str) -> str | None:
    # The regex has no literal prefix, so scanning a page that holds no label at all is
    # slow (a quarter of the parse); substring tests rule that case out first.
    if not any(word in text for word in _DATE_LABEL_WORDS) and not _has_english_date_label(text):
        return None
    for match in _LABELED_DATE.finditer(text):
        iso = parse_date(text[match.end() : match.end() + 40])
        if iso:
            return iso
    return None


def _has_english_date_label(text: str) -> bool:
    # casefold, not lower: re.I also matches "ſ" for "s", which only casefold maps.
    folded = text.casefold()
    return any(word in folded for word in _DATE_LABEL_WORDS_EN)


def _time_element_date(body: etree._Element) -> str | None:
    for element in body.iter("time"):
        iso = parse_date(element.get("datetime") or "") or parse_date(clean_text(text_of(element)))
        if iso:
            return iso
    return None


def _info_date(body: etree._Element) -> str | None:
    """A date in an element named like an info bar (``<div class="info">``)."""
    for element in body.iter(etree.Element):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if names.strip() and _INFO_NAMES.search(names) and not _in_a_list(element):
            text = clean_text(text_of(element))
            if len(text) <= _MAX_CRUMB_TEXT:
                iso = parse_date(text)
                if iso:
                    return iso
    return None


def _in_a_list(element: etree._Element) -> bool:
    """Dates inside list items belong to other articles ("related news")."""
    return any(ancestor.tag in ("li", "dd", "tr") for ancestor in element.iterancestors())


def _byline(body: etree._Element) -> str | None:
    for element in body.iter(etree.Element):
        names = f"{element.get('class', '')} {element.get('rel', '')}".lower()
        if "byline" in names or "author" in names:
            match = _BYLINE.search(clean_text(text_of(element)))
            if match:
                return match.group(1)
    return None


def _first_group(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> str | None:
    """The first group of ``pattern`` in ``text``; ``words`` are its labels, one of which
    must occur for it to match (a substring test rules out most pages at once)."""
    if not any(word in text for word in words):
        return None
    match = pattern.search(text)
    return match.group(1) if match else None
