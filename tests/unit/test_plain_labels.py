"""Labelled header fields, several to a line, bracketed or bare, simplified or traditional."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.labels import split_labels, starts_with_label


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
