"""Bylines give person names; newsrooms and editors are not authors."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.byline import (
    byline_names,
    english_byline,
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
