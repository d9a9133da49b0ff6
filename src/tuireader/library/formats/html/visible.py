"""Metadata printed on the page itself: breadcrumb, 来源/作者/发布时间 lines, bylines.

Two kinds of reading. The page-wide ones (breadcrumb, labeled dates, ``<time>``, info
bars, ``rel=author`` bylines) run before clutter removal, since these bars are what
removal drops. The area ones read the byline area under the headline and the credit
area at the article's end (:mod:`tuireader.library.formats.html.layout`): the first
date under the headline, the names after 记者/作者/文/ there, ``NAME 发表于 DATE`` on
blogs, a lone name under the headline, and at the end ``（记者 某某）`` or 编辑：某某.
Names pass :mod:`tuireader.library.formats.names`, so a sentence is never an author.
"""

from __future__ import annotations

import re

from lxml import etree

from tuireader.library.formats.html.layout import Areas
from tuireader.library.formats.html.tree import clean_text, text_of
from tuireader.library.formats.names import (
    is_person_name,
    looks_like_chinese_name,
    person_names,
)
from tuireader.library.model import ArticleMeta
from tuireader.text.dates import find_date, parse_date

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
# A government document's own date (成文日期), as against when the site posted it (发布日期).
_WRITTEN_DATE = re.compile(r"成文(?:日期|时间)\s*[:：]?\s*")
#: The label under which :func:`read_visible` reports a 成文日期.
WRITTEN_DATE = "成文日期"
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]\s*[\[【]?\s*([^\s|｜丨/\]】]{1,30})")
# Each label of _LABELED_DATE and _SOURCE, and of _AUTHOR_LABEL but 作 者 set with a space,
# contains one of these words (the English ones casefolded): a page without any skips the
# regex scans.
_SOURCE_WORDS = ("来源", "來源", "稿源", "出处")
_DATE_LABEL_WORDS = ("时间", "日期")
_DATE_LABEL_WORDS_EN = ("published", "posted", "updated", "date")
_ZH_LABEL_WORDS = _DATE_LABEL_WORDS + _SOURCE_WORDS + ("作者", "执笔", "執筆")
_INFO_NAMES = re.compile(r"info|time|date|byline|meta|source|author|sj|pubtime|publish", re.I)
_BYLINE_NAMES = re.compile(r"byline|author|auteur|autor|writer|signature|dateline", re.I)
# "Tech Industry by Steven Musil …": the words before a "by" (a section, a kicker) go.
_BY_INSIDE = re.compile(r"^(?:\S+\s+){0,4}?(?:by|par|von|por)\s+(?=\S)", re.I)
# What follows the name on a byline: a title, a date, another role, a handle.
_AFTER_NAME = re.compile(
    r"\s*(?:[,|•·—–(@]|\b(?:edited|updated|published|photo|photographs|illustration|and more)\b).*$",
    re.I,
)
_MAX_BYLINE_ELEMENT = 200
_BY_PREFIX = re.compile(
    r"^(?:written\s+by|posted\s+by|by|par|von|por|door|di|av|от|作者|文)\s*[:：/]?\s+", re.I
)
_BYLINE_CUT = re.compile(
    r"\s*(?:[|•·—–]|,\s*(?:\d|updated|published|staff)|\bon\s+\w+\s+\d).*$", re.I
)
_MAX_BYLINE = 100

# A writer's role, then the names in the same piece of text.
_ROLE = re.compile(
    r"(?:^|(?<=[\s（(【\[□|｜■●]))"
    r"(?:[\u4e00-\u9fff]{0,8}(?:记者|記者|通讯员|通訊員|实习生|實習生)\s*[:：]?"
    r"|(?:作者|作\s者|撰文|撰稿|执笔人?|執筆人?)(?:\s*[:：]|\s)"
    # 文/王五, 文字/王五, 文图/王五, and 文/图 王五 (the writer took the photos too).
    r"|(?:文|文字)\s*[/／]\s*[图圖](?:\s*[/／:：]|\s)|(?:文|文字|文图|文圖)\s*[/／])\s*"
)
_AUTHOR_LABEL = re.compile(r"(?:作者|作\s者|执笔人?|執筆人?)\s*[:：]\s*")
_EDITOR = re.compile(r"(?<![责責任])(?:编辑|編輯)\s*[:：]\s*")
_NAME_TOKEN = re.compile(r"([^\s、，,;；/／|｜:：()（）\[\]【】]+)([\s、，,;；/／|｜:：]*)")
_TRAILERS = ("摄影", "攝影", "报道", "報導", "摄", "攝", "报导")
_PLACE_TRAILERS = ("报道", "報導", "报导")
_ROLE_TOKEN = re.compile(r".{0,8}(?:记者|記者|通讯员|通訊員|实习生|實習生)")
_POSTED = (
    re.compile(r"由\s*([^\s]{1,20}?)\s*(?:张贴|張貼)"),
    re.compile(r"(?:^|\s)([^\s@]{1,24})\s+(?:发表于|發表於|发表在|posted)\s*[:：]?\s*(?=\d)", re.I),
    re.compile(r"\bPosted\s+by\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"),
)
# 胡 晓 蓉: a name typeset with spaces between its characters.
_SPACED_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,2}(?![\u4e00-\u9fff])"
)
_BRACKETED = re.compile(r"\[\s*([^\s\[\]]{2,4})\s*\]")
_CREDIT = re.compile(r"[（(]([^（）()]{2,40})[）)]")
_MONTH_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_JOURNAL_DATE = re.compile(
    r"《[^《》]{1,30}》\s*(\d{4})\s*年\s*(?:第?\s*)?(\d{1,2})\s*(?:月|期)(?:号|號|刊)?"
)


def read_visible(root: etree._Element) -> ArticleMeta:
    """Page-wide fields: breadcrumb, labeled date / source, ``<time>``, info bars, bylines."""
    body = next(root.iter("body"), root)
    # Pieces joined by spaces: adjacent elements must not run together ("王五" + "正文").
    text = _label_text(" ".join(body.itertext()))
    written = _written_date(text) if "成文" in text else None
    return ArticleMeta(
        sections=breadcrumb_sections(body),
        date=_labeled_date(text) or _time_element_date(body) or _info_date(body),
        source=_first_group(_SOURCE, text, _SOURCE_WORDS),
        author=_labeled_author(text) or _byline(body),
        labels=((WRITTEN_DATE, written),) if written else (),
    )


def _written_date(text: str) -> str | None:
    """The date after ``成文日期：``: the date a government document bears (its site's
    发布日期 is when it went online), which readers cite it by."""
    for match in _WRITTEN_DATE.finditer(text):
        found = find_date(text[match.end() : match.end() + 40])
        if found is not None and found[1] == 0:
            return found[0]
    return None


def _labeled_author(text: str) -> str | None:
    """``作者：王五`` anywhere on the page (an explicit label, and a name after it)."""
    for match in (
        _AUTHOR_LABEL.finditer(text) if "作" in text or "執" in text or "执" in text else ()
    ):
        names = _names_from(text, match.end())
        if names:
            return " ".join(names)
    return None


def area_date(areas: Areas) -> str | None:
    """The first date under the headline, or a magazine's ``《刊名》1998年3月号`` at the end."""
    found = find_date(areas.byline) if areas.byline else None
    if found:
        return found[0]
    month = _MONTH_DATE.search(areas.byline) if "年" in areas.byline else None
    if month and 1 <= int(month[2]) <= 12:  # a report dated 2003年5月 under its title
        return f"{month[1]}-{int(month[2]):02d}"
    match = _JOURNAL_DATE.search(areas.credit[-200:]) if "《" in areas.credit else None
    if match and 1 <= int(match[2]) <= 12:
        return f"{match[1]}-{int(match[2]):02d}"
    return None


def area_source(areas: Areas) -> str | None:
    """``来源：某报`` in the byline area."""
    return _first_group(_SOURCE, areas.byline, _SOURCE_WORDS)


def area_author(areas: Areas) -> str | None:
    """Names under the headline, else credited at the article's end; None when unsure."""
    pieces = areas.byline_pieces
    for index, piece in enumerate(pieces):
        names = _role_names_from(pieces, index) or _posted_by(piece) or _bracketed_name(piece)
        if names:
            return names
    # "ggjjzhzz 发表于 2005-9-15": the name (a link) and the words are two pieces.
    names = _posted_by(areas.byline[: _MAX_BYLINE * 2])
    if names:
        return names
    if areas.after_headline:  # 胡平 on its own line right under the headline
        for piece in areas.byline_pieces[:2]:
            if looks_like_chinese_name(piece):
                return piece
    names = _credited(areas.closing, areas.credit) or _posted_by(areas.credit)
    if names:
        return names
    for area in (areas.byline, areas.credit):  # 来源：王五 — a person sent it in
        source = _first_group(_SOURCE, area, _SOURCE_WORDS)
        if source and looks_like_chinese_name(source):
            return source
    return None


def _role_names_from(pieces: tuple[str, ...], index: int) -> str | None:
    """Names after roles starting at ``pieces[index]``, through the byline lines that follow
    (``本报实习生 甲 乙`` / ``本报记者`` / ``丙 丁``); a role alone takes the next line's names."""
    found: list[str] = []
    while index < len(pieces):
        piece = pieces[index]
        if _ROLE.fullmatch(piece) or is_role_word(piece):
            if index + 1 >= len(pieces):
                break
            piece = f"{piece} {pieces[index + 1]}"
            index += 1
        names = role_names(piece)
        if not names:
            break
        found.extend(name for name in names.split() if name not in found)
        index += 1
    return " ".join(found) or None


def role_names(text: str) -> str | None:
    """Names right after a writer's role in ``text``: ``本报记者 王五 赵六`` → ``王五 赵六``."""
    text = _SPACED_NAME.sub(lambda match: match[0].replace(" ", ""), text)
    for match in _ROLE.finditer(text):
        names = _names_from(text, match.end())
        if names:
            return " ".join(names)
    return None


def _names_from(text: str, start: int) -> list[str]:
    """Consecutive names from ``start``; roles between them are skipped, anything else stops."""
    names: list[str] = []
    for match in _NAME_TOKEN.finditer(text, start):
        if match.start() != start:  # something that is neither a name nor a separator
            break
        start = match.end()
        token, gap = match[1], match[2]
        if _ROLE_TOKEN.fullmatch(token):
            continue
        if token in _TRAILERS:  # 记者 王五 摄影: the photo credit after the names, no name
            break
        name = _without_trailer(token)
        if name != token and token.endswith(_PLACE_TRAILERS):  # 上海报道: a place
            break
        if not is_person_name(name) or any(mark in gap for mark in "：:，,"):
            break  # a label or the start of a sentence, not a name
        if name not in names:
            names.append(name)
        if name != token:
            break
    return names


def is_role_word(text: str) -> bool:
    """``本报记者``, ``通讯员``: a writer's role with no name."""
    return _ROLE_TOKEN.fullmatch(text) is not None


def _without_trailer(token: str) -> str:
    for trailer in _TRAILERS:
        if token.endswith(trailer) and len(token) > len(trailer) + 1:
            return token[: -len(trailer)]
    return token


def _bracketed_name(text: str) -> str | None:
    """``2004年7月16日08:19 [ 黄宇 ]``: a family-name-shaped name in brackets on the date line."""
    if "[" not in text or find_date(text) is None:
        return None
    for match in _BRACKETED.finditer(text):
        if looks_like_chinese_name(match[1]):
            return match[1]
    return None


def _posted_by(text: str) -> str | None:
    for pattern in _POSTED:
        match = pattern.search(text)
        if match:
            return person_names(match[1])
    return None


def _credited(closing: str, credit: str) -> str | None:
    """``（记者 某某）`` / ``（某某 上海报道）`` closing the text, ``执笔人：``, then 编辑：."""
    for match in _CREDIT.finditer(closing[-_MAX_BYLINE:]):
        inner = _SPACED_NAME.sub(lambda found: found[0].replace(" ", ""), match[1].strip())
        names = role_names(inner)
        if names is None:  # no role: only family-name-shaped names, then at most a place
            found = _names_from(inner, 0)
            if found and all(looks_like_chinese_name(name) for name in found):
                rest = inner.split(found[-1], 1)[1].strip()
                if not rest or rest.endswith(_TRAILERS):
                    names = " ".join(found)
        if names:
            return names
    names = role_names(credit)
    if names:
        return names
    for match in _EDITOR.finditer(credit):
        found = _names_from(credit, match.end())
        if found:
            return " ".join(found)
    return None


def _label_text(raw: str) -> str:
    """``raw`` with whitespace collapsed, or "" when it holds no label word at all.

    Collapsing a whole page costs more than the rest of this module. Collapsing keeps
    every run of non-space characters, so a label word is in ``raw`` exactly when it is
    in the collapsed text.
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
        if _in_a_list(element):
            continue
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
    return any(ancestor.tag in ("li", "dd") for ancestor in element.iterancestors())


def _byline(body: etree._Element) -> str | None:
    """The name in a ``rel=author`` / ``itemprop=author`` / ``class=byline`` element; one
    that says "By …" first (a signature block may also hold the paper's name)."""
    found: list[str] = []
    for element in body.iter(etree.Element):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        marked = (
            "author" in (element.get("rel") or "").lower()
            or "author" in (element.get("itemprop") or "").lower()
            or _BYLINE_NAMES.search(names) is not None
        )
        if not marked or _in_a_list(element):
            continue
        text = clean_text(text_of(element))
        if not text or len(text) > _MAX_BYLINE_ELEMENT:
            continue
        name = person_names(_name_on_byline(text))
        if name and (_BY_PREFIX.match(text) or _BY_INSIDE.match(text)):
            return name
        if name:
            found.append(name)
    return found[0] if found else None


def _name_on_byline(text: str) -> str:
    """``By Jane Doe, Staff Writer March 3, 2015`` → ``Jane Doe``."""
    cut = _BY_PREFIX.sub("", text)
    text = cut if cut != text else _BY_INSIDE.sub("", text)
    found = find_date(text)
    if found:
        text = text[: found[1]]
    return _AFTER_NAME.sub("", text).strip()


def _first_group(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> str | None:
    """The first group of ``pattern`` in ``text``; ``words`` are its labels, one of which
    must occur for it to match (a substring test rules out most pages at once)."""
    if not any(word in text for word in words):
        return None
    match = pattern.search(text)
    return match.group(1) if match else None
