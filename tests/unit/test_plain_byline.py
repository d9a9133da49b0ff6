"""Bylines give person names; newsrooms and editors are not authors."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.byline import (
    byline_names,
    english_byline,
    has_role,
    is_byline_line,
    opening_byline_names,
    split_closing_byline,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("(张掖市融媒体中心记者 杨静文 李玉洁)", "杨静文 李玉洁"),
        ("（记者 王明）", "王明"),
        ("文/图 记者 张三", "张三"),
        ("文/张三 图/李四", "张三 李四"),
        ("记者 王明 通讯员 李四 报道", "王明 李四"),
        ("新华社记者 张三、李四", "张三 李四"),
        ("记者王明 通讯员赵六", "王明 赵六"),
        ("（本报记者 欧阳娜娜 摄）", "欧阳娜娜"),
        ("（记者 王明 编辑 李四）", "王明"),
        ("文/记者 艾力·买买提", "艾力·买买提"),
        ("（本報記者 周若薇 攝）", "周若薇"),
        # A label after the names: its value is no name (the source, a time).
        ("记者 王五 来源：新华社", "王五"),
        ("本报记者 王五 李四 来源：河畔网", "王五 李四"),
        ("通讯员 王五 時間：2024年3月1日", "王五"),
        ("记者 王五 出处：河畔日报", "王五"),
    ],
)
def test_names_after_roles(text: str, names: str) -> None:
    assert byline_names(text) == names
    assert is_byline_line(text)


@pytest.mark.parametrize(
    "line",
    [
        "记者了解到，该项目已经完工。",
        "责任编辑：王五",
        "（完）",
        "（图/新华社）",
        "记者在现场看到，工人们正在紧张施工，预计年底前完成主体工程建设任务并投入使用。",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert not is_byline_line(line)


def test_closing_byline_split_from_the_paragraph() -> None:
    body, byline = split_closing_byline(
        "营造良好的舆论环境。(张掖市融媒体中心记者 杨静文 李玉洁)"
    ) or ("", "")
    assert body == "营造良好的舆论环境。"
    assert byline == "(张掖市融媒体中心记者 杨静文 李玉洁)"


def test_parenthesis_without_a_role_is_not_a_byline() -> None:
    assert split_closing_byline("会议由县长主持（县政府办供稿）") is None
    assert split_closing_byline("他说的是真的（笑）") is None


def test_dateline_byline() -> None:
    assert opening_byline_names("本报讯（记者 王明 通讯员 李四）昨天，") == "王明 李四"
    assert opening_byline_names("新华社北京11月1日电（记者 张三）今天") == "张三"
    assert opening_byline_names("会议指出（记者注：下同）") is None


def test_english_by_line() -> None:
    assert english_byline("By Jane Doe") == "Jane Doe"
    assert english_byline("By Jane Doe, Staff Writer") == "Jane Doe"
    assert english_byline("By the way, the ferry was late.") is None


def test_and_joins_two_names_but_stays_inside_a_given_name() -> None:
    assert byline_names("记者 张三和李四") == "张三 李四"
    assert byline_names("记者 王和平") == "王和平"
    assert byline_names("记者 王和平 与 李四") == "王和平 李四"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("文／张三", "张三"),
        ("图/李四 文/王五", "李四 王五"),
        ("摄影：张三", "张三"),
        ("作者：Jane Doe", "Jane Doe"),
        ("记者 Jane Doe", "Jane Doe"),
        ("特约记者 张三", "张三"),
        ("本报驻京记者 张三", "张三"),
        ("记者 张三摄", "张三"),
        ("记者 张三报道", "张三"),
        ("记者 张三 整理", "张三"),
        ("记者 张三 张三", "张三"),
        ("记者 阿卜杜勒·拉赫曼", "阿卜杜勒·拉赫曼"),
        ("【记者 张三】", "张三"),
        ("记者 张三；李四", "张三 李四"),
        ("记者 张三|李四", "张三 李四"),
        ("記者 張三", "張三"),
        ("通讯员 张三和李四和王五", "张三 李四 王五"),
        ("实习生 张三 本报记者 李四", "张三 李四"),
        # An editor did not write it: names after 编辑 are skipped until the next writer.
        ("记者 张三 责任编辑：李四 通讯员 王五", "张三 王五"),
    ],
)
def test_more_names_after_roles(text: str, names: str) -> None:
    assert byline_names(text) == names
    assert is_byline_line(text)
    assert has_role(text)


@pytest.mark.parametrize(
    "text",
    ["记者 新华社", "记者 河畔网", "记者 综合", "记者 三", "记者 张三四五六七", "张三 李四"],
)
def test_no_names_after_a_role(text: str) -> None:
    assert byline_names(text) is None
    assert not is_byline_line(text)


def test_has_role_needs_a_writers_role() -> None:
    assert not has_role("张三 李四")
    assert not has_role("编辑：李四")
    assert has_role("文/张三")


def test_byline_lines_are_short_and_open_with_the_role() -> None:
    assert is_byline_line("（记者 王明" + " " * 53 + "）")  # 60 characters
    assert not is_byline_line("（记者 王明" + " " * 54 + "）")
    assert is_byline_line("河" * 16 + "记者 张三")  # a newsroom's name before the role
    assert not is_byline_line("河" * 17 + "记者 张三")
    assert not is_byline_line("记者张三。")
    assert not is_byline_line("(河畔网)")


@pytest.mark.parametrize(
    ("paragraph", "split"),
    [
        ("环境很好。（记者 杨静文）", ("环境很好。", "（记者 杨静文）")),
        ("环境很好。(记者 杨静文)。", ("环境很好。", "(记者 杨静文)。")),
        ("环境很好。（记者 杨静文） ", ("环境很好。", "（记者 杨静文）")),
        ("环境很好（记者）", None),
        ("（记者 杨静文）环境很好。", None),
        ("环境很好。（新华社）", None),
    ],
)
def test_closing_bylines(paragraph: str, split: tuple[str, str] | None) -> None:
    assert split_closing_byline(paragraph) == split


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("河畔网5月3日电(记者 王明)今天", "王明"),
        ("本报讯 （记者 王明）今天", "王明"),
        ("本报讯（王明）今天", None),  # no role
        ("一二三四五六七八九十一二三四五六七八九十一二三四五讯（记者 王明）", None),
    ],
)
def test_dateline_bylines(paragraph: str, names: str | None) -> None:
    assert opening_byline_names(paragraph) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("BY JANE DOE", "JANE DOE"),
        ("by Jane Doe", "Jane Doe"),
        ("By Jane Doe | Staff", "Jane Doe"),
        ("By Jane Doe; Reuters", "Jane Doe"),
        ("By Jane Doe — 2005", "Jane Doe"),
        ("By A B C D E F G", "A B C D E F G"),
        ("By A B C D E F G H", None),  # eight words: a sentence
        ("By jane", None),
        ("Bye Jane", None),
        ("By Jane Doe " + "x" * 48, "Jane Doe " + "x" * 48),  # 60 characters
        ("By Jane Doe " + "x" * 49, None),
    ],
)
def test_english_bylines(line: str, names: str | None) -> None:
    assert english_byline(line) == names
