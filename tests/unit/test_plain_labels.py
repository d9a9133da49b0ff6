"""Labelled header fields, several to a line, bracketed or bare, simplified or traditional."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.labels import (
    OTHER,
    clean_value,
    field_of,
    label_line,
    may_hold_label,
    split_labels,
    starts_with_label,
)


def test_several_labels_on_one_line() -> None:
    assert split_labels("来源：新华网 作者：李明 时间：2022-11-01") == (
        "",
        [("source", "新华网"), ("author", "李明"), ("date", "2022-11-01")],
    )


@pytest.mark.parametrize(
    "line",
    [
        "标题：秋收",
        "标 题：秋收",
        "【标题】秋收",
        "【 标  题 】 秋收",
        "[标题] 秋收",
        "標題：秋收",
        "Title: 秋收",
    ],
)
def test_title_label_forms(line: str) -> None:
    assert split_labels(line) == ("", [("title", "秋收")])


def test_text_before_the_first_label_is_returned() -> None:
    assert split_labels("秋收时节话丰年 来源：县融媒体中心") == (
        "秋收时节话丰年",
        [("source", "县融媒体中心")],
    )


def test_bracketed_values_lose_only_stray_brackets() -> None:
    assert split_labels("【来源：新华社】 【作者：李明】")[1] == [
        ("source", "新华社"),
        ("author", "李明"),
    ]


@pytest.mark.parametrize("line", ["会议时间：明天上午", "见 http://example.com", "今天天气很好"])
def test_words_inside_text_are_not_labels(line: str) -> None:
    assert split_labels(line) == (line, [])
    assert not starts_with_label(line)


def test_editor_and_traditional_date_labels() -> None:
    assert split_labels("責任編輯：王五")[1] == [("editor", "王五")]
    assert split_labels("發佈時間：2022-03-14 16:45")[1] == [("date", "2022-03-14 16:45")]


@pytest.mark.parametrize(
    ("line", "split", "starts"),
    [
        ("發佈時間：2005-01-01", ("", [("date", "2005-01-01")]), True),
        ("發布時間：2005-01-01", ("", [("date", "2005-01-01")]), True),
        ("责任编辑：林小文", ("", [("editor", "林小文")]), True),
        ("本报记者：王五", ("", [("author", "王五")]), True),
        ("关 键 词：书店；小镇", ("", [("keywords", "书店；小镇")]), True),
        ("作者 ：王五", ("", [("author", "王五")]), True),
        ("作者\t：王五", ("", [("author", "王五")]), True),
        ("Published on: 2005-01-01", ("", [("date", "2005-01-01")]), True),
        ("Written by: Jane Doe", ("", [("author", "Jane Doe")]), True),
        ("TITLE: 秋收", ("", [("title", "秋收")]), True),
        ("URL: https://example.org/a", ("", [("url", "https://example.org/a")]), True),
        ("Source url: https://example.org", ("", [("url", "https://example.org")]), True),
        ("http://example.com", ("http://example.com", []), False),  # a scheme is no label
        # Two words run together: the label is found one character further on.
        ("标题 来源：河畔网", ("标题", [("source", "河畔网")]), False),
        ("作者|来源：河畔网", ("作者", [("source", "河畔网")]), False),
        ("（来源：河畔网）", ("", [("source", "河畔网")]), False),
        ("标题来源：河畔网", ("标题来源：河畔网", []), False),  # not a word we know
        ("一二三四五六七八九：河畔", ("一二三四五六七八九：河畔", []), False),
        ("作者：王五，来源：河畔网", ("", [("author", "王五"), ("source", "河畔网")]), True),
        ("作者：王五；来源：河畔网", ("", [("author", "王五"), ("source", "河畔网")]), True),
        ("【 来 源 】河畔网", ("", [("source", "河畔网")]), True),
        ("【来源】：河畔网", ("", [("source", "河畔网")]), True),
        ("〔作者〕王五", ("", [("author", "王五")]), True),
        ("〖关键词〗书店", ("", [("keywords", "书店")]), True),
        ("［摘要］小镇开了书店", ("", [("abstract", "小镇开了书店")]), True),
    ],
)
def test_label_shapes(line: str, split: tuple[str, list[tuple[str, str]]], starts: bool) -> None:
    assert split_labels(line) == split
    assert starts_with_label(line) is starts


def test_a_label_far_into_a_line_does_not_start_it() -> None:
    line = "河" * 40 + "来源：河畔网"
    assert not starts_with_label(line)
    assert starts_with_label("来源：" + "河" * 40)


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("  小镇  书店  ", "小镇 书店"),
        ("【河畔网", "河畔网"),
        ("河畔网】", "河畔网"),
        ("(河畔网", "河畔网"),
        ("河畔网)", "河畔网"),
        ("| 河畔网 ,", "河畔网"),
        ("；河畔网；", "河畔网"),
        ("（河畔网）", "（河畔网）"),  # a whole bracketed value stays
        ("[河畔网]", "[河畔网]"),
        ("王五（记者）", "王五（记者）"),
        ("（记者）王五", "（记者）王五"),
        ("【河畔网】小镇", "【河畔网】小镇"),
    ],
)
def test_clean_value_drops_only_stray_brackets_and_separators(value: str, cleaned: str) -> None:
    assert clean_value(value) == cleaned


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("【分类号】G25", (OTHER, "分类号", "G25")),
        ("【 分 类 号 】G25", (OTHER, "分类号", "G25")),
        ("〖关键词〗：书店", ("keywords", "关键词", "书店")),
        ("[出处] 河畔日报", ("source", "出处", "河畔日报")),
        ("［Abstract］ 小镇开了书店", ("abstract", "Abstract", "小镇开了书店")),
        ("【Key Words】书店", ("keywords", "KeyWords", "书店")),
        ("  【来源】河畔网", ("source", "来源", "河畔网")),
        ("【一二三四五六七八】小镇", (OTHER, "一二三四五六七八", "小镇")),
        ("【一二三四五六七八九】小镇", None),  # too long for a label
        ("【1】注释", None),  # a note mark
        ("【abc123】x", None),
        ("【a b c d e f g h i】x", None),
        ("x【来源】河畔网", None),
        ("【来源", None),
        ("来源：河畔网", None),
    ],
)
def test_label_line_reads_a_bracketed_label(line: str, found: tuple[str, str, str] | None) -> None:
    assert label_line(line) == found


@pytest.mark.parametrize(
    ("word", "field"),
    [
        ("来源", "source"),
        ("來源", "source"),
        ("關鍵詞", "keywords"),
        ("原题", "original_title"),
        ("Author", "author"),
        ("keywords", "keywords"),
        ("分类号", OTHER),
    ],
)
def test_field_of_a_label_word(word: str, field: str) -> None:
    assert field_of(word) == field


@pytest.mark.parametrize(
    ("line", "may"), [("a:b", True), ("【x】", True), ("a］", True), ("ab", False)]
)
def test_may_hold_label(line: str, may: bool) -> None:
    assert may_hold_label(line) is may
