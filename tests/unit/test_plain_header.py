"""The header lines of plain-text pages: which line is a title, which a line of labels."""

from __future__ import annotations

import pytest

from tuireader.library.formats.plain.header import is_label_line, looks_like_title
from tuireader.library.formats.plain.page import parse_plaintext


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("小镇书店开张了", True),
        ("2024年的小镇书店", True),
        ("河" * 60, True),  # Chinese titles: at most 60 characters
        ("河" * 61, False),
        ("A" * 110, True),  # Latin ones: at most 110
        ("A" * 111, False),
        ("A" * 100 + "河", False),  # one Chinese character: the Chinese limit
        ("小镇书店开张了。", False),  # a sentence
        ("小镇书店开张了，", False),  # a clause
        ("Notes:", False),
        ("Notes;", False),
        ("一、总体要求", False),  # a numbered section
        ("十一、总体要求", False),
        ("1.总体要求", False),
        ("12、总体要求", False),
        ("（一）总体要求", False),
        ("(三)总体要求", False),
        ("一二三四、总体要求", True),  # too many numerals for a section number
        ("", False),
    ],
)
def test_looks_like_title(line: str, title: bool) -> None:
    assert looks_like_title(line) is title


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("来源：河畔晚报　时间：2024-03-01", True),
        ("作者：" + "河" * 60, True),
        ("作者：" + "河" * 61, False),  # a name field this long is a sentence
        ("作者：他说。然后走了", False),
        ("来源：河畔晚报！", False),
        ("日期：今天天气很好。", True),  # a date field may hold anything
        ("小镇书店 来源：河畔晚报", False),  # text before the labels
        ("今天天气很好", False),
    ],
)
def test_is_label_line(line: str, label: bool) -> None:
    assert is_label_line(line) is label


BODY = "河边小镇上新开了一家书店，老板说开这家店是为了让孩子们放学后有个地方看书。"


@pytest.mark.parametrize(
    ("second", "title", "body"),
    [
        # A short line between the title and the labels: the nearest title-like one wins.
        ("书店能开多久", "书店能开多久", [BODY, BODY]),
        # A question is text, not a site's chrome: the body starts there.
        ("书店能开多久？", "小镇书店开张了", ["书店能开多久？", BODY, BODY]),
    ],
)
def test_short_lines_above_the_labels(second: str, title: str, body: list[str]) -> None:
    page = parse_plaintext(
        f"小镇书店开张了\n{second}\n来源：河畔网 时间：2024-03-01\n{BODY}\n{BODY}\n", "s"
    )
    assert (page.meta.title, page.meta.source, page.meta.date) == (title, "河畔网", "2024-03-01")
    assert [block.text for block in page.blocks] == body


def test_only_the_first_breadcrumb_gives_the_sections() -> None:
    """A second breadcrumb-shaped line (a related topic's trail) does not replace the
    page's own sections; standing between the title and the labels it is chrome."""
    page = parse_plaintext(
        "当前位置：首页 > 新闻 > 本地\n小镇书店开张了\n当前位置：首页 > 专题 > 读书\n"
        f"来源：河畔网 时间：2024-03-01\n{BODY}\n",
        "s",
    )
    assert page.meta.sections == ("新闻", "本地")
    assert (page.meta.title, page.meta.source, page.meta.date) == (
        "小镇书店开张了",
        "河畔网",
        "2024-03-01",
    )
    assert [block.text for block in page.blocks] == [BODY]


def test_site_chrome_above_labels_near_the_top_is_skipped() -> None:
    """A site name and a menu above the labels: skipped, the title-like line nearest
    the labels is the title."""
    page = parse_plaintext(
        f"河畔网\n首页 新闻 图片\n书店能开多久\n来源：河畔网 时间：2024-03-01\n{BODY}\n", "s"
    )
    assert (page.meta.title, page.meta.source, page.meta.date) == (
        "书店能开多久",
        "河畔网",
        "2024-03-01",
    )
    assert [block.text for block in page.blocks] == [BODY]


def test_labels_further_down_do_not_make_the_short_lines_above_them_chrome() -> None:
    """Labels count as the page header only among the first lines: a poem closed by its
    source (the label on the fifth line) keeps every line."""
    page = parse_plaintext("小镇书店开张了\n春风\n吹过河边\n柳枝\n来源：河畔诗刊\n", "s")
    assert (page.meta.title, page.meta.source) == ("小镇书店开张了", "河畔诗刊")
    assert [block.text for block in page.blocks] == ["春风", "吹过河边", "柳枝"]


def test_menu_lines_above_labels_too_far_down_start_the_body() -> None:
    page = parse_plaintext(
        f"河畔网\n首页 新闻 图片 视频\n读书 生活\n书店能开多久\n来源：河畔网 时间：2024-03-01\n{BODY}\n",
        "s",
    )
    assert page.meta.title == "河畔网"
    assert [block.text for block in page.blocks] == [
        "首页 新闻 图片 视频",
        "读书 生活",
        "书店能开多久",
        BODY,
    ]


def test_a_labelled_title_is_not_replaced_by_chrome_lines_below_it() -> None:
    page = parse_plaintext(
        f"标题：小镇书店开张了\n河畔网\n首页 新闻 图片\n来源：河畔网 时间：2024-03-01\n{BODY}\n",
        "s",
    )
    assert (page.meta.title, page.meta.source) == ("小镇书店开张了", "河畔网")
    assert [block.text for block in page.blocks] == [BODY]


def test_a_lone_line_is_the_body_not_a_title() -> None:
    """A file of one line: that line is the text (the title falls back to the name)."""
    page = parse_plaintext("小镇书店开张了\n", "stem")
    assert page.meta.title == "stem"
    assert [block.text for block in page.blocks] == ["小镇书店开张了"]


def test_a_breadcrumb_whose_home_crumb_was_an_image_gives_its_sections() -> None:
    page = parse_plaintext(f"当前位置：> 新闻 > 本地\n小镇书店开张了\n来源：河畔网\n{BODY}\n", "s")
    assert (page.meta.sections, page.meta.title, page.meta.source) == (
        ("新闻", "本地"),
        "小镇书店开张了",
        "河畔网",
    )
    assert [block.text for block in page.blocks] == [BODY]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("本报记者 王五 李四 来源：新华社", "王五 李四"),
        ("记者 王五 来源：新华社", "王五"),
    ],
)
def test_a_byline_before_the_labels_gives_the_author_not_the_title(line: str, author: str) -> None:
    for head in ("小镇书店开张了\n", ""):
        page = parse_plaintext(f"{head}{line}\n{BODY}\n{BODY}\n", "stem")
        assert (page.meta.author, page.meta.source) == (author, "新华社")
        assert page.meta.title == ("小镇书店开张了" if head else "stem")
        assert [block.text for block in page.blocks] == [BODY, BODY]


def test_a_closing_byline_with_a_source_names_only_the_reporter() -> None:
    page = parse_plaintext(f"小镇书店开张了\n{BODY}\n记者 王五 来源：新华社\n", "stem")
    assert page.meta.author == "王五"
