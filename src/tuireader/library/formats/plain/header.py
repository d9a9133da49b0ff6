"""The header of a plain-text page: breadcrumb, title, source, author, date.

The first few logical lines are read one by one. Each is a breadcrumb (which may carry
the title, source and date on the same line), a labelled line (``来源：… 时间：…``), a
byline, a bare date, page noise, or the title. The first line that is none of these
starts the body.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.breadcrumb import split_breadcrumb
from tuireader.library.formats.plain.byline import byline_names, english_byline, is_byline_line
from tuireader.library.formats.plain.meta import (
    RANK_LINE,
    RANK_META,
    Header,
    read_meta,
    set_title,
)
from tuireader.library.formats.plain.noise import is_noise_line, is_rule_line
from tuireader.text.dates import find_date

_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[.、]\S|[（(][一二三四五六七八九十]{1,3}[)）])"
)
_DATELINE_WORDS = re.compile(
    r"(?i:(?:posted|published|updated|last updated|first published)(?: on)?"
    r"(?: +\S+)?(?: +by +[\w .'\-]{1,40})?)"
)
_CLAUSE_ENDINGS = ("，", ",", "；", ";", "、")
_SCAN_LINES = 15
_MAX_HEADER_LINE = 600
_MAX_TITLE_PRE = 80
_MAX_UNKNOWN_LABEL = 20
_MAX_CHROME = 40
_MAX_CHROME_LINES = 3
_SENTENCE = re.compile(r"[。！？!?]")
_NAME_FIELDS = (labels.TITLE, labels.AUTHOR, labels.SOURCE, labels.EDITOR)
_HEADER_FIELDS = (labels.TITLE, labels.AUTHOR, labels.SOURCE, labels.DATE)
_MAX_CJK_TITLE, _MAX_LATIN_TITLE = 60, 110
_MAX_DATE_LINE_REST = 12
_MAX_FIELD = 60
_TITLE_BAD_ENDINGS = ("。", ".", "，", ",", "、", "；", ";", "：", ":")


def read_header(lines: list[str]) -> tuple[Header, int]:
    """Read the header from logical lines; return it and the index where the body starts.

    Site chrome (a site name, a menu) may stand above the breadcrumb or the labelled
    lines: short lines before the last such line are skipped instead of ending the header.
    """
    header = Header()
    window = lines[:_SCAN_LINES]
    last_strong: int | None = None  # found when first asked: most headers never ask
    for index, line in enumerate(window):
        has_more = index + 1 < len(lines)
        if len(line) <= _MAX_HEADER_LINE and _read_line(header, line, has_more):
            continue
        if _is_chrome(line):
            if last_strong is None:  # only lines after this one can matter from here on
                later = range(index + 1, len(window))
                last_strong = max((i for i in later if _is_strong(i, window[i])), default=-1)
            # Chrome stands above a header that some text follows: short lines over a
            # closing 作者：… line, with nothing after it, are a poem, not a menu.
            if index < last_strong < len(lines) - 1:
                _maybe_later_title(header, line)
                continue
        return header, index
    return header, len(window)


def _is_strong(index: int, line: str) -> bool:
    """A line that marks the page header: a breadcrumb, or a label line near the top.

    Label lines count only near the top, because 来源： also closes short articles and
    poems, whose short lines must not be skipped as chrome.
    """
    if len(line) > _MAX_HEADER_LINE:
        return False
    if split_breadcrumb(line) is not None:
        return True
    if index > _MAX_CHROME_LINES:
        return False
    pre, pairs = labels.split_labels(line)
    return not pre and _plausible(pairs) and pairs[0][0] in _HEADER_FIELDS


def _is_chrome(line: str) -> bool:
    """Short, not a sentence: a site name or menu line above the real header."""
    return len(line) <= _MAX_CHROME and not line.endswith(_TITLE_BAD_ENDINGS + ("！", "？"))


def _maybe_later_title(header: Header, line: str) -> None:
    """Among chrome lines the last title-like one (nearest the labels) is the title;
    a line that opens with a date is a dateline, never the title."""
    if header.title_rank <= RANK_LINE and looks_like_title(line) and not _opens_with_date(line):
        header.put(title=line)
        header.title_rank = RANK_LINE


def is_label_line(line: str) -> bool:
    """A line of labels only (``来源：晨报　时间：2024-03-01``) whose values read like
    metadata: a header line, never a headline or body text."""
    pre, pairs = labels.split_labels(line)
    return not pre and _plausible(pairs)


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
    crumbs = split_breadcrumb(line)
    if crumbs is not None:
        if header.get("sections"):
            return True  # another trail under the page's own (a related topic's): chrome
        header.put(sections=crumbs.sections)
        if crumbs.title:
            set_title(header, crumbs.title, RANK_META)
        header.fill(source=crumbs.source)
        read_meta(header, crumbs.remainder, RANK_META)
        # A title right under the breadcrumb beats a site name above it.
        header.title_expected = header.title_rank <= RANK_LINE
        return True
    if is_noise_line(line):
        return True
    pre, pairs = labels.split_labels(line)
    # Short text before the labels is an unknown label (发布者：admin), not body text.
    short_pre = len(pre) <= _MAX_UNKNOWN_LABEL
    fits = short_pre or (len(pre) <= _MAX_TITLE_PRE and not header.get("title"))
    # 今年粮食再获丰收，时间：… is a sentence that happens to hold a label word.
    fits = fits and not (pre and _raw_pre(line).endswith(_CLAUSE_ENDINGS))
    if fits and _plausible(pairs):
        read_meta(header, line)
        # Metadata came first: the title, if any, stood above the breadcrumb.
        header.title_expected = False
        return True
    return _read_plain_line(header, line, has_more)


def _raw_pre(line: str) -> str:
    """The text before the first label, untrimmed (split_labels trims its punctuation)."""
    found = labels.find_labels(line)
    return line[: found[0][1]].rstrip() if found else line


def _read_plain_line(header: Header, line: str, has_more: bool) -> bool:
    """A line without labels: byline, bare date, or the title."""
    names = english_byline(line) or (byline_names(line) if is_byline_line(line) else None)
    if names:
        header.fill(author=names)
        return True
    if is_rule_line(line):  # decoration under a title
        return True
    found = find_date(line) if len(line) <= _MAX_FIELD + 20 else None
    if found and _is_date_line(line, found):
        header.fill(date=found[0])
        return True
    wanted = not header.get("title") or header.title_expected
    if wanted and has_more and looks_like_title(line):
        set_title(header, line, RANK_META if header.title_expected else RANK_LINE)
        header.title_expected = False
        return True
    return False


def _opens_with_date(line: str) -> bool:
    found = find_date(line[:40])
    return found is not None and found[1] == 0


def _is_date_line(line: str, found: tuple[str, int, int]) -> bool:
    """A line that is a date, perhaps with a weekday or ``Posted on … by …`` around it."""
    rest = line[: found[1]] + " " + line[found[2] :]
    if len(rest.strip()) <= _MAX_DATE_LINE_REST:
        return True
    return _DATELINE_WORDS.fullmatch(rest.strip()) is not None


def looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence or a clause."""
    limit = _MAX_LATIN_TITLE if line.isascii() else _MAX_CJK_TITLE
    if _NUMBERED.match(line):
        return False
    return 0 < len(line) <= limit and not line.endswith(_TITLE_BAD_ENDINGS)
