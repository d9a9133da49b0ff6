"""A saved page's title: which texts the body shows whole, which cut of a stated title
wins, the line above a date line, and the headline-like line above the text."""

from __future__ import annotations

import pytest

from tuireader.library.formats.html.layout import Layout
from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.html.title import (
    Shown,
    choose_title,
    dated_headline,
    headings,
    lead_heading,
    shown_texts,
)
from tuireader.library.formats.html.tree import parse_tree

STORY = "<p>" + "老街改造从去年春天开始，居民们一起商量方案，小店也陆续重新开门。" * 3 + "</p>"


def layout_of(body: str) -> Layout:
    root = parse_tree(f"<html><body>{body}</body></html>")
    assert root is not None
    return Layout.of(root)


def shown_in(body: str) -> tuple[Shown, Shown]:
    """(shown as a heading, shown by any small element) of a page body."""
    return shown_texts(layout_of(body))


def is_shown(body: str, text: str) -> tuple[bool, bool]:
    as_heading, anywhere = shown_in(body)
    return text in as_heading, text in anywhere


@pytest.mark.parametrize(
    ("body", "heading", "anywhere"),
    [
        ("<h1>城市老街</h1>", True, True),
        ("<h3>城市老街</h3>", True, True),
        ("<h4>城市老街</h4>", False, True),  # only h1-h3 are headings here
        ("<div class='title'>城市老街</div>", False, True),
        ("<b>城市老街</b>", False, True),
        ("<h1><span>城市</span>老街</h1>", True, True),  # pieces joined by their holder
        ("<div><span>城市</span>老街</div>", False, True),
        ("<div>城市老街很好</div>", False, False),  # only part of an element's text
        ("<p><b>城市老街</b>很好</p>", False, True),  # but whole in the <b>
        ("<span>城市</span>老街", False, False),  # the body itself holds no headline
        ("<option>城市老街</option>", False, False),  # a menu entry is not shown text
        ("<div><b>城</b><b>市</b><b>老街</b></div>", False, True),  # three children
        ("<div><b>城</b><b>市</b><b>老</b><b>街</b></div>", False, False),  # four: a block
        ("<h2><b>城</b><b>市</b><b>老</b><b>街</b></h2>", True, True),  # a heading: any
        ("<p>城市老街的故事</p><h2>城市老街</h2>", True, True),  # a later print counts
    ],
)
def test_shown_texts_are_whole_texts_of_small_elements(
    body: str, heading: bool, anywhere: bool
) -> None:
    assert is_shown(body, "城市老街") == (heading, anywhere)


@pytest.mark.parametrize(
    ("wrappers", "shown"),
    [
        (0, True),
        (3, True),  # the holder four levels above the first piece
        (4, False),  # five levels above: too far to be the headline's element
    ],
)
def test_a_headline_holder_is_at_most_four_levels_above_its_first_piece(
    wrappers: int, shown: bool
) -> None:
    inner = "<u>" * wrappers + "<span>城市</span>" + "</u>" * wrappers
    assert is_shown(f"<div>{inner}老街</div>", "城市老街") == (False, shown)
    assert is_shown(f"<h2>{inner}老街</h2>", "城市老街") == (shown, shown)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("城", False),  # one character is no title
        ("城市", True),
        ("街" * 200, True),
        ("街" * 201, False),  # longer than any headline
    ],
)
def test_shown_texts_are_two_to_two_hundred_characters(text: str, shown: bool) -> None:
    assert is_shown(f"<b>{text}</b>", text) == (False, shown)


def test_shown_asks_only_the_first_twenty_prints_of_a_text() -> None:
    # Each print opening a long line costs a check; a headline is among the first ones.
    lines = "".join(f"<p>城市老街的第{n}个故事讲了很多事情</p>" for n in range(19))
    assert is_shown(lines + "<b>城市老街</b>", "城市老街") == (False, True)
    lines = "".join(f"<p>城市老街的第{n}个故事讲了很多事情</p>" for n in range(20))
    assert is_shown(lines + "<b>城市老街</b>", "城市老街") == (False, False)


def test_shown_answers_the_same_when_asked_again_and_only_for_strings() -> None:
    _heading, anywhere = shown_in("<b>城市老街</b>")
    assert "城市老街" in anywhere
    assert "城市老街" in anywhere  # a remembered answer
    assert "城市" not in anywhere
    assert 42 not in anywhere


def test_headings_are_the_h1_texts_in_order_up_to_two_hundred_characters() -> None:
    root = parse_tree(
        "<html><body><h1>第一个</h1><h2>不算</h2><h1> </h1><h1>第二\n个</h1>"
        f"<h1>{'长' * 200}</h1><h1>{'长' * 201}</h1></body></html>"
    )
    assert root is not None
    assert headings(root) == ["第一个", "第二个", "长" * 200]


SHOWN_NOTHING = ""


def choose(
    claims: list[str],
    body: str = SHOWN_NOTHING,
    h1s: list[str] | None = None,
    page_title: str | None = None,
    site: str | None = None,
    dated: str | None = None,
    lead: str | None = None,
) -> str | None:
    return choose_title(
        claims, shown_in(body or "<p>x</p>"), h1s or [], page_title, site, dated, lead
    )


def test_the_first_stated_title_cut_as_far_as_a_heading_shows_it() -> None:
    claims = ["小镇书店开张了_本地新闻_河畔网", "小镇书店开张了_本地新闻_河畔网 首页"]
    assert choose(claims, "<h1>小镇书店开张了</h1>") == "小镇书店开张了"
    # Shown in a bold line only: the same cut.
    assert choose(claims, "<b>小镇书店开张了</b>") == "小镇书店开张了"


def test_a_cut_shown_as_a_heading_beats_a_longer_one_shown_elsewhere() -> None:
    claim = "小镇书店开张了 - 本地新闻"
    body = "<h1>小镇书店开张了</h1><b>小镇书店开张了 - 本地新闻</b>"
    assert choose([claim], body) == "小镇书店开张了"


def test_shown_anywhere_the_short_head_of_a_column_title_is_no_headline() -> None:
    claim = "专栏 | 一个很长很长的标题在这里写着"
    assert choose([claim], "<b>专栏</b><b>一个很长很长的标题在这里写着</b>") == (
        "一个很长很长的标题在这里写着"
    )
    # As a heading the short head wins: the page shows it as its headline.
    assert choose([claim], "<h1>专栏</h1>") == "专栏"


def test_a_headline_followed_by_the_site_after_a_plain_space() -> None:
    claim = "老街改造迎来新变化 河畔日报网"
    assert choose([claim], "<h1>老街改造迎来新变化</h1>") == "老街改造迎来新变化"
    # An opening shorter than a third of the claim is not the headline.
    claim = "老街改造 河畔日报网报道的一条新闻的很长的说明文字在这里"
    assert choose([claim], "<h1>老街改造</h1>") == claim


def test_only_the_most_trusted_stated_title_is_cut_by_the_evidence() -> None:
    claims = ["河边老街的新面貌 | 河畔网", "老街新貌_河畔网"]
    assert choose(claims, "<h1>老街新貌</h1>") == "河边老街的新面貌"


@pytest.mark.parametrize(
    ("claim", "title"),
    [
        # The shown opening must be a third of the claim at least (and four characters).
        ("老街新貌如画 河畔日报网站首页的消息", "老街新貌如画"),  # 6 of 18
        ("老街新貌如画 河畔日报网站首页的一条消息啊", None),  # 6 of 21
        ("老街新貌如画！河畔日报网站首页的消息", "老街新貌如画"),  # cut at any non-letter
        ("老街新貌如画河畔日报网站首页的消息", None),  # but not inside a word
    ],
)
def test_a_shown_opening_of_the_claim_is_the_headline(claim: str, title: str | None) -> None:
    assert choose([claim], "<h1>老街新貌如画</h1>") == (title or claim)


def test_without_evidence_the_stated_title_loses_only_safe_site_suffixes() -> None:
    assert choose(["小镇书店开张了_本地_河畔网"], page_title="别的") == "小镇书店开张了"
    assert choose(["上海-北京高铁今日开通"]) == "上海-北京高铁今日开通"
    assert choose(["Headline here - Field Notes"], site="Field Notes") == "Headline here"
    # "Site" only comes off after a separator, and leaves four characters at least.
    assert choose(["Ends in Notes"], site="Notes") == "Ends in Notes"
    assert choose(["Abcd: Notes"], site="Notes") == "Abcd"
    assert choose(["Abc: Notes"], site="Notes") == "Abc: Notes"
    assert choose(["Notes"], site="Notes") == "Notes"


def test_a_stated_title_cut_at_a_stray_quote_is_restored_from_a_longer_one() -> None:
    claims = ["龙湖集团", "龙湖集团“暗伤”曝露"]
    assert choose(claims) == "龙湖集团“暗伤”曝露"
    assert choose(["龙湖集团"], h1s=["龙湖集团“暗伤”曝露"]) == "龙湖集团“暗伤”曝露"  # or an h1
    # A longer statement that goes on without a quote is another title.
    assert choose(["龙湖集团", "龙湖集团今日公告"]) == "龙湖集团"


def test_only_the_page_title_the_dated_line_the_h1_or_the_lead_line() -> None:
    # <title> alone: the dated line above the date beats it.
    assert choose(["河畔日报网"], page_title="河畔日报网", dated="老街改造") == "老街改造"
    # Without it: the <title>, safely cut, when it does not just name the site.
    assert choose(["老街改造_河畔网"], page_title="老街改造_河畔网") == "老街改造"
    assert choose(["河畔日报网"], page_title="河畔日报网", h1s=["老街改造开工"]) == "老街改造开工"
    assert choose(["河畔日报网"], page_title="河畔日报网", lead="老街改造开工") == "老街改造开工"
    assert choose(["河畔日报网"], page_title="河畔日报网") == "河畔日报网"
    assert choose(["www.example.com"], page_title="www.example.com", h1s=["Old Town"]) == (
        "Old Town"
    )
    assert choose(["Field Notes"], page_title="Field Notes", site="Field Notes", lead="A Walk") == (
        "A Walk"
    )
    # A <title> cut shorter than four characters loses to the longest h1.
    assert choose(["显示"], page_title="显示", h1s=["短", "老街改造开工"]) == "老街改造开工"
    assert choose(["显示"], page_title="显示") == "显示"
    assert choose(["Town"], page_title="Town", h1s=["Old Town Walk"]) == "Town"
    assert choose([], h1s=["短", "老街改造开工"], lead="别的") == "老街改造开工"
    assert choose([]) is None


def dated_of(body: str, before: int | None = None) -> str | None:
    layout = layout_of(body)
    end = len(layout.text) if before is None else before
    return dated_headline(layout, range(len(layout.pieces)), end)


DATE_LINE = "<div>2005-04-05 06:40 来源：本站</div>"


@pytest.mark.parametrize(
    ("above", "headline"),
    [
        ("<div>春天的第一场雨</div>", "春天的第一场雨"),
        ("<div>春天的第一场雨</div><div>[随笔散文]</div>", "春天的第一场雨"),  # a category tag
        ("<div>春天的第一场雨</div><div>【随笔】</div>", "春天的第一场雨"),
        ("<div>春天的第一场雨</div><div>http://blog.example.com/spring</div>", "春天的第一场雨"),
        ("<div>春天的第一场雨</div><div>本报记者 王五 赵六</div>", "春天的第一场雨"),
        ("<div>春天的第一场雨</div><div>本报记者</div>", "春天的第一场雨"),
        ("<div>OK!</div>", None),  # three characters: no headline
        ("<div>Tea!</div>", "Tea!"),
        (f"<div>{'雨' * 200}</div>", "雨" * 200),
        (f"<div>{'雨' * 201}</div>", None),
        # A line with a date is no headline (a link's date line is not a date line itself).
        ("<div>春天的第一场雨</div><a href='/p'>回顾 2005年4月5日的春天</a>", None),
        ("<div>春天的第一场雨</div><div>OK!</div>", None),  # anything else stops the look
    ],
)
def test_the_line_above_a_date_line_is_a_headline(above: str, headline: str | None) -> None:
    assert dated_of(above + DATE_LINE + STORY) == headline


def test_the_dated_headline_looks_six_lines_up_at_most() -> None:
    tags = "".join(f"<div>[标签{n}]</div>" for n in range(5))
    assert dated_of("<div>春天的第一场雨</div>" + tags + DATE_LINE) == "春天的第一场雨"
    tags = "".join(f"<div>[标签{n}]</div>" for n in range(6))
    assert dated_of("<div>春天的第一场雨</div>" + tags + DATE_LINE) is None


@pytest.mark.parametrize(
    ("date_line", "headline"),
    [
        ("<div>2005-04-05</div>", "春天的第一场雨"),
        (f"<div>{'浏' * 40}2005-04-05</div>", "春天的第一场雨"),  # the date within 40 characters
        (f"<div>{'浏' * 41}2005-04-05</div>", None),
        (f"<div>{'浏' * 70}2005-04-05</div>", None),
        ("<div>没有日期的一行</div>", None),
        ("<a href='/x'>2005-04-05</a>", None),  # a link's date is another article's
        ("<ul><li>2005-04-05</li></ul>", None),
        ("<dl><dd><span>2005-04-05</span></dd></dl>", None),
        ("<dl><dd>2005-04-05</dd></dl>", None),
    ],
)
def test_a_date_line_is_short_starts_with_its_date_and_is_no_link(
    date_line: str, headline: str | None
) -> None:
    assert dated_of("<div>春天的第一场雨</div>" + date_line + STORY) == headline


def test_a_date_line_of_eighty_characters_counts_and_longer_ones_do_not() -> None:
    line = "2005-04-05 " + "浏" * 69
    assert len(line) == 80
    assert dated_of(f"<div>春天的第一场雨</div><div>{line}</div>") == "春天的第一场雨"
    assert dated_of(f"<div>春天的第一场雨</div><div>{line}浏</div>") is None


def test_the_date_line_nearest_the_text_and_before_it_is_taken() -> None:
    body = "<div>旧的文章标题</div><div>2001-01-01</div><div>春天的第一场雨</div>" + DATE_LINE
    layout = layout_of(body + STORY)
    indexes = range(len(layout.pieces))
    assert dated_headline(layout, indexes, len(layout.text)) == "春天的第一场雨"
    # A date line starting after the text's start is not above it.
    second_date = layout.pieces[3].start
    assert dated_headline(layout, indexes, second_date) == "春天的第一场雨"
    assert dated_headline(layout, indexes, second_date - 1) == "旧的文章标题"


def lead_of(body: str) -> str | None:
    layout = layout_of(body + STORY)
    first = layout.pieces[-1].start  # the story is the last piece
    return lead_heading(layout, range(len(layout.pieces)), first)


@pytest.mark.parametrize(
    ("lines", "lead"),
    [
        ("<h1>江边码头</h1><div class='title'>沿江铺子</div>", "江边码头"),  # h1: 5
        ("<h3>江边码头</h3><div class='title'>沿江铺子</div>", "沿江铺子"),  # h3 = title: 3
        ("<h2>江边码头</h2><div class='title'>沿江铺子</div>", "江边码头"),  # h2: 4
        ("<div class='title'>江边码头</div><b>沿江铺子</b>", "江边码头"),
        ("<div id='main-headline'>江边码头</div><b>沿江铺子</b>", "江边码头"),
        ("<div class='bt'>江边码头</div><b>沿江铺子</b>", "江边码头"),
        ("<div class='btn'>江边码头</div><b>沿江铺子</b>", "沿江铺子"),  # "bt" as a word only
        ("<b>江边码头</b><b>沿江铺子</b>", "沿江铺子"),  # equal rank: nearer the text
        ("<strong>江边码头</strong><div align='center'>沿江铺子</div>", "江边码头"),
        ("<font size='5'>江边码头</font><center>沿江铺子</center>", "江边码头"),
        ("<font size='+4'>江边码头</font><center>沿江铺子</center>", "江边码头"),
        ("<font size='3'>江边码头</font><center>沿江铺子</center>", "沿江铺子"),
        ("<font>江边码头</font><div align='CENTER'>沿江铺子</div>", "沿江铺子"),
        ("<div>江边码头</div>", None),  # nothing looks like a headline
        ("<b>江</b>", None),  # one character
        ("<b>江边</b>", "江边"),  # two Chinese characters
        ("<b>Old</b>", None),  # three Latin letters
        ("<b>Quay</b>", "Quay"),
        (f"<b>{'江' * 100}</b>", "江" * 100),
        (f"<b>{'江' * 101}</b>", None),
        ("<b>2005年4月5日</b>", None),  # a date is no headline
        ("<a href='/x'><b>江边码头</b></a>", None),  # a link to another article
        ("<ul><li><b>江边码头</b></li></ul>", None),
        ("<h2><span><i><u>江边码头</u></i></span></h2>", "江边码头"),  # three levels up
        ("<h2><span><i><u><s>江边码头</s></u></i></span></h2>", None),  # four: too far
    ],
)
def test_the_most_headline_like_line_above_the_text(lines: str, lead: str | None) -> None:
    assert lead_of(lines) == lead


def test_a_headline_like_line_after_the_texts_start_is_not_the_lead() -> None:
    layout = layout_of("<p>开头的一句话。</p><b>江边码头</b>" + STORY)
    bold = layout.pieces[1].start
    indexes = range(len(layout.pieces))
    assert lead_heading(layout, indexes, bold + 1) == "江边码头"
    assert lead_heading(layout, indexes, bold) is None


# The blog's side column under its banner: more than 200 characters above the post.
BLOG_ABOUT = "".join(f"<div>读书随笔第{n}辑（12）</div>" for n in range(25))


@pytest.mark.parametrize(
    ("title", "above", "expected"),
    [
        # A blog: <title> and banner name the blog; the post's headline is above its date.
        ("某某的博客", "<div>春天的第一场雨</div>", "春天的第一场雨"),
        # The stated title shown just above the date line stays.
        ("春天的第一场雨_某某的博客", "<h2>春天的第一场雨</h2>", "春天的第一场雨"),
    ],
)
def test_a_blog_posts_title_is_the_dated_line(title: str, above: str, expected: str) -> None:
    page = parse_html(
        f"<html><head><title>{title}</title></head><body><div class='banner'>某某的博客</div>"
        f"{BLOG_ABOUT}{above}{DATE_LINE}{STORY}</body></html>",
        "s",
    )
    assert page.meta.title == expected
