"""Breadcrumb lines, as scraped pages run them together with the title and metadata.

Two shapes occur:

* ``您当前的位置 : 中国张掖网 >> 问政 >> 要闻 <title> 来源:… <date>``: crumbs have no
  spaces, so the breadcrumb ends at the first space after the last separator and the
  title follows.
* ``首页 » 文化 » <title> » 来源：晨光日报 » 2021-04-23 20:30 » 【字体：大 中 小】``: the
  chain runs on into metadata; the last crumb before the first label, date or noise
  segment is the title (or the source, when it is named like a newsroom).

Separators inside dates (``2022-11-01``, ``2022/11/01``) never split a segment.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tuireader.library.formats.plain.labels import starts_with_label
from tuireader.library.formats.plain.noise import is_noise_line
from tuireader.text.dates import find_date

_PREFIX = re.compile(
    r"^(?:您当前的位置|您现在的位置|您的位置|当前位置是|当前的位置|当前位置|所在位置|现在位置"
    r"|你的位置|你现在的位置|你当前的位置|You are here)"
    r"[ \t\u3000]*(?:[:：][ \t\u3000]*|[ \t\u3000]+)",
    re.IGNORECASE,
)
_SPACES = "[ \t\u3000]*"
# Longest first, so '>>' wins over '>'.
_SEPARATORS = (">>", "＞＞", "»", "›", "→", ">", "＞", "/", "／", "-", "－", "—", "\\", "|", "｜")
_ANY_SEPARATOR = re.compile(_SPACES + "(?:" + "|".join(map(re.escape, _SEPARATORS)) + ")")
_HOME = frozenset(("首页", "主页", "网站首页", "本站首页", "返回首页", "home", "Home", "HOME"))
_HOME_START = re.compile(r"^(?:网站首页|本站首页|首页|主页|home)(?=[ \t\u3000]*[>»›→＞/])", re.I)
# Without a prefix or a home crumb: three crumbs joined by one arrow, or X > 正文.
_CRUMB = r"[^\s>»›→＞]{1,16}"
_BARE_CHAIN = re.compile(
    rf"^{_CRUMB}[ \t]*(>>|＞＞|»|›|→|>|＞)[ \t]*(?:{_CRUMB}[ \t]*\1[ \t]*{_CRUMB}|正文|详情)"
)
_LAST_CRUMBS = frozenset(("正文", "内容", "详情", "正文内容", "阅读文章", "浏览文章", "文章内容"))
_NEWSROOM = re.compile(r"(?:报|网|社|台|中心|刊|杂志|频道|客户端|Times|News|Post)$")
# Section names are short; a longer run is the article's title.
_MAX_LINE = 1000
_MAX_CRUMB = 16
# Section names rarely pass six characters; a longer word before metadata is a title.
_MAX_SECTION = 6
_FIRST_CRUMB = re.compile(r"[^\s>»›→＞/／\-－—\\|｜]{1," + str(_MAX_CRUMB) + "}")


@dataclass(frozen=True, slots=True)
class Breadcrumb:
    """What a breadcrumb line holds: its sections, and whatever followed them."""

    sections: tuple[str, ...]
    title: str | None
    source: str | None
    remainder: str


# The header reader asks twice about the same few lines (is it strong? then read it);
# the answer is immutable, so the second time is a cache hit.
@functools.lru_cache(maxsize=64)
def split_breadcrumb(line: str) -> Breadcrumb | None:
    """Read a breadcrumb line; None when ``line`` is not one (or is too long to be one)."""
    if len(line) > _MAX_LINE:
        return None
    prefix = _PREFIX.match(line)
    if prefix is None and not (_HOME_START.match(line) or _BARE_CHAIN.match(line)):
        return None
    rest = line[prefix.end() :] if prefix else line
    # A home crumb that was an image leaves its separator first: 当前位置：> 新闻 > 本地.
    while (lead := _ANY_SEPARATOR.match(rest)) is not None:
        rest = rest[lead.end() :].lstrip(" \t\u3000")
    segments = _segments(rest)
    crumbs: list[str] = []
    for index, segment in enumerate(segments):
        if _is_meta(segment):
            return _chain_into_meta(crumbs, " ".join(segments[index:]))
        head, _space, tail = segment.partition(" ")
        if tail and crumbs and len(head) > _MAX_SECTION and _is_meta(tail):
            # 首页 > 新闻 > 2022年政府工作报告解读 来源:… — a short title, then metadata.
            rest = " ".join([tail, *segments[index + 1 :]])
            return _finish(crumbs, head, None, rest)
        if tail or len(segment) > _MAX_CRUMB:
            if len(head) <= _MAX_CRUMB:
                crumbs.append(head)
                head = ""
            remainder = " ".join([head, tail, *segments[index + 1 :]]).strip()
            return _finish(crumbs, None, None, remainder)
        crumbs.append(segment)
    return _finish(crumbs, None, None, "")


def _chain_into_meta(crumbs: list[str], meta: str) -> Breadcrumb | None:
    """The chain ran into metadata: its last crumb is the title (or the source)."""
    title = source = None
    if len(crumbs) >= 2:
        title = crumbs.pop()
    if title and len(crumbs) >= 2 and _NEWSROOM.search(title):
        source, title = title, crumbs.pop()
    return _finish(crumbs, title, source, meta)


def _finish(
    crumbs: list[str], title: str | None, source: str | None, remainder: str
) -> Breadcrumb | None:
    """Drop the home and 正文 crumbs; None when nothing was read."""
    if not crumbs and title is None:
        return None
    kept = [c for c in crumbs if c and c not in _HOME]
    if kept and kept[-1] in _LAST_CRUMBS:
        kept.pop()
    return Breadcrumb(tuple(kept), title, source, remainder)


def _is_meta(segment: str) -> bool:
    """A segment that starts the page's metadata: a label, a date or page noise."""
    if starts_with_label(segment) or is_noise_line(segment):
        return True
    found = find_date(segment[:40])
    return found is not None and found[1] == 0


def _segments(rest: str) -> list[str]:
    """Split ``rest`` at one kind of separator (the first found), never inside a date."""
    kind = _separator_kind(rest)
    if kind is None:
        return [" ".join(rest.split())]
    dates = _date_spans(rest)
    pattern = re.compile(_SPACES + re.escape(kind) + _SPACES)
    segments, start = [], 0
    for match in pattern.finditer(rest):
        if not any(s <= match.start() < e for s, e in dates):
            segments.append(rest[start : match.start()])
            start = match.end()
    segments.append(rest[start:])
    return [" ".join(s.split()) for s in segments if s.strip()]


def _separator_kind(rest: str) -> str | None:
    """The separator used after the first crumb, or None if there is none."""
    first = _FIRST_CRUMB.match(rest)
    if first is None:
        return None
    found = _ANY_SEPARATOR.match(rest, first.end())
    return found[0].strip() if found else None


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date in ``text``, so separators inside them are left alone."""
    spans, position = [], 0
    while (found := find_date(text[position:])) is not None:
        spans.append((position + found[1], position + found[2]))
        position += found[2]
    return spans
