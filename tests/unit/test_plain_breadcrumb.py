"""Breadcrumb lines in their many scraped shapes."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.breadcrumb import split_breadcrumb


@pytest.mark.parametrize(
    "line",
    [
        "您当前的位置 : 新闻网 >> 本地 >> 要闻",
        "当前位置：新闻网 > 本地 > 要闻",
        "您现在的位置：新闻网»本地»要闻",
        "所在位置 新闻网 → 本地 → 要闻",
        "现在位置：新闻网 / 本地 / 要闻",
        "当前位置是：新闻网＞本地＞要闻",
        "当前位置: 新闻网-本地-要闻",
        "当前位置：新闻网 › 本地 › 要闻",
        "您的位置：首页 > 新闻网 > 本地 > 要闻",
        "首页 > 新闻网 > 本地 > 要闻 > 正文",
        "当前位置：网站首页＞＞新闻网＞＞本地＞＞要闻",
        "当前位置：首页 | 新闻网 | 本地 | 要闻",
    ],
)
def test_every_separator_gives_the_same_sections(line: str) -> None:
    crumb = split_breadcrumb(line)
    assert crumb is not None
    assert crumb.sections == ("新闻网", "本地", "要闻")
    assert crumb.remainder == ""


def test_seed_shape_breadcrumb_title_source_and_date_on_one_line() -> None:
    crumb = split_breadcrumb(
        "您当前的位置 : 中国张掖网 >> 问政 >> 要闻 【学习】勇担新使命 奋进新征程 ——张掖市 "
        "来源:张掖市融媒体中心 0 人参与互动 2022年11月01日 10:02"
    )
    assert crumb is not None
    assert crumb.sections == ("中国张掖网", "问政", "要闻")
    assert crumb.remainder.startswith("【学习】勇担新使命 奋进新征程 ——张掖市 来源:")


def test_a_date_with_the_separator_character_is_not_split() -> None:
    crumb = split_breadcrumb("当前位置: 首页-要闻-本地 2022-11-01")
    assert crumb is not None
    assert crumb.sections == ("要闻", "本地")
    assert crumb.remainder == "2022-11-01"


def test_chain_into_metadata_makes_the_last_crumb_the_title() -> None:
    crumb = split_breadcrumb("首页 → 新闻中心 → 社会 → 春运路上 → 来源：交通报 → 2024-02-08 19:05")
    assert crumb is not None
    assert (crumb.sections, crumb.title) == (("新闻中心", "社会"), "春运路上")
    assert crumb.remainder == "来源：交通报 2024-02-08 19:05"


def test_chain_into_metadata_with_a_newsroom_crumb_gives_the_source() -> None:
    crumb = split_breadcrumb("首页 / 科技 / 航天 / 小卫星 / 科普时报 / 2023/09/05 / 字体：大 中 小")
    assert crumb is not None
    assert (crumb.title, crumb.source) == ("小卫星", "科普时报")
    assert crumb.sections == ("科技", "航天")


def test_a_long_run_after_the_prefix_is_the_title_not_a_crumb() -> None:
    crumb = split_breadcrumb(
        "当前位置：首页 > 新闻 > 关于进一步加强全县农村人居环境整治工作的实施意见"
    )
    assert crumb is not None
    assert crumb.sections == ("新闻",)
    assert crumb.remainder == "关于进一步加强全县农村人居环境整治工作的实施意见"


@pytest.mark.parametrize(
    "line",
    ["首页文章很多", "今天天气很好", "位置：北京", "当前的形势 > 预期", ""],
)
def test_ordinary_lines_are_not_breadcrumbs(line: str) -> None:
    assert split_breadcrumb(line) is None


@pytest.mark.parametrize(
    ("line", "sections"),
    [
        ("新闻频道 > 国内新闻 > 正文", ("新闻频道", "国内新闻")),
        ("新闻 » 国内 » 社会", ("新闻", "国内", "社会")),
        ("新闻中心 > 正文", ("新闻中心",)),
    ],
)
def test_breadcrumb_without_prefix_needs_three_crumbs_or_a_body_crumb(
    line: str, sections: tuple[str, ...]
) -> None:
    crumb = split_breadcrumb(line)
    assert crumb is not None
    assert crumb.sections == sections


@pytest.mark.parametrize("line", ["价格 > 成本", "我们认为 A > B > C 成立", "2022 - 2023 年度"])
def test_arrows_in_ordinary_text_without_prefix_are_not_breadcrumbs(line: str) -> None:
    assert split_breadcrumb(line) is None


def test_a_short_title_glued_to_metadata_after_the_last_crumb() -> None:
    crumb = split_breadcrumb(
        "当前位置 : 首页 > 新闻 > 2022年政府工作报告解读 来源:县政府 2022-11-01"
    )
    assert crumb is not None
    assert (crumb.sections, crumb.title) == (("新闻",), "2022年政府工作报告解读")
    assert crumb.remainder == "来源:县政府 2022-11-01"


def test_a_section_name_before_metadata_stays_a_section() -> None:
    crumb = split_breadcrumb("当前位置 : 首页 > 新闻 > 国内 来源:县政府 2022-11-01")
    assert crumb is not None
    assert (crumb.sections, crumb.title) == (("新闻", "国内"), None)


def test_a_line_over_a_thousand_characters_is_no_breadcrumb() -> None:
    head = "首页 > 新闻 > "
    assert split_breadcrumb(head + "河" * (1000 - len(head))) is not None
    assert split_breadcrumb(head + "河" * (1001 - len(head))) is None


@pytest.mark.parametrize(
    ("line", "sections", "remainder"),
    [
        # The home crumb was an image: its separator comes first.
        ("当前位置：> 新闻 > 本地", ("新闻", "本地"), ""),
        ("当前位置：>> 新闻 >> 本地 小镇书店开张了", ("新闻", "本地"), "小镇书店开张了"),
        ("您的位置：-新闻-本地", ("新闻", "本地"), ""),
        # One crumb, no separator at all.
        ("当前位置：新闻", ("新闻",), ""),
        # Nothing after the prefix: a breadcrumb with no sections (the line is chrome).
        ("当前位置：", (), ""),
        ("当前位置：»", (), ""),
    ],
)
def test_breadcrumbs_with_missing_crumbs(
    line: str, sections: tuple[str, ...], remainder: str
) -> None:
    crumb = split_breadcrumb(line)
    assert crumb is not None
    assert (crumb.sections, crumb.title, crumb.source, crumb.remainder) == (
        sections,
        None,
        None,
        remainder,
    )


def test_a_chain_of_one_crumb_into_metadata_has_no_title() -> None:
    crumb = split_breadcrumb("当前位置：新闻 » 2021-04-23 20:30")
    assert crumb is not None
    assert (crumb.sections, crumb.title, crumb.remainder) == (("新闻",), None, "2021-04-23 20:30")


def test_a_prefix_straight_into_metadata_is_no_breadcrumb() -> None:
    assert split_breadcrumb("当前位置：2021-04-23 来源：晨报") is None


def test_a_newsroom_named_crumb_needs_a_crumb_before_it_to_be_the_source() -> None:
    crumb = split_breadcrumb("首页 » 晨光日报 » 来源：晨光 » 2021-04-23")
    assert crumb is not None
    assert (crumb.sections, crumb.title, crumb.source) == ((), "晨光日报", None)
    crumb = split_breadcrumb("首页 » 文化 » 晨光日报 » 2021-04-23")
    assert crumb is not None
    assert (crumb.sections, crumb.title, crumb.source) == ((), "文化", "晨光日报")
