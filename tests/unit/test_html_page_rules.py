"""Saved pages: the bounds of the rules that take the headline, bylines, the text's own
date, a blog's next post, related lists and closing labels out of the body."""

from __future__ import annotations

import pytest

from tuireader.library.formats.html.layout import Layout
from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.html.tree import parse_tree
from tuireader.library.model import PARAGRAPH, ParsedPage

PARA = "这是正文的一段话，讲述了河边小镇上新开的一家书店和它的老板。" * 3
PARA2 = "书店的老板说，开这家店是为了让镇上的孩子们放学后有个地方看书。" * 3


def html(body: str, title: str = "小镇书店开张了") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def parse(body: str, title: str = "小镇书店开张了") -> ParsedPage:
    return parse_html(html(body, title), "stem")


def texts(body: str, title: str = "小镇书店开张了") -> list[str]:
    return [block.text for block in parse(body, title).blocks]


def lines(count: int, size: int = 9, word: str = "栏目链接") -> str:
    """``count`` short lines of ``size`` characters (none a date, a name or a sentence)."""
    return "".join(f"<div>{(word + str(n)).ljust(size, '项')[:size]}</div>" for n in range(count))


def offsets(markup: str, *texts: str) -> list[int]:
    """Where each of ``texts`` starts in the page's visible text."""
    root = parse_tree(markup)
    assert root is not None
    layout = Layout.of(root)
    return [next(p.start for p in layout.pieces if p.text == text) for text in texts]


# -- a blog post's headline above its date line ------------------------------------


@pytest.mark.parametrize(("gap", "found"), [(600, True), (601, False)])
def test_a_date_line_up_to_six_hundred_characters_above_the_text_dates_its_headline(
    gap: int, found: bool
) -> None:
    # The date line, then short lines of 10 characters with their spaces, then a last
    # line making the distance from the date line to the text exactly ``gap``.
    last = gap - 11 - 580 - 1
    body = (
        "<div>春天的第一场雨</div><div>2005-04-05</div>"
        + lines(58)
        + f"<div>{'末' * last}</div>"
        + f"<div class='content'><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    date_line, text = offsets(html(body, "某某的博客"), "2005-04-05", PARA)
    assert text - date_line == gap
    assert parse(body, "某某的博客").meta.title == ("春天的第一场雨" if found else "某某的博客")


BANNER = "<div>某某的博客</div>"


@pytest.mark.parametrize(("gap", "title"), [(200, "某某的博客"), (201, "春天的第一场雨")])
def test_a_blog_title_printed_far_above_the_dated_headline_gives_way(gap: int, title: str) -> None:
    # The banner shows the <title>; the post's dated headline more than 200 characters
    # below it is the article's.
    last = gap - 1 - 190 - 1
    body = (
        BANNER
        + lines(19)
        + f"<div>{'末' * last}</div>"
        + "<div>春天的第一场雨</div><div>2005-04-05 06:40</div>"
        + f"<div class='content'><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    banner, headline = offsets(html(body, "某某的博客"), "某某的博客", "春天的第一场雨")
    assert headline - (banner + len("某某的博客")) == gap
    assert parse(body, "某某的博客").meta.title == title


# -- the headline and the lines around it leave the body ----------------------------


@pytest.mark.parametrize(("before", "dropped"), [(7, True), (8, False)])
def test_the_headline_is_looked_for_among_the_first_eight_blocks(
    before: int, dropped: bool
) -> None:
    kickers = [f"本期专题第{n}篇" for n in range(before)]
    body = (
        "<div class='content'>"
        + "".join(f"<p>{line}</p>" for line in kickers)
        + f"<h1>小镇书店开张了</h1><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    expected = [PARA, PARA2] if dropped else [*kickers, "小镇书店开张了", PARA, PARA2]
    assert texts(body) == expected


@pytest.mark.parametrize(("size", "dropped"), [(100, True), (101, False)])
def test_a_line_over_a_hundred_characters_before_the_headline_is_text(
    size: int, dropped: bool
) -> None:
    kicker = ("编者按" * 40)[:size]
    body = (
        f"<div class='content'><p>{kicker}</p><h1>小镇书店开张了</h1>"
        f"<p>{PARA}</p><p>{PARA2}</p></div>"
    )
    assert texts(body) == ([PARA, PARA2] if dropped else [kicker, "小镇书店开张了", PARA, PARA2])


def test_the_last_block_stays_even_when_it_is_a_byline() -> None:
    body = (
        "<div class='content'><h1>小镇书店开张了</h1><p>2005-04-05 06:40 来源：河畔晚报</p></div>"
    )
    result = parse(body)
    assert [block.text for block in result.blocks] == ["2005-04-05 06:40 来源：河畔晚报"]
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("2005-04-05 06:40 来源：河畔晚报", True),
        ("2005-04-05 06:40", True),  # a date alone
        ("时间2005-04-05 来源：河畔晚报", True),  # the date within the first two characters
        ("发布于2005-04-05 来源：河畔晚报", False),
        ("2005-04-05 06:40 河畔晚报", False),  # no label after the date
        ("2005-04-05 06:40 来源：河畔晚报。", False),  # a sentence
    ],
)
def test_a_byline_line_under_the_headline_leaves_the_body(line: str, dropped: bool) -> None:
    body = (
        f"<div class='content'><h1>小镇书店开张了</h1><p>{line}</p>"
        f"<p>{PARA}</p><p>{PARA2}</p></div>"
    )
    assert texts(body) == ([PARA, PARA2] if dropped else [line, PARA, PARA2])


def test_a_table_of_the_headline_above_its_date_line_is_the_header() -> None:
    header = "<table><tr><td>小镇书店开张了</td><td></td></tr><tr><td>2005-04-05 06:40</td><td>来源：本报</td></tr></table>"
    body = f"<div class='content'>{header}<p>{PARA}</p><p>{PARA2}</p></div>"
    assert texts(body) == [PARA, PARA2]


# -- a blog's front page: the next post's headline ends the article -----------------

POST_HEADER = "<p>小镇书店开张了 | 2005-06-14 03:25</p>"


@pytest.mark.parametrize(("size", "ends"), [(100, True), (101, False)])
def test_the_next_posts_dated_line_is_short(size: int, ends: bool) -> None:
    later = ("2005-06-13 秋天的河边" + "水" * 100)[:size]
    body = f"<div class='content'>{POST_HEADER}<p>{PARA}</p><p>{later}</p><p>{PARA2}</p></div>"
    assert texts(body) == ([PARA] if ends else [PARA, later, PARA2])


def test_only_a_block_of_the_headers_kind_and_shape_is_the_next_post() -> None:
    table_header = (
        "<table><tr><td>小镇书店开张了</td><td>2005-06-14 03:25</td><td></td></tr></table>"
    )
    two_columns = "<table><tr><td>秋天的河边</td><td>2005-06-13 15:00</td></tr></table>"
    data = "<table><tr><td>日期</td><td>2005-06-01</td></tr><tr><td>地点</td><td>河边</td></tr></table>"
    body = (
        f"<div class='content'>{table_header}<p>{PARA}</p><p>2005年6月1日，书店开门。</p>"
        f"{two_columns}{data}<p>{PARA2}</p></div>"
    )
    assert texts(body) == [
        PARA,
        "2005年6月1日，书店开门。",  # a paragraph after a table header: text
        "秋天的河边 | 2005-06-13 15:00",  # two columns, the header three: text
        "日期 | 2005-06-01\n地点 | 河边",  # two rows: a data table
        PARA2,
    ]


def test_a_table_of_the_headers_columns_with_a_date_is_the_next_post() -> None:
    header = "<table><tr><td>小镇书店开张了</td><td>2005-06-14 03:25</td></tr></table>"
    later = "<table><tr><td>秋天的河边</td><td>2005-06-13 15:00</td></tr></table>"
    # A table of two rows is data, dates or not; a one-row table of the header's shape
    # with a date is the next post.
    data = "<table><tr><td>开张</td><td>2005-06-01</td></tr><tr><td>地点</td><td>河边</td></tr></table>"
    body = (
        f"<div class='content'>{header}<p>{PARA}</p>{data}<p>{PARA2}</p>{later}<p>{PARA}</p></div>"
    )
    assert texts(body) == [PARA, "开张 | 2005-06-01\n地点 | 河边", PARA2]


# -- the text's own date under the headline -----------------------------------------


@pytest.mark.parametrize(
    ("lead", "own"),
    [
        (["河畔小镇文化工作组"], True),
        (["河畔小镇文化工作组", "执笔 某某"], True),  # the date as the third block
        (["河畔小镇文化工作组", "执笔 某某", "二〇〇三年"], False),  # the fourth: too far
    ],
)
def test_the_texts_own_date_is_among_its_first_three_blocks(lead: list[str], own: bool) -> None:
    body = (
        "<div class='content'><h1>小镇书店开张了</h1>"
        + "".join(f"<p>{line}</p>" for line in lead)
        + f"<p>2003年5月</p><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    result = parse(body)
    # Taken as the text's own date, the line leaves the body.
    assert [b.text for b in result.blocks] == (
        [*lead, PARA, PARA2] if own else [*lead, "2003年5月", PARA, PARA2]
    )
    assert result.meta.date == "2003-05"


@pytest.mark.parametrize(("size", "own"), [(100, True), (101, False)])
def test_a_long_line_before_the_date_ends_the_look(size: int, own: bool) -> None:
    note = ("说明" * 60)[:size]
    body = (
        f"<div class='content'><h1>小镇书店开张了</h1><p>{note}</p><p>2003年5月</p>"
        f"<p>{PARA}</p><p>{PARA2}</p></div>"
    )
    assert parse(body).meta.date == ("2003-05" if own else None)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2003年5月", "2003-05"),
        ("2005年3月6日 星期日", "2005-03-06"),
        ("2005年3月6日（周日）", "2005-03-06"),
        ("二〇〇五年三月六日 星期日", "2005-03-06"),  # in Chinese numerals too
        # 24 characters besides the weekday; 25 is more than a date's line.
        ("2005-03-06 10:30:00.1234 星期日", "2005-03-06T10:30"),
        ("2005-03-06 10:30:00.12345 星期日", None),
        ("（2005年3月6日）", None),  # it must open with the date
        ("2005年3月6日 河畔小镇", None),  # nothing else on the line
        ("20世纪的书店", None),
    ],
)
def test_a_line_that_is_only_a_date_dates_the_text(line: str, date: str | None) -> None:
    body = (
        f"<div class='content'><h1>小镇书店开张了</h1><p>{line}</p>"
        f"<p>{PARA}</p><p>{PARA2}</p></div>"
    )
    result = parse(body)
    assert [b.text for b in result.blocks] == ([PARA, PARA2] if date else [line, PARA, PARA2])
    if date:
        assert result.meta.date == date


# -- what closes the text -----------------------------------------------------------


def article(count: int) -> list[str]:
    return [f"第{n}段。{PARA}" for n in range(count)]


@pytest.mark.parametrize(("before", "cut"), [(4, True), (3, False)])
def test_a_related_list_is_cut_only_in_the_second_half(before: int, cut: bool) -> None:
    # Nine blocks: the header as block 4 (from 0) is in the second half, as block 3 not.
    # A header left in place is page furniture and goes alone.
    paragraphs = article(before)
    links = [f"·{name}" for name in ("河边新修了一座桥", "老电影院重新开放", "秋天的集市")]
    links = links + ["·书店的老板"] * (5 - before)
    body = (
        "<div class='content'>"
        + "".join(f"<p>{text}</p>" for text in [*paragraphs, "相关阅读：", *links])
        + "</div>"
    )
    assert texts(body) == (paragraphs if cut else [*paragraphs, *links])


@pytest.mark.parametrize(("size", "cut"), [(60, True), (61, False)])
def test_after_a_related_header_only_short_lines_are_cut(size: int, cut: bool) -> None:
    paragraphs = article(4)
    link = ("·河边新修了一座桥" + "桥" * 60)[:size]
    body = (
        "<div class='content'>"
        + "".join(f"<p>{text}</p>" for text in [*paragraphs, "相关阅读：", "·秋天的集市", link])
        + "</div>"
    )
    assert texts(body) == (paragraphs if cut else [*paragraphs, "·秋天的集市", link])


@pytest.mark.parametrize(("size", "taken"), [(40, True), (41, False)])
def test_a_closing_label_line_is_at_most_forty_characters(size: int, taken: bool) -> None:
    source = ("河畔市人民政府新闻办公室与河畔晚报社联合编辑部" * 2)[: size - 10]
    line = f"来源：{source} 编辑：林小文"
    assert len(line) == size
    body = f"<div class='content'><p>{PARA}</p><p>{PARA2}</p><p>{line}</p></div>"
    result = parse(body)
    assert result.meta.editor == ("林小文" if taken else None)
    assert [b.text for b in result.blocks] == ([PARA, PARA2] if taken else [PARA, PARA2, line])


def test_of_two_closing_editor_lines_the_last_one_names_the_editor() -> None:
    body = (
        f"<div class='content'><p>{PARA}</p><p>{PARA2}</p>"
        "<p>编辑：林小文</p><p>来源：河畔晚报</p><p>编辑：王大海</p></div>"
    )
    result = parse(body)
    assert (result.meta.source, result.meta.editor) == ("河畔晚报", "王大海")
    assert [b.text for b in result.blocks] == [PARA, PARA2]


# -- breadcrumbs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("crumb", "sections"),
    [
        ("小镇书店开张了啊…", ("本地",)),  # eight characters before the dots: the title
        ("小镇书店开张…", ("本地", "小镇书店开张…")),  # six: too short to tell
    ],
)
def test_a_breadcrumb_ending_in_the_cut_title(crumb: str, sections: tuple[str, ...]) -> None:
    body = (
        f"<div class='breadcrumb'><a href='/'>首页</a> &gt; <a href='/l/'>本地</a> &gt; "
        f"<span>{crumb}</span></div>"
        f"<div class='content'><h1>小镇书店开张了啊你好</h1><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    result = parse(body, "小镇书店开张了啊你好")
    assert result.meta.sections == sections
    assert result.blocks[0].kind == PARAGRAPH


def test_a_closing_label_line_of_other_labels_stays_in_the_text() -> None:
    body = f"<div class='content'><p>{PARA}</p><p>{PARA2}</p><p>作者：林小文</p></div>"
    assert texts(body) == [PARA, PARA2, "作者：林小文"]


def test_a_stated_title_printed_nowhere_gives_way_to_the_dated_headline() -> None:
    head = '<meta property="og:title" content="某某的博客首页">'
    body = (
        "<div>春天的第一场雨</div><div>2005-04-05 06:40</div>"
        f"<div class='content'><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    page = parse_html(
        f"<html><head>{head}<title>某某的博客</title></head><body>{body}</body></html>", "s"
    )
    assert page.meta.title == "春天的第一场雨"
