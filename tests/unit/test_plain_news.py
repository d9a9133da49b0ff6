"""News items in plain text: the headline lines above a dateline, and what they hold."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.news import read_news
from tuireader.library.model import ArticleMeta

DATELINE = "新华社北京５月３日电（记者王明）今天，河畔小镇的新书店开张了。"
FROM_DATELINE = {"source": "新华社", "author": "王明"}


def news(lines: list[str]) -> tuple[int, ArticleMeta, str] | None:
    """(the dateline's index, the header's metadata, the dateline as left in the lines)."""
    lines = list(lines)
    found = read_news(lines)
    if found is None:
        return None
    header, at = found
    return at, header.meta, lines[at]


@pytest.mark.parametrize(
    ("lines", "at", "meta"),
    [
        (["小镇书店开张了", DATELINE], 1, ArticleMeta(title="小镇书店开张了", **FROM_DATELINE)),
        # A main head and a subhead keep a space; a headline wrapped at 18 or more joins up.
        (
            ["小镇书店", "开张了", DATELINE],
            2,
            ArticleMeta(title="小镇书店 开张了", **FROM_DATELINE),
        ),
        (
            ["河畔小镇的一家新书店今天上午正式开张", "迎来首批读者", DATELINE],
            2,
            ArticleMeta(title="河畔小镇的一家新书店今天上午正式开张迎来首批读者", **FROM_DATELINE),
        ),
        (
            ["河畔小镇的一家新书店今天上午正式开", "迎来首批读者", DATELINE],
            2,
            ArticleMeta(title="河畔小镇的一家新书店今天上午正式开 迎来首批读者", **FROM_DATELINE),
        ),
        (
            ["河畔小镇的新书店", "今天上午开张了", "副题", DATELINE],
            3,
            ArticleMeta(title="河畔小镇的新书店 今天上午开张了 副题", **FROM_DATELINE),
        ),
        # A code line is kept as the item's number; a label line is metadata.
        (
            ["XHN-0012", "小镇书店开张了", DATELINE],
            2,
            ArticleMeta(title="小镇书店开张了", labels=(("稿号", "XHN-0012"),), **FROM_DATELINE),
        ),
        (
            ["小镇书店开张了", "来源：河畔网 时间：2005-05-03", DATELINE],
            2,
            ArticleMeta(title="小镇书店开张了", date="2005-05-03", source="河畔网", author="王明"),
        ),
        (["河" * 60, DATELINE], 1, ArticleMeta(title="河" * 60, **FROM_DATELINE)),
        # The reporters may stand on the line after a bare dateline.
        (
            ["小镇书店开张了", "本报讯 今天", "（记者 王明 通讯员 李四）"],
            1,
            ArticleMeta(title="小镇书店开张了", author="王明 李四"),
        ),
    ],
)
def test_headline_lines_above_a_dateline(lines: list[str], at: int, meta: ArticleMeta) -> None:
    assert news(lines) == (at, meta, lines[at])


def test_a_form_field_before_the_dateline_goes() -> None:
    found = news(["小镇书店开张了", "（4）内容：中新社上海5月3日电 今天"])
    assert found == (
        1,
        ArticleMeta(title="小镇书店开张了", source="中新社"),
        "中新社上海5月3日电 今天",
    )


@pytest.mark.parametrize(
    "lines",
    [
        ["河畔小镇的新书店", "今天上午开张了", "副题", "又一行", DATELINE],  # too far down
        ["小镇书店开张了。", DATELINE],  # a sentence, not a headline
        ["河" * 61, DATELINE],  # too long for a headline
        [DATELINE],  # nothing above it
        ["小镇书店开张了", "今天天气很好"],  # no dateline
    ],
)
def test_no_news_item(lines: list[str]) -> None:
    assert news(lines) is None
