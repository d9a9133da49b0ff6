"""Breadcrumb lines: ``您当前的位置 : 中国张掖网 >> 问政 >> 要闻 <title> 来源:… <date>``.

Scraped pages often run the breadcrumb, the title, the source and the date together on
one line. Crumbs are short and have no spaces inside, so the breadcrumb ends at the
first space after the last separator; whatever follows is handed back as the remainder.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^(?:您当前的位置|您现在的位置|您的位置|当前位置是|当前的位置|当前位置|所在位置|现在位置"
    r"|你的位置|你现在的位置|你当前的位置|You are here)"
    r"[ \t\u3000]*(?:[:：][ \t\u3000]*|[ \t\u3000]+)",
    re.IGNORECASE,
)
# A breadcrumb without a prefix must start with a home crumb.
_HOME = ("首页", "主页", "网站首页", "本站首页", "返回首页", "home", "Home", "HOME")
_HOME_START = re.compile(
    r"^(?:网站首页|本站首页|首页|主页|home)(?=[ \t\u3000]*(?:>|»|›|→|＞|/))", re.I
)
# Longest first, so '>>' wins over '>'.
_SEPARATOR = re.compile(r"[ \t\u3000]*(>>|＞＞|»|›|→|>|＞|/|／|-|－|—|\\)[ \t\u3000]*")
_LAST_CRUMBS = ("正文", "内容", "详情", "正文内容", "阅读文章", "浏览文章", "文章内容", "详细内容")
_MAX_CRUMB = 24


def split_breadcrumb(line: str) -> tuple[tuple[str, ...], str] | None:
    """Split a breadcrumb line into (crumbs, remainder); None when it is not one.

    The home crumb (首页) and a trailing 正文 crumb are dropped; site and section names
    are kept.
    """
    prefix = _PREFIX.match(line)
    if prefix is None and _HOME_START.match(line) is None:
        return None
    rest = line[prefix.end() :] if prefix else line
    crumbs, remainder = _read_crumbs(rest)
    if not crumbs:
        return None
    kept = tuple(c for c in crumbs if c not in _HOME)
    if kept and kept[-1] in _LAST_CRUMBS:
        kept = kept[:-1]
    return kept, remainder


def _read_crumbs(rest: str) -> tuple[list[str], str]:
    """Read crumbs joined by one kind of separator; return them and the text after."""
    crumbs: list[str] = []
    position = 0
    separator = None
    while True:
        crumb, position = _next_crumb(rest, position)
        if not crumb:
            break
        crumbs.append(crumb)
        found = _SEPARATOR.match(rest, position)
        if found is None or (separator is not None and found[1] != separator):
            break
        if found.end() >= len(rest) or rest[found.end()].isspace():
            position = found.end()
            break
        separator = found[1]
        position = found.end()
    return crumbs, rest[position:].strip()


def _next_crumb(rest: str, position: int) -> tuple[str, int]:
    """The crumb starting at ``position``: a run without spaces or separators."""
    end = position
    limit = min(len(rest), position + _MAX_CRUMB + 1)
    while end < limit and not rest[end].isspace() and _SEPARATOR.match(rest, end) is None:
        end += 1
    # A run longer than any crumb is really the title: the breadcrumb stops before it.
    if end - position > _MAX_CRUMB:
        return "", position
    return rest[position:end], end
