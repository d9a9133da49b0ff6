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


def test_a_short_poem_closed_by_its_author_keeps_every_line() -> None:
    """A label near the top with nothing after it closes a poem: the short lines above
    it are the poem, not a site's menu."""
    page = parse_plaintext("小镇书店开张了\n春风\n吹过河边\n作者：王五\n", "s")
    assert (page.meta.title, page.meta.author) == ("小镇书店开张了", "王五")
    assert [block.text for block in page.blocks] == ["春风", "吹过河边"]


def test_an_editor_line_near_the_top_does_not_make_the_lines_above_it_chrome() -> None:
    """Only title, author, source and date labels mark a page header."""
    page = parse_plaintext(f"小镇书店开张了\n春风\n吹过河边\n责任编辑：王五\n{BODY}\n", "s")
    assert (page.meta.title, page.meta.editor) == ("小镇书店开张了", "王五")
    assert [block.text for block in page.blocks] == ["春风", "吹过河边", BODY]


@pytest.mark.parametrize(("length", "chrome"), [(40, True), (41, False)])
def test_menu_lines_of_at_most_40_characters_are_chrome(length: int, chrome: bool) -> None:
    menu = ("首页 新闻 图片 视频 读书 生活 旅游 健康 体育 财经 科技 教育 文化 汽车 房产")[:length]
    assert len(menu) == length
    page = parse_plaintext(
        f"河畔网\n{menu}\n书店能开多久\n来源：河畔网 时间：2024-03-01\n{BODY}\n", "s"
    )
    if chrome:
        assert page.meta.title == "书店能开多久"
        assert [block.text for block in page.blocks] == [BODY]
    else:
        assert page.meta.title == "河畔网"
        assert [block.text for block in page.blocks] == [menu, "书店能开多久", BODY]


def test_a_dateline_among_chrome_lines_is_no_title() -> None:
    page = parse_plaintext(
        f"小镇书店开张了\n2024年3月1日 星期五 农历正月二十一日晴\n来源：河畔网\n{BODY}\n", "s"
    )
    assert (page.meta.title, page.meta.source) == ("小镇书店开张了", "河畔网")
    assert [block.text for block in page.blocks] == [BODY]


@pytest.mark.parametrize(
    ("rest", "date_line"),
    [
        ("星期五 农历正月二十一日", True),  # at most 12 characters besides the date
        ("星期五 农历正月二十一日晴", False),
    ],
)
def test_a_date_with_a_little_text_is_a_date_line(rest: str, date_line: bool) -> None:
    line = f"2024年3月1日 {rest}"
    page = parse_plaintext(f"小镇书店开张了\n{line}\n{BODY}\n", "s")
    assert page.meta.title == "小镇书店开张了"
    assert page.meta.date == ("2024-03-01" if date_line else None)
    assert [block.text for block in page.blocks] == ([BODY] if date_line else [line, BODY])


def test_a_dateline_in_english_words_is_a_date_line() -> None:
    page = parse_plaintext(f"Harbour notes\nPosted on March 1, 2024 by Mary Lee\n{BODY}\n", "s")
    assert (page.meta.title, page.meta.date) == ("Harbour notes", "2024-03-01")
    assert [block.text for block in page.blocks] == [BODY]


@pytest.mark.parametrize(
    ("value", "read"), [("admin_river_town", True), ("admin_river_towns", False)]
)
def test_an_unknown_label_before_the_labels_may_take_20_characters(value: str, read: bool) -> None:
    line = f"发布者：{value} 来源：河畔网"
    page = parse_plaintext(f"小镇书店开张了\n{line}\n{BODY}\n", "s")
    assert page.meta.source == ("河畔网" if read else None)
    assert [block.text for block in page.blocks] == ([BODY] if read else [line, BODY])


TITLE_80 = "河边小镇上新开了一家书店老板说开这家店是为了让孩子们放学后有个地方看书" * 3


@pytest.mark.parametrize(("length", "read"), [(30, True), (80, True), (81, False)])
def test_a_title_before_the_labels_on_the_first_line(length: int, read: bool) -> None:
    title = TITLE_80[:length]
    line = f"{title} 来源：河畔网 时间：2024-03-01"
    page = parse_plaintext(f"{line}\n{BODY}\n", "stem")
    if read:
        assert (page.meta.title, page.meta.source, page.meta.date) == (
            title,
            "河畔网",
            "2024-03-01",
        )
        assert [block.text for block in page.blocks] == [BODY]
    else:
        assert page.meta.source is None
        assert [block.text for block in page.blocks][-1] == BODY


def test_text_before_labels_under_a_title_is_body_text() -> None:
    line = f"{TITLE_80[:30]} 来源：河畔网 时间：2024-03-01"
    page = parse_plaintext(f"小镇书店开张了\n{line}\n{BODY}\n", "s")
    assert (page.meta.title, page.meta.source) == ("小镇书店开张了", None)
    assert [block.text for block in page.blocks] == [line, BODY]


def test_a_clause_before_a_label_word_is_a_sentence_even_with_a_space() -> None:
    line = "今年粮食再获丰收， 时间：2024年3月1日"
    page = parse_plaintext(f"标题：小镇书店开张了\n{line}\n{BODY}\n", "s")
    assert (page.meta.title, page.meta.date) == ("小镇书店开张了", None)
    assert [block.text for block in page.blocks] == [line, BODY]


def test_page_furniture_under_a_breadcrumb_is_no_title() -> None:
    page = parse_plaintext(
        f"当前位置：首页 > 新闻\n打印本页\n小镇书店开张了\n来源：河畔网\n{BODY}\n", "s"
    )
    assert (page.meta.sections, page.meta.title, page.meta.source) == (
        ("新闻",),
        "小镇书店开张了",
        "河畔网",
    )
    assert [block.text for block in page.blocks] == [BODY]


def test_a_second_short_line_under_the_title_is_text() -> None:
    page = parse_plaintext(f"当前位置：首页 > 新闻\n小镇书店开张了\n书店能开多久\n{BODY}\n", "s")
    assert page.meta.title == "小镇书店开张了"
    assert [block.text for block in page.blocks] == ["书店能开多久", BODY]


@pytest.mark.parametrize(("furniture", "title"), [(14, "小镇书店开张了"), (15, "stem")])
def test_the_header_is_looked_for_in_the_first_15_lines(furniture: int, title: str) -> None:
    page = parse_plaintext("打印本页\n" * furniture + f"小镇书店开张了\n{BODY}\n", "stem")
    assert page.meta.title == title


ABSTRACT = "小镇书店的故事，" * 80


@pytest.mark.parametrize(("length", "read"), [(600, True), (601, False)])
def test_a_header_line_is_at_most_600_characters(length: int, read: bool) -> None:
    line = "摘要：" + ABSTRACT[: length - 3]
    page = parse_plaintext(f"小镇书店开张了\n{line}\n{BODY}\n", "s")
    assert page.meta.abstract == (line[3:] if read else None)
    assert [block.text for block in page.blocks][-1] == BODY
    assert (line in [block.text for block in page.blocks]) is not read


def test_a_second_breadcrumb_in_the_header_is_chrome_even_last() -> None:
    page = parse_plaintext(
        f"当前位置：首页 > 新闻\n标题：小镇书店开张了\n河畔网\n当前位置：首页 > 专题\n{BODY}\n{BODY}\n",
        "s",
    )
    assert (page.meta.sections, page.meta.title) == (("新闻",), "小镇书店开张了")
    assert [block.text for block in page.blocks] == [BODY, BODY]


def test_a_chrome_line_holding_a_date_inside_may_still_be_the_title() -> None:
    title = "小镇书店2024年3月1日开张迎来第一批小读者们"
    page = parse_plaintext(f"河畔网\n首页 新闻 图片\n{title}\n来源：河畔网\n{BODY}\n", "s")
    assert (page.meta.title, page.meta.source) == (title, "河畔网")
    assert [block.text for block in page.blocks] == [BODY]


def test_short_lines_under_a_title_with_no_labels_below_stay_in_a_long_text() -> None:
    page = parse_plaintext("河畔网\n首页 新闻 图片\n" + f"{BODY}\n" * 20, "s")
    assert page.meta.title == "河畔网"
    assert [block.text for block in page.blocks] == ["首页 新闻 图片"] + [BODY] * 20
