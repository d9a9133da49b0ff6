"""The header of a plain-text page: breadcrumb, title, source, author, date.

The first few logical lines are read one by one. Each is a breadcrumb (which may carry
the title, source and date on the same line), a labelled line (``来源：… 时间：…``), a
byline, a bare date, page noise, or the title. The first line that is none of these
starts the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tuireader.formats import plain_labels as labels
from tuireader.formats.plain_breadcrumb import split_breadcrumb
from tuireader.formats.plain_byline import (
    byline_names,
    english_byline,
    has_role,
    is_byline_line,
)
from tuireader.formats.plain_noise import is_noise_line, strip_noise
from tuireader.text.dates import find_date

_SCAN_LINES = 15
_MAX_HEADER_LINE = 600
_MAX_TITLE_PRE = 80
_MAX_UNKNOWN_LABEL = 20
_MAX_CHROME = 40
_SENTENCE = re.compile(r"[。！？!?]")
_NAME_FIELDS = (labels.TITLE, labels.AUTHOR, labels.SOURCE, labels.EDITOR)
_HEADER_FIELDS = (labels.TITLE, labels.AUTHOR, labels.SOURCE, labels.DATE)
_MAX_CJK_TITLE, _MAX_LATIN_TITLE = 60, 110
_MAX_DATE_LINE_REST = 12
_MAX_FIELD = 60
_TITLE_BAD_ENDINGS = ("。", ".", "，", ",", "、", "；", ";", "：", ":")
# Where a title came from, least to most trustworthy.
RANK_LINE, RANK_META, RANK_LABEL = 1, 2, 3
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[.、]\S|[（(][一二三四五六七八九十]{1,3}[)）])"
)
_TAG_SEPARATORS = str.maketrans({c: " " for c in ",，、;；|｜"})


@dataclass
class Header:
    """Metadata collected from the header lines (mutable while it is being read)."""

    title: str | None = None
    title_rank: int = 0
    sections: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    lead: list[str] = field(default_factory=list)


def read_header(lines: list[str]) -> tuple[Header, int]:
    """Read the header from logical lines; return it and the index where the body starts.

    Site chrome (a site name, a menu) may stand above the breadcrumb or the labelled
    lines: short lines before the last such line are skipped instead of ending the header.
    """
    header = Header()
    window = lines[:_SCAN_LINES]
    last_strong = max((i for i, line in enumerate(window) if _is_strong(line)), default=-1)
    for index, line in enumerate(window):
        has_more = index + 1 < len(lines)
        if len(line) <= _MAX_HEADER_LINE and _read_line(header, line, has_more):
            continue
        if index < last_strong and _is_chrome(line):
            _maybe_later_title(header, line)
            continue
        return header, index
    return header, len(window)


def _is_strong(line: str) -> bool:
    """A line that can only belong to a header: a breadcrumb or a plausible label line."""
    if len(line) > _MAX_HEADER_LINE:
        return False
    if split_breadcrumb(line) is not None:
        return True
    pre, pairs = labels.split_labels(line)
    return not pre and _plausible(pairs) and pairs[0][0] in _HEADER_FIELDS


def _is_chrome(line: str) -> bool:
    """Short, not a sentence: a site name or menu line above the real header."""
    return len(line) <= _MAX_CHROME and not line.endswith(_TITLE_BAD_ENDINGS + ("！", "？"))


def _maybe_later_title(header: Header, line: str) -> None:
    """Among chrome lines the last title-like one (nearest the labels) is the title."""
    if header.title_rank <= RANK_LINE and looks_like_title(line):
        header.title, header.title_rank = line, RANK_LINE


def _plausible(pairs: list[tuple[str, str]]) -> bool:
    """Label values that read like metadata, not like a sentence of an interview."""
    if not pairs:
        return False
    for name, value in pairs:
        if name in _NAME_FIELDS and (len(value) > _MAX_FIELD or _SENTENCE.search(value)):
            return False
    return True


def _read_line(header: Header, line: str, has_more: bool) -> bool:
    """Take one header line into ``header``; False when the line belongs to the body."""
    crumbs = None if header.sections else split_breadcrumb(line)
    if crumbs is not None:
        header.sections = crumbs.sections
        if crumbs.title:
            set_title(header, crumbs.title, RANK_META)
        header.source = header.source or crumbs.source
        read_meta(header, crumbs.remainder, RANK_META)
        return True
    if is_noise_line(line):
        return True
    pre, pairs = labels.split_labels(line)
    # Short text before the labels is an unknown label (发布者：admin), not body text.
    short_pre = len(pre) <= _MAX_UNKNOWN_LABEL
    fits = short_pre or (len(pre) <= _MAX_TITLE_PRE and header.title is None)
    if fits and _plausible(pairs):
        read_meta(header, line)
        return True
    return _read_plain_line(header, line, has_more)


def _read_plain_line(header: Header, line: str, has_more: bool) -> bool:
    """A line without labels: byline, bare date, or the title."""
    names = english_byline(line) or (byline_names(line) if is_byline_line(line) else None)
    if names:
        header.author = header.author or names
        return True
    found = find_date(line) if len(line) <= _MAX_FIELD else None
    if found and len(line) - (found[2] - found[1]) <= _MAX_DATE_LINE_REST:
        header.date = header.date or found[0]
        return True
    if header.title is None and has_more and looks_like_title(line):
        set_title(header, line, RANK_LINE)
        return True
    return False


def set_title(header: Header, title: str, rank: int) -> None:
    """Keep the title from the most trustworthy place (a label beats a first line)."""
    if rank > header.title_rank:
        header.title, header.title_rank = title, rank


def looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence or a clause."""
    limit = _MAX_LATIN_TITLE if line.isascii() else _MAX_CJK_TITLE
    if _NUMBERED.match(line):
        return False
    return 0 < len(line) <= limit and not line.endswith(_TITLE_BAD_ENDINGS)


def read_meta(header: Header, text: str, pre_rank: int = RANK_LINE) -> None:
    """Read a header segment: optional title text, then labelled fields, noise cut out.

    Text before the first label becomes the title with rank ``pre_rank``: on a breadcrumb
    line it beats a first-line guess, elsewhere it only fills a missing title.
    """
    pre, pairs = labels.split_labels(strip_noise(text))
    pre = _take_date(header, pre)
    if pre and len(pre) <= _MAX_TITLE_PRE * 2:
        set_title(header, pre, pre_rank)
    for name, value in pairs:
        _take_field(header, name, value)


def _take_date(header: Header, value: str) -> str:
    """Record the first date in ``value`` and return the text before it (or after)."""
    found = find_date(value)
    if found is None:
        return value
    header.date = header.date or found[0]
    before, after = value[: found[1]].strip(), value[found[2] :].strip()
    return labels.clean_value(before or after)


def _take_field(header: Header, name: str, value: str) -> None:
    """Store one labelled value on the header."""
    if name == labels.TITLE and value:
        set_title(header, value, RANK_LABEL)
    elif name == labels.DATE:
        _take_date(header, value)
    elif name == labels.SOURCE:
        value = _take_date(header, value)
        if value and len(value) <= _MAX_FIELD:
            header.source = header.source or value
    elif name == labels.AUTHOR:
        _add_author(header, _take_date(header, value))
    elif name == labels.URL and value:
        header.url = header.url or value.split()[0]
    elif name == labels.TAGS:
        header.tags.extend(t for t in value.translate(_TAG_SEPARATORS).split() if t)
    elif name == labels.SUMMARY and value:
        header.description = header.description or value
        header.lead.append(value)


def _add_author(header: Header, value: str) -> None:
    """Add the names of one author label (``作者：本报记者 李明`` gives 李明)."""
    names = byline_names(value) if has_role(value) else None
    if not names and value and len(value) <= _MAX_FIELD // 2:
        names = value
    if names:
        header.author = f"{header.author} {names}" if header.author else names
