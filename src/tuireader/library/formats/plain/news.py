"""News-agency items: a short headline, then a dateline that opens the first paragraph.

``新华社北京５月３日电（记者王明）今天…``, ``本报讯（记者…）``, ``据…报道``: the line above
the dateline is the headline (possibly centred, possibly in two lines; a line of labels
between them, ``来源：… 时间：…``, is metadata, not a second headline), the dateline stays
where it is as the start of the first paragraph (it is text the reader had), the reporters
it names are the authors and the agency that filed it is the source.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.byline import (
    byline_names,
    is_byline_line,
    opening_byline_names,
)
from tuireader.library.formats.plain.header import is_label_line
from tuireader.library.formats.plain.meta import (
    RANK_LABEL,
    Header,
    add_author_names,
    read_meta,
    set_title,
    take_labelled,
)

_DAY = r"(?:[０-９0-9]{1,2}|[一二三四五六七八九十]{1,3})"
_DATELINE = re.compile(
    r"^(?:[(（]\d[)）]内容[:：][ \t\u3000]*)?(?:据|电[:：])?"
    r"(?P<agency>新华社|中新社|中国新闻社|本报|本刊|本台|[^\s，。]{2,8}(?:社|报|台|网))?"
    r"[^\s，。！？]{0,12}?" + _DAY + "月" + _DAY + r"日[电讯]"
    r"|^本报讯|^本台消息"
)
_DATELINE_HEAD = 40
_AGENCIES = ("新华社", "中新社", "中国新闻社")
_HEADLINE_LINES = 3
_MAX_HEADLINE = 60
_WRAPPED_HEADLINE = 18
_CODE_LINE = re.compile(r"^[\sＡ-Ｚａ-ｚ０-９A-Za-z0-9\-－]+$")
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?")


def is_dateline(paragraph: str) -> bool:
    """Whether a paragraph opens with a news dateline (``新华社北京５月３日电``)."""
    head = paragraph[:_DATELINE_HEAD]
    if head.startswith(("本报讯", "本台消息")):
        return True
    if "日电" not in head and "日讯" not in head:
        return False  # every other dateline names its day: skip the pattern
    return _DATELINE.match(head) is not None


def read_news(lines: list[str]) -> tuple[Header, int] | None:
    """Headline and dateline of a news item: the header, and the dateline's index.

    None unless one of the first lines is a dateline under a headline. A form field
    before the dateline is cut from ``lines`` itself.
    """
    at = next(
        (i for i in range(1, _HEADLINE_LINES + 1) if i < len(lines) and is_dateline(lines[i])), None
    )
    if at is None:
        return None
    above = lines[:at]
    codes = [line for line in above if _CODE_LINE.match(line)]
    labelled = [line for line in above[1:] if line not in codes and is_label_line(line)]
    headline = [line for line in above if line not in codes and line not in labelled]
    if not headline or any(
        len(line) > _MAX_HEADLINE or line.endswith(_SENTENCE_END) for line in headline
    ):
        return None
    header = Header()
    for code in codes:
        take_labelled(header, labels.OTHER, "稿号", code)
    for line in labelled:
        read_meta(header, line)
    set_title(header, _join_headline(headline), RANK_LABEL)
    dateline = lines[at]
    agency = _DATELINE.match(dateline)
    if agency and agency["agency"] in _AGENCIES:
        header.fill(source=agency["agency"])
    # A form field before the dateline ("(4)内容:") is a label, not text: it goes.
    lines[at] = dateline = _without_form_field(dateline)
    add_author_names(header, opening_byline_names(dateline))
    if at + 1 < len(lines) and is_byline_line(lines[at + 1]):
        add_author_names(header, byline_names(lines[at + 1]))
    return header, at


def _join_headline(lines: list[str]) -> str:
    """A headline over several lines: a wrapped one joins up, a main and a sub head keep
    a space between them."""
    title = lines[0]
    for line in lines[1:]:
        title += ("" if len(title) >= _WRAPPED_HEADLINE else " ") + line
    return title


def _without_form_field(dateline: str) -> str:
    """The dateline without a leading form field (``(4)内容:``) some archives keep."""
    return re.sub(r"^[(（]\d[)）]内容[:：][ \t\u3000]*", "", dateline)
