"""Journal papers: a masthead, then the paper's title, authors, abstract and keywords.

Papers saved from journal databases open with the journal's masthead: its name, often
its English name, and an issue line (``1999年 第14卷 第2期 Vol.14 No.2``). The journal
is the paper's source and the issue line its issue (and date, to the month when it gives
one) — never the title. Then come the title, a line of author names (with their
affiliation in brackets, or on a line of its own), and the front matter: 摘要, 关键词,
classification codes, and the same in English. The body starts at the first line that is
none of these. Labels here are often set off by spaces instead of a colon (``关键词□…``).
"""

from __future__ import annotations

import re

from tuireader.library.formats.names import looks_like_chinese_name
from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.meta import (
    RANK_LABEL,
    Header,
    add_author_names,
    set_title,
    take_labelled,
)

_ISSUE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年.{0,16}?第\s*\d{1,4}\s*期|[Vv]ol\.?\s*\d{1,4}|\b[Nn]o\.?\s*\d{1,3}\b)"
)
_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_MASTHEAD_LINES = 4
_MAX_ISSUE_LINE = 90
_MAX_NAME = 24
_JOURNAL_TAG = re.compile(r"[ \t\u3000]*科技期刊$")
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
# Front-matter labels set off by a colon or by spaces; spaces may sit between characters.
_FRONT_WORDS = (
    "摘要", "文摘", "提要", "内容提要", "关键词", "关键字", "主题词", "中图法分类号",
    "中图分类号", "分类号", "文献标识码", "文章编号", "基金项目", "收稿日期", "作者单位",
    "作者简介",
)  # fmt: skip
_FRONT = re.compile(
    r"^[【\[［〖]?[ \t\u3000]*("
    + "|".join("[ \t\u3000]?".join(word) for word in sorted(_FRONT_WORDS, key=len, reverse=True))
    + r")[ \t\u3000]*[】\]］〗]?[ \t\u3000]*[:：]?[ \t\u3000]*"
)
_FRONT_FIELD = {"摘要": labels.ABSTRACT, "文摘": labels.ABSTRACT, "提要": labels.ABSTRACT}
_FRONT_FIELD |= {"内容提要": labels.ABSTRACT, "关键词": labels.KEYWORDS}
_FRONT_FIELD |= {"关键字": labels.KEYWORDS, "主题词": labels.KEYWORDS}
_ENGLISH_FRONT = re.compile(
    r"^[\[［【]?[ \t\u3000]*(ABSTRACT|Abstract|Key[ \t\u3000]*[Ww]ords|KEY[ \t\u3000]*WORDS"
    r"|Keywords|KEYWORDS)[ \t\u3000]*[\]］】]?[ \t\u3000]*[:：—-]?[ \t\u3000]*"
)
_BRACKETED_END = re.compile(r"[（(]([^（）()]{2,120})[）)][\s\u3000]*$")
_BRACKETED_START = re.compile(r"^[\s\u3000]*[（(]([^（）()]{2,120})[）)]")
# A footnote's mark ending a title line: stars, or a number with a closing bracket.
_NOTE_MARK = re.compile(r"(?:[*＊]+|(?<![\d(（])\d{1,2}[)）])[ \t\u3000]*$")
_PLACE_OR_CODE = re.compile(r"[\u4e00-\u9fff\d]")
# What is left of an HTML tag before a masthead's first line (``go.gif" border="0">``).
_TAG_DEBRIS = re.compile(r"^[^<>]{0,80}(?:=[\"']|\.(?:gif|jpe?g|png)\b)[^<>]{0,80}>[ \t\u3000]*")
_NAME_PIECES = re.compile(r"[ \t\u3000、，,;；]+")
_NAME_MARKS = re.compile(r"[\d*＊#†]+")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}")
_INSTITUTION = re.compile(
    r".{2,}(?:大学|学院|研究所|研究院|研究中心|中心|公司|厂|局|厅|处|站|系|所|院|部|室)$"
)
_TITLE_LINES = 5
_MAX_TITLE = 40
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?")


def read_journal(lines: list[str]) -> tuple[Header, int] | None:
    """Read a journal paper's masthead and front matter: the header and the body's start.

    None when the top lines hold no issue line under a journal name.
    """
    issue_at = _issue_line(lines)
    if issue_at is None:
        return None
    header = Header()
    name = _journal_name(lines[0])
    header.fill(source=name)
    english = " ".join(lines[1:issue_at])
    if english:
        take_labelled(header, labels.OTHER, "英文刊名", english)
    _take_issue(header, _JOURNAL_TAG.sub("", lines[issue_at]))
    index = issue_at + 1
    while index < len(lines) and _JOURNAL_TAG.fullmatch(lines[index]) is not None:
        index += 1
    index = _take_title_and_authors(header, lines, index)
    return header, _take_front_matter(header, lines, index)


def _affiliation(line: str) -> re.Match[str] | None:
    """An affiliation in brackets at the end of an author line: it names a place in
    Chinese or gives a postcode; a Latin name in brackets (``水网藻(Hydrodictyon
    reticulatum)``) is part of a title."""
    found = _BRACKETED_END.search(line)
    return found if found and _PLACE_OR_CODE.search(found[1]) else None


def _journal_name(line: str) -> str:
    """The journal's name from the masthead's first line (spaces between characters and
    debris of an HTML tag before it left out)."""
    return _SPACED.sub("", _TAG_DEBRIS.sub("", line)).strip()


def _issue_line(lines: list[str]) -> int | None:
    """The index of the masthead's issue line, under a journal name; None if there is none."""
    for index, line in enumerate(lines[1:_MASTHEAD_LINES], 1):
        if len(line) <= _MAX_ISSUE_LINE and _ISSUE.search(line):
            name = _journal_name(lines[0])
            if 0 < len(name) <= _MAX_NAME and not name.endswith(_SENTENCE_END):
                return index
            return None
    return None


def _take_issue(header: Header, line: str) -> None:
    """The issue line: kept as the issue; its month (or year) dates the paper."""
    header.fill(issue=" ".join(line.split()))
    month = _MONTH.search(line)
    if month and 1 <= int(month[2]) <= 12:
        header.fill(date=f"{month[1]}-{int(month[2]):02d}")
        return
    year = _YEAR.search(line)
    if year:
        header.fill(date=year[1])


def _take_title_and_authors(header: Header, lines: list[str], index: int) -> int:
    """Title, English title and author lines after the masthead; the next index.

    Up to :data:`_TITLE_LINES` lines may stand between the masthead and the author line:
    Chinese ones are the title (wrapped over two lines, or with a ——subtitle), English
    ones the English title, and a long sentence a lead (the abstract). Without an author
    line, the first line is the title.
    """
    if index >= len(lines) or _is_front(lines[index]):
        return index
    above: list[str] = []
    end = index
    while (
        end < len(lines)
        and len(above) < _TITLE_LINES
        and not _is_front(lines[end])
        and _author_names(_run_on(lines, end)[0]) is None
    ):
        above.append(lines[end])
        end += 1
    while above and end + 1 < len(lines) and _is_title_tail(lines[end], _run_on(lines, end + 1)[0]):
        above.append(lines[end])
        end += 1
    if end < len(lines) and above and _author_names(_run_on(lines, end)[0]) is not None:
        _take_title_lines(header, above)
        index = end
    else:
        set_title(header, _without_note_mark(lines[index]), RANK_LABEL)
        index += 1
    # A label alone on its line (摘　要, 关键词) reads like a name: the front matter's.
    while index < len(lines) and not _is_front(lines[index]):
        line, used = _run_on(lines, index)
        author_line = _author_line(line)
        affiliation = _affiliation(line)
        if author_line is not None:
            add_author_names(header, author_line[0])
            take_labelled(header, labels.OTHER, "作者单位", author_line[1])
        elif not (affiliation and affiliation.start() == 0):
            break
        if affiliation:
            take_labelled(header, labels.OTHER, "作者单位", affiliation[1].strip())
        index += used
    return index


def _run_on(lines: list[str], index: int) -> tuple[str, int]:
    """The line at ``index`` and how many lines it takes: two when it leaves a bracket
    open that the next line closes (an affiliation wrapped onto the next line)."""
    line = lines[index]
    opened = line.count("(") + line.count("（") - line.count(")") - line.count("）")
    if opened > 0 and index + 1 < len(lines):
        after = lines[index + 1]
        if after.count(")") + after.count("）") - after.count("(") - after.count("（") >= opened:
            return line + after, 2
    return line, 1


def _without_note_mark(line: str) -> str:
    """A title line without the mark of a footnote at its end (``…研究*``, ``…分析1)``):
    the note (a grant, the corresponding author) is no part of the title."""
    return _NOTE_MARK.sub("", line)


def _take_title_lines(header: Header, above: list[str]) -> None:
    """Sort the lines above the authors into title, English title and lead."""
    english = [line for line in above if _is_latin(line)]
    lead = [
        line
        for line in above
        if line not in english and line.endswith(_SENTENCE_END) and len(line) > _MAX_TITLE
    ]
    title = [_without_note_mark(line) for line in above if line not in english and line not in lead]
    if title:
        set_title(header, "".join(title) if len(title) <= 2 else title[-1], RANK_LABEL)
    if english:
        take_labelled(header, labels.OTHER, "英文标题", " ".join(english))
    if lead:
        header.fill(abstract=" ".join(lead))


def _is_title_tail(line: str, next_line: str) -> bool:
    """Whether ``line``, which reads as one name, is the end of a title wrapped onto a
    line of its own (``用…解化工批处理`` over ``调度问题``): it starts with no common
    family name, and the authors' line follows it."""
    name = _author_names(line)
    return (
        name is not None
        and " " not in name
        and not any(mark in name for mark in "·•")
        and not looks_like_chinese_name(name)
        and _author_names(next_line) is not None
    )


def _author_names(line: str) -> str | None:
    """The names on an author line (``康小强　石纯一``, ``周□平□何嘉汉(清华大学…)``)."""
    found = _author_line(line)
    return found[0] if found else None


def _author_line(line: str) -> tuple[str, str] | None:
    """The names on an author line and the institution set before them, if any
    (``河北省农业厅农业处　李伍刚``); None for a line without a name, or with a piece
    that is neither."""
    affiliation = _affiliation(line)
    bare = line[: affiliation.start()] if affiliation else line
    institutions: list[str] = []
    before = _BRACKETED_START.match(bare)
    if before and _PLACE_OR_CODE.search(before[1]):  # the previous author's affiliation
        institutions.append(before[1].strip())
        bare = bare[before.end() :]
    if not bare.strip() or len(bare) > 60 or bare.rstrip().endswith(_SENTENCE_END):
        return None
    pieces = [p for p in _NAME_PIECES.split(_NAME_MARKS.sub(" ", bare)) if p]
    names: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if len(piece) == 1 and index + 1 < len(pieces) and len(pieces[index + 1]) == 1:
            piece += pieces[index + 1]  # a two-character name set with a space
            index += 1
        index += 1
        if _CJK_NAME.fullmatch(piece):
            names.append(piece)
        elif not names and _INSTITUTION.fullmatch(piece):
            institutions.append(piece)
        else:
            return None
    return (" ".join(names), " ".join(institutions)) if names else None


def _is_front(line: str) -> bool:
    """A front-matter line: a label (abstract, keywords, codes) in Chinese or English."""
    return bool(_FRONT.match(line) or _ENGLISH_FRONT.match(line))


def _take_front_matter(header: Header, lines: list[str], index: int) -> int:
    """Abstract, keywords, codes and the English title block; the body's first index.

    A label alone on its line (``摘　要``) takes the next line as its value. English
    lines between the labels (title, authors, affiliation) are kept as metadata.
    """
    english: list[str] = []
    while index < len(lines):
        line = lines[index]
        front = _FRONT.match(line)
        if front:
            word = "".join(front[1].split())
            value = line[front.end() :].strip()
            if not value and index + 1 < len(lines):
                index += 1
                value = lines[index]
            _take_front(header, word, value)
        elif (english_front := _ENGLISH_FRONT.match(line)) is not None:
            word = "Abstract" if english_front[1].lower() == "abstract" else "Key words"
            take_labelled(header, labels.OTHER, word, line[english_front.end() :].strip())
        elif labels.label_line(line) is not None:
            field, label, value = labels.label_line(line)  # type: ignore[misc]
            take_labelled(header, field, label, value)
        elif _is_latin(line) and (english or _has_front(header)):
            english.append(line)
        else:
            break
        index += 1
    if english:
        take_labelled(header, labels.OTHER, "英文标题及作者", " ".join(english))
    return index


def _take_front(header: Header, word: str, value: str) -> None:
    """One front-matter label: abstract and keywords fill fields, codes are kept."""
    field = _FRONT_FIELD.get(word, labels.OTHER)
    take_labelled(header, field, word, value)


def _has_front(header: Header) -> bool:
    """Whether front matter (abstract, keywords, codes) was read already."""
    meta = header.meta
    return bool(meta.abstract or meta.keywords or len(meta.labels) > 1)


def _is_latin(line: str) -> bool:
    """Mostly Latin letters: a line of the English title block."""
    letters = sum(1 for ch in line if ch.isascii() and ch.isalpha())
    wide = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    return letters >= 4 and wide <= letters // 10
