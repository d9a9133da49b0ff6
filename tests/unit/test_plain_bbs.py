"""Posts saved from a bulletin board: the 发信人 / 标  题 / 发信站 header, forwarded posts,
the signature under ``--``. Every post here is written for the test."""

from __future__ import annotations

from tuireader.library.formats.plain.page import parse_plaintext
from tuireader.library.model import PARAGRAPH, RULE
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
