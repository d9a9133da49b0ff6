"""Labelled values of plain-text headers stored on the metadata: each field's own rules."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.meta import (
    Header,
    person_names,
    read_meta,
    split_keywords,
    take_labelled,
)
from tuireader.library.model import ArticleMeta


def taken(*values: tuple[str, str, str]) -> ArticleMeta:
    header = Header()
    for name, label, value in values:
        take_labelled(header, name, label, value)
    return header.meta


@pytest.mark.parametrize(
    ("values", "meta"),
    [
        ([(labels.TITLE, "标题", "小镇书店")], ArticleMeta(title="小镇书店")),
        ([(labels.TITLE, "标题", "")], ArticleMeta()),  # an empty value is no value
        ([(labels.DATE, "发布时间", "2005-01-02 10:20")], ArticleMeta(date="2005-01-02T10:20")),
        # A date label whose value is no date is kept under its own label.
        ([(labels.DATE, "发布时间", "不详")], ArticleMeta(labels=(("发布时间", "不详"),))),
        ([(labels.DATE, "", "不详")], ArticleMeta()),
        # A date inside a source or an author value dates the text and leaves the value.
        (
            [(labels.SOURCE, "来源", "河畔日报 2005-01-02")],
            ArticleMeta(source="河畔日报", date="2005-01-02"),
        ),
        (
            [(labels.SOURCE, "来源", "2005-01-02 河畔日报")],
            ArticleMeta(source="河畔日报", date="2005-01-02"),
        ),
        ([(labels.SOURCE, "来源", "河" * 60)], ArticleMeta(source="河" * 60)),
        ([(labels.SOURCE, "来源", "河" * 61)], ArticleMeta()),  # a sentence, not a source
        (
            [(labels.AUTHOR, "作者", "王五、赵六 2005-01-02")],
            ArticleMeta(author="王五 赵六", date="2005-01-02"),
        ),
        ([(labels.AUTHOR, "作者", "本报记者 王五")], ArticleMeta(author="王五")),
        ([(labels.AUTHOR, "作者", "Jane Doe")], ArticleMeta(author="Jane Doe")),
        (
            [(labels.AUTHOR, "作者", "王五"), (labels.AUTHOR, "作者", "赵六 王五")],
            ArticleMeta(author="王五 赵六"),
        ),
        ([(labels.EDITOR, "编辑", "林小文、王五")], ArticleMeta(editor="林小文 王五")),
        ([(labels.EDITOR, "编辑", "河畔编辑部")], ArticleMeta(editor="河畔编辑部")),
        (
            [(labels.URL, "链接", "https://example.org/a 访问")],
            ArticleMeta(url="https://example.org/a"),
        ),
        # Tags and keywords add up, in file order.
        (
            [(labels.TAGS, "标签", "书店 小镇，阅读"), (labels.TAGS, "标签", "城市|河")],
            ArticleMeta(tags=("书店", "小镇", "阅读", "城市", "河")),
        ),
        (
            [(labels.KEYWORDS, "关键词", "书店；小镇、阅读"), (labels.KEYWORDS, "关键词", "城市")],
            ArticleMeta(keywords=("书店", "小镇", "阅读", "城市")),
        ),
        # The first abstract and page are kept.
        (
            [(labels.ABSTRACT, "摘要", "一段"), (labels.ABSTRACT, "摘要", "另一段")],
            ArticleMeta(abstract="一段"),
        ),
        (
            [(labels.PAGE, "版次", "第3版"), (labels.PAGE, "版次", "第4版")],
            ArticleMeta(page="第3版"),
        ),
        # Labels with no field are kept in file order; a counter or body label is not.
        (
            [
                (labels.OTHER, "分类号", "G25"),
                (labels.STAFF, "审校", "林小文"),
                (labels.ORIGINAL_TITLE, "原标题", "旧题"),
                (labels.OTHER, "", "无名"),
                (labels.COUNTER, "阅读量", "99"),
                (labels.BODY, "正文", "正文开始"),
            ],
            ArticleMeta(labels=(("分类号", "G25"), ("审校", "林小文"), ("原标题", "旧题"))),
        ),
    ],
)
def test_take_labelled_fills_each_field_by_its_rules(
    values: list[tuple[str, str, str]], meta: ArticleMeta
) -> None:
    assert taken(*values) == meta


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("书店；小镇、阅读", ("书店", "小镇", "阅读")),
        ("书店/小镇 阅读", ("书店", "小镇", "阅读")),
        ("书店,小镇，书店", ("书店", "小镇")),
        ("  ", ()),
    ],
)
def test_split_keywords(value: str, words: tuple[str, ...]) -> None:
    assert split_keywords(value) == words


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("王五 赵六", "王五 赵六"),
        ("王五、赵六、王五", "王五 赵六"),
        ("李宗植/毛生武", "李宗植 毛生武"),
        ("李　锐", "李锐"),  # a two-character name padded with a space
        ("李　锐　王五", "李锐 王五"),
        ("Jane Doe", None),  # Latin names are kept whole by the caller
        ("本报记者 王五", None),
        ("王五 and 赵六", None),
        ("王五、李", None),  # a lone character at the end is no name
    ],
)
def test_plain_person_names(value: str, names: str | None) -> None:
    assert person_names(value) == names


def test_text_before_the_labels_is_a_title_up_to_twice_the_title_length() -> None:
    header = Header()
    read_meta(header, "河" * 160 + " 来源：河畔网")
    assert (header.meta.title, header.meta.source) == ("河" * 160, "河畔网")
    header = Header()
    read_meta(header, "河" * 161 + " 来源：河畔网")
    assert (header.meta.title, header.meta.source) == ("", "河畔网")


def test_a_date_before_the_labels_dates_the_text_and_leaves_the_title() -> None:
    header = Header()
    read_meta(header, "小镇书店 2005-01-02 来源：河畔网")
    assert header.meta == ArticleMeta(title="小镇书店", date="2005-01-02", source="河畔网")
