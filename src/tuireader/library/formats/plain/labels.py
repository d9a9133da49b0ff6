"""Labelled header fields in plain-text pages: ``标题：``, ``【 来  源 】``, ``Author:``.

A line may hold several labels (``来源：新华网 作者：李明 时间：2022-11-01``); each value
runs to the next label. A label counts only at the start of the line or after a space or
a separator, so ``会议时间：`` inside a sentence is not a label.
"""

from __future__ import annotations

import re

TITLE = "title"
ORIGINAL_TITLE = "original_title"
AUTHOR = "author"
SOURCE = "source"
DATE = "date"
EDITOR = "editor"
STAFF = "staff"
URL = "url"
TAGS = "tags"
KEYWORDS = "keywords"
ABSTRACT = "abstract"
PAGE = "page"
BODY = "body"
COUNTER = "counter"
#: A bracketed label we do not know (``【分类号】``): kept as metadata under its own name.
OTHER = "other"

_CHINESE_LABELS = {
    TITLE: ("标题", "题目", "文章标题", "新闻标题", "题名", "篇名"),
    ORIGINAL_TITLE: ("原标题", "原题"),
    AUTHOR: ("作者", "著者", "记者", "撰稿", "撰稿人", "撰文", "文", "通讯员", "本报记者"),
    SOURCE: (
        "来源",
        "稿源",
        "出处",
        "信息来源",
        "文章来源",
        "新闻来源",
        "来源于",
        "原文出处",
        "刊名",
        "报纸名",
        "报刊名",
    ),
    DATE: (
        "发布时间",
        "时间",
        "日期",
        "发布日期",
        "发表时间",
        "发表日期",
        "更新时间",
        "发稿时间",
        "录入时间",
        "添加时间",
        "发文日期",
        "成文日期",
        "原刊期号",
    ),
    EDITOR: ("编辑", "责任编辑", "责编", "值班编辑", "主编", "编审"),
    STAFF: ("审核", "审校", "校对", "校对者", "核稿", "一审", "二审", "三审", "摄影", "监制"),
    URL: ("链接", "原文链接", "网址", "原文地址", "本文链接", "連結", "原文連結"),
    TAGS: ("标签",),
    KEYWORDS: ("关键词", "关键字", "主题词", "关 键 词"),
    ABSTRACT: ("摘要", "内容摘要", "导语", "内容提要", "提要"),
    PAGE: ("版号", "版次", "原刊页号", "版面", "页码"),
    BODY: ("正文",),
    COUNTER: ("浏览次数", "浏览量", "阅读量", "阅读数", "阅读次数", "点击数", "点击量", "访问量"),
}
_ENGLISH_LABELS = {
    TITLE: ("title", "headline"),
    AUTHOR: ("author", "authors", "byline", "written by", "reporter"),
    SOURCE: ("source",),
    DATE: ("date", "published", "posted", "updated", "published on", "date published"),
    EDITOR: ("editor", "edited by"),
    URL: ("url", "link", "original url", "source url"),
    TAGS: ("tags",),
    KEYWORDS: ("keywords", "key words"),
    ABSTRACT: ("summary", "abstract"),
}

_SPACE = r"[ \t\u3000]*"
_OPEN, _CLOSE = r"[【\[〔〖［]", r"[】\]〕〗］]"
# A label may start the line or follow a space or a separator, never a word character.
_BOUNDARY = r"(?:^|(?<=[\s|｜丨/／【\[(（,，;；]))"


# Traditional forms of the characters used in labels, so Big5 pages match too.
_TRADITIONAL = str.maketrans(
    "标题来处发时间编辑责审对记讯员链网关键词签浏览阅读点击数访问录导语闻摄监制报于内页码纸号刊",
    "標題來處發時間編輯責審對記訊員鏈網關鍵詞籤瀏覽閱讀點擊數訪問錄導語聞攝監製報於內頁碼紙號刊",
)


def _with_traditional(words: tuple[str, ...]) -> list[str]:
    """The words plus their traditional forms (發布 also written 發佈), longest first."""
    variants = set(words)
    for word in words:
        traditional = word.translate(_TRADITIONAL)
        variants.update((traditional, traditional.replace("發布", "發佈")))
    return sorted(variants, key=len, reverse=True)


def _build_patterns() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every label: any short run of Chinese characters (spaces allowed
    between them) before a colon or inside brackets, looked up afterwards in
    :data:`_FIELD_OF_WORD`, or one of the English label words (a group per field).

    Matching the shape and looking the word up keeps the scan as fast with a hundred
    label words as with ten (an alternation of every word was a third of a parse).
    """
    english, names = [], {}
    for index, (field, words) in enumerate(_ENGLISH_LABELS.items()):
        ordered = sorted(words, key=len, reverse=True)
        english.append(f"(?P<e{index}>{'|'.join(re.escape(w) for w in ordered)})")
        names[f"e{index}"] = field
    en = "|".join(english)
    word = r"(?P<word>[\u4e00-\u9fff](?:[ \t\u3000]{0,3}[\u4e00-\u9fff]){0,7})"
    # A bracketed label needs its closing bracket; a bare one needs a colon.
    pattern = (
        f"{_BOUNDARY}(?:(?P<open>{_OPEN}{_SPACE})?{word}"
        f"(?(open){_SPACE}{_CLOSE}{_SPACE}[:：]?|{_SPACE}[:：])|(?i:{en})[ \t]*[:：](?!//))"
    )
    return re.compile(pattern), names


def _field_of_match(match: re.Match[str]) -> str | None:
    """The field a label match stands for, or None for a word that is no label."""
    word = match["word"]
    if word is not None:
        return _FIELD_OF_WORD.get(
            word if len(word) <= 4 and " " not in word else "".join(word.split())
        )
    return next(_GROUP_FIELDS[key] for key in _GROUP_FIELDS if match[key] is not None)


_FIELD_OF_WORD = {
    variant.replace(" ", ""): field
    for field, words in _CHINESE_LABELS.items()
    for variant in _with_traditional(words)
}
_LABEL, _GROUP_FIELDS = _build_patterns()
_LABEL_END = re.compile(r"[:：】\]〕〗］]")
_LABEL_HEAD = 40
_VALUE_TRIM = " \t\u3000|｜丨,，;；"
_BRACKET_PAIRS = ("【】", "[]", "〔〕", "〖〗", "［］", "()", "（）")
_OPENINGS = "".join(pair[0] for pair in _BRACKET_PAIRS)
_CLOSINGS = "".join(pair[1] for pair in _BRACKET_PAIRS)


def find_labels(line: str) -> list[tuple[str, int, int]]:
    """Every label in ``line`` as (field, start, end)."""
    if _LABEL_END.search(line) is None:
        return []
    found = []
    position = 0
    while (match := _LABEL.search(line, position)) is not None:
        field = _field_of_match(match)
        if field is None:  # 标题 来源: ran two words together: look again one further
            position = match.start() + 1
            continue
        found.append((field, match.start(), match.end()))
        position = match.end()
    return found


def split_labels(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a header line into the text before the first label and (field, value) pairs."""
    labels = find_labels(line)
    if not labels:
        return line, []
    pairs = []
    for index, (field, _start, end) in enumerate(labels):
        stop = labels[index + 1][1] if index + 1 < len(labels) else len(line)
        pairs.append((field, clean_value(line[end:stop])))
    return clean_value(line[: labels[0][1]]), pairs


def clean_value(value: str) -> str:
    """Collapse spaces; trim separators and brackets left over from a bracketed label."""
    value = " ".join(value.split()).strip(_VALUE_TRIM)
    # An opening bracket at the end (or a closing one at the start) is never content.
    value = value.rstrip(_OPENINGS + _VALUE_TRIM).lstrip(_CLOSINGS + _VALUE_TRIM)
    for opening, closing in zip(_OPENINGS, _CLOSINGS, strict=True):
        if value.endswith(closing) and opening not in value:
            value = value[:-1].strip(_VALUE_TRIM)
        if value.startswith(opening) and closing not in value:
            value = value[1:].strip(_VALUE_TRIM)
    return value


def may_hold_label(line: str) -> bool:
    """Cheap test: a line without a colon or a closing bracket holds no label."""
    return _LABEL_END.search(line) is not None


def starts_with_label(line: str) -> bool:
    """True when ``line`` begins with a label (possibly bracketed)."""
    # Every label ends in a colon or a closing bracket within its first few characters.
    head = line[:_LABEL_HEAD]
    if _LABEL_END.search(head) is None:
        return False
    match = _LABEL.match(head)
    return match is not None and _field_of_match(match) is not None


# A bracketed label at the start of a line, known or not: 【 分 类 号 】, 〖关键词〗, [出处].
# Digits never stand in a label (【1】 and ［2］ are note marks).
_BRACKET_HEAD = re.compile(
    r"^[ \t\u3000]*[【〖\[［]([^【】〖〗\[\]［］0-9０-９]{1,16}?)[】〗\]］][ \t\u3000]*[:：]?"
)
_LABEL_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{0,11}")


def label_line(line: str) -> tuple[str, str, str] | None:
    """A line that starts with a bracketed label: (field, label, value), else None.

    ``label`` is the label's own text without spaces (``原刊期号``); ``field`` is what it
    stands for, :data:`OTHER` for a label we do not know. Known labels written with a
    colon (``作者：…``) are read by :func:`split_labels` instead.
    """
    if line[:1] not in "【〖[［ \t\u3000":
        return None
    head = _BRACKET_HEAD.match(line)
    if head is None:
        return None
    word = "".join(head[1].split())
    if not _LABEL_WORD.fullmatch(word) or len(word) > 8:
        return None
    field = _FIELD_OF_WORD.get(word) or _english_field(word) or OTHER
    return field, word, clean_value(line[head.end() :])


def _english_field(word: str) -> str | None:
    """The field of an English label word (``Abstract``), or None."""
    folded = word.casefold()
    return next((f for f, words in _ENGLISH_LABELS.items() if folded in words), None)


def field_of(label: str) -> str:
    """The field a label word (spaces removed) stands for; :data:`OTHER` if unknown."""
    return _FIELD_OF_WORD.get(label) or _english_field(label) or OTHER
