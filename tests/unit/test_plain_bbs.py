"""Posts saved from a bulletin board: the 发信人 / 标  题 / 发信站 header, forwarded posts,
the signature under ``--``. Every post here is written for the test."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.bbs import read_bbs
from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.model import PARAGRAPH, RULE, ArticleMeta
from tuireader.text.dates import parse_ctime

POST = """发信人: riverside (河边人), 信区: Hometown
标  题: 老码头重新开放了
发信站: 河谷小站 (Sat May  2 09:15:40 1998) , 转信

今天路过老码头，发现已经修好重新开放了，沿江的铺子也都开了门。

卖茶叶的老人还认得我，非要请我喝一杯新茶。

--
※ 来源:·河谷小站·[FROM: 10.0.0.1]
"""

FORWARDED = """河谷小站精华区

--------------------------------------------------------------------------------
发信人: keeper (守门人), 信区: Hometown
标  题: 老码头重新开放了(转贴)
发信站: 河谷小站 (Sun May  3 20:00:00 1998) , 转信

发信人: riverside (河边人), 信区: Travel
标  题: 老码头重新开放了
发信站: 山城小站 (Sat May  2 09:15:40 1998)

今天路过老码头，发现已经修好重新开放了。
"""


def test_a_post_header_gives_title_source_and_date() -> None:
    meta = parse_plaintext(POST, "stem").meta
    assert meta.title == "老码头重新开放了"
    assert meta.source == "河谷小站"
    assert meta.date == "1998-05-02T09:15:40"


def test_every_header_line_is_kept_as_metadata_and_none_is_left_in_the_body() -> None:
    page = parse_plaintext(POST, "stem")
    kept = dict(page.meta.labels)
    assert kept["发信人"] == "riverside (河边人)"
    assert kept["信区"] == "Hometown"
    assert kept["发信站"] == "河谷小站 (Sat May  2 09:15:40 1998) , 转信"
    assert "标题" not in kept  # it is the title: not repeated among the labels
    assert page.blocks[0].text.startswith("今天路过老码头")
    assert not any(block.text.startswith(("发信人", "标  题", "发信站")) for block in page.blocks)


def test_the_signature_stays_under_a_rule() -> None:
    kinds = [block.kind for block in parse_plaintext(POST, "stem").blocks]
    assert kinds == [PARAGRAPH, PARAGRAPH, RULE, PARAGRAPH]


def test_a_forwarded_post_takes_the_original_header_and_keeps_both() -> None:
    meta = parse_plaintext(FORWARDED, "stem").meta
    assert meta.title == "老码头重新开放了"
    assert meta.source == "山城小站"
    assert meta.date == "1998-05-02T09:15:40"
    labels = meta.labels
    assert [value for label, value in labels if label == "发信人"] == [
        "keeper (守门人)",
        "riverside (河边人)",
    ]
    assert ("标题", "老码头重新开放了(转贴)") in labels
    assert ("版头", "河谷小站精华区") in labels


def test_a_sender_line_in_the_middle_of_a_text_is_no_header() -> None:
    text = "老码头的故事\n\n那天的发信人: 一个老船工\n他说码头修好了。\n"
    meta = parse_plaintext(text, "stem").meta
    assert meta.title == "老码头的故事"
    assert not meta.labels


def test_c_library_time_stamps() -> None:
    assert parse_ctime("站 (Thu Apr 30 12:33:54 1998) , 转信") == "1998-04-30T12:33:54"
    assert parse_ctime("Sun Nov  2 21:00:00 1997") == "1997-11-02T21:00"
    assert parse_ctime("Mon Feb 30 10:00:00 1998") is None
    assert parse_ctime("no time stamp here 1998") is None


SENDER = "发信人: reader (读者), 信区: Books"
TITLE = "标  题: 小镇书店开张了"
STATION = "发信站: 河畔站 (Thu Apr 30 12:33:54 1998) , 转信"
READ = {
    "title": "小镇书店开张了",
    "date": "1998-04-30T12:33:54",
    "source": "河畔站",
}
FIELDS = (("发信人", "reader (读者)"), ("信区", "Books"), ("发信站", STATION[5:]))


def bbs(lines: list[str]) -> tuple[int, ArticleMeta] | None:
    found = read_bbs(list(lines))
    return None if found is None else (found[1], found[0].meta)


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ([SENDER, TITLE, STATION, "正文"], (3, ArticleMeta(**READ, labels=FIELDS))),
        # Up to three banner lines above (a rule among them is not kept), each of 40
        # characters at most.
        (
            ["河畔站精华区", "----", SENDER, TITLE, STATION, "正文"],
            (5, ArticleMeta(**READ, labels=(("版头", "河畔站精华区"), *FIELDS))),
        ),
        (
            ["一", "二", "三", SENDER, TITLE, STATION],
            (
                6,
                ArticleMeta(
                    **READ, labels=(("版头", "一"), ("版头", "二"), ("版头", "三"), *FIELDS)
                ),
            ),
        ),
        (["一", "二", "三", "四", SENDER, TITLE, STATION], None),
        (
            ["河" * 40, SENDER, TITLE, STATION],
            (4, ArticleMeta(**READ, labels=(("版头", "河" * 40), *FIELDS))),
        ),
        (["河" * 41, SENDER, TITLE, STATION], None),
        ([SENDER, "标  题:", STATION], None),  # no title
        # Full-width colons and commas; a date in ISO form; a station without a site.
        (
            ["发信人：reader，信区：Books", "标题：小镇", "发信站：河畔站 (1998-04-30)"],
            (
                3,
                ArticleMeta(
                    title="小镇",
                    date="1998-04-30",
                    source="河畔站",
                    labels=(
                        ("发信人", "reader"),
                        ("信区", "Books"),
                        ("发信站", "河畔站 (1998-04-30)"),
                    ),
                ),
            ),
        ),
        (
            ["发信人: reader", TITLE, "发信站: (Thu Apr 30 12:33:54 1998)"],
            (
                3,
                ArticleMeta(
                    title="小镇书店开张了",
                    date="1998-04-30T12:33:54",
                    labels=(("发信人", "reader"), ("发信站", "(Thu Apr 30 12:33:54 1998)")),
                ),
            ),
        ),
        # No station line: the title and the sender only, no source or date.
        (
            [SENDER, TITLE, "正文"],
            (2, ArticleMeta(title="小镇书店开张了", labels=FIELDS[:2])),
        ),
        (
            ["正文", SENDER, TITLE],
            (3, ArticleMeta(title="小镇书店开张了", labels=(("版头", "正文"), *FIELDS[:2]))),
        ),
    ],
)
def test_bbs_header_shapes(lines: list[str], read: tuple[int, ArticleMeta] | None) -> None:
    assert bbs(lines) == read
