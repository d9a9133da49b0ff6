"""Metadata a saved page prints for people: bylines and credits, breadcrumbs, labelled
and bar dates, the bounds of each reading (our own pages in news-site shapes)."""

from __future__ import annotations

import pytest

from tuireader.library.formats.html.layout import Areas
from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.html.tree import parse_tree
from tuireader.library.formats.html.visible import (
    area_author,
    area_date,
    breadcrumb_sections,
    read_visible,
    role_names,
)
from tuireader.library.model import ParsedPage

ARTICLE = "<p>" + "河畔小镇的书店今天开张，镇上的孩子们放学以后有了看书的地方。" * 3 + "</p>"


def page(body: str, title: str = "小镇书店开张了") -> ParsedPage:
    return parse_html(
        f"<html><head><title>{title}</title></head><body>{body}</body></html>", "stem"
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # A photo credit after the names is no name (摄影 looks like a two-character name).
        ("本报记者 王五 摄影", "王五"),
        ("本报记者 王五 赵六 摄影", "王五 赵六"),
        ("记者 摄影", None),
        ("记者 王五 報導", "王五"),
        # A two-character name ending in a credit's character stays whole.
        ("记者 王摄", "王摄"),
        ("记者 王五摄", "王五"),
        ("记者 王五摄影", "王五"),
        ("记者 王五摄 赵六", "王五"),  # the credit ends the names
        # A comma or a colon after a name starts a sentence; other separators list names.
        ("记者 王五, 赵六", None),
        ("记者 王五：赵六", None),
        ("记者 王五/赵六", "王五 赵六"),
        ("记者 王五 | 编辑 赵六", "王五"),
        # Only separators may stand between names: anything else ends them.
        ("记者 王五（实习）赵六", "王五"),
    ],
)
def test_names_after_a_writers_role(byline: str, names: str | None) -> None:
    assert role_names(byline) == names


def test_a_photo_credit_after_the_reporters_name_is_not_an_author() -> None:
    result = page("<h1>小镇书店开张了</h1><div>本报记者 王五 摄影</div>" + ARTICLE * 2)
    assert result.meta.author == "王五"


@pytest.mark.parametrize(
    ("pieces", "after_headline", "author"),
    [
        # A lone name right under the headline, in its first two lines.
        (("胡平",), True, "胡平"),
        (("2005-04-05", "胡平"), True, "胡平"),
        (("2005-04-05", "来自网络", "胡平"), True, None),
        (("胡平",), False, None),  # a name before the text but after no headline: unsure
    ],
)
def test_a_lone_name_under_the_headline(
    pieces: tuple[str, ...], after_headline: bool, author: str | None
) -> None:
    found = Areas(byline=" ".join(pieces), byline_pieces=pieces, after_headline=after_headline)
    assert area_author(found) == author


def test_role_lines_run_on_through_the_byline_and_repeat_no_name() -> None:
    pieces = ("本报实习生 甲乙", "本报记者", "甲乙 丙丁")
    assert area_author(Areas(byline=" ".join(pieces), byline_pieces=pieces)) == "甲乙 丙丁"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("ggjjzhzz 发表于 2005-9-15 11:46", "ggjjzhzz"),
        ("由 王五 张贴", "王五"),
        ("Posted by Dana Reyes on May 3", "Dana Reyes"),
    ],
)
def test_a_blogs_posted_by_line(byline: str, author: str) -> None:
    assert area_author(Areas(byline=byline, byline_pieces=(byline,))) == author


def test_a_posted_by_line_is_read_in_the_first_two_hundred_characters() -> None:
    def found(pad: int) -> str | None:
        text = "导" * pad + " 王五 发表于 2005-9-15"
        return area_author(Areas(byline=text, byline_pieces=("导" * pad,)))

    # The name, the words and the first digit of the date must lie within 200.
    assert found(191) == "王五"
    assert found(192) is None


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("河畔小镇的书店今天开张。（记者 王五）", "王五"),
        ("（记者 王五）" + "后" * 93, "王五"),  # within the last 100 characters
        ("（记者 王五）" + "后" * 94, None),
    ],
)
def test_a_credit_in_brackets_closing_the_text(closing: str, author: str | None) -> None:
    assert area_author(Areas(closing=closing, credit="")) == author


@pytest.mark.parametrize(
    ("credit", "date"),
    [
        ("原载《河畔文学》1998年3月号", "1998-03"),
        ("原载《河畔文学》1998年第12期", "1998-12"),
        ("原载《河畔文学》1998年第13期", None),  # no month 13
        ("原载《河畔文学》1998年第0期", None),
    ],
)
def test_a_magazines_issue_at_the_end_dates_a_reprint(credit: str, date: str | None) -> None:
    assert area_date(Areas(credit=credit)) == date


def test_a_magazines_issue_is_looked_for_in_the_last_two_hundred_characters() -> None:
    issue = "原载《河畔文学》1998年3月号"  # the title's 《 is its third character
    assert area_date(Areas(credit=issue + "后" * (202 - len(issue)))) == "1998-03"
    assert area_date(Areas(credit=issue + "后" * (203 - len(issue)))) is None


def visible(body: str):
    root = parse_tree(f"<html><body>{body}</body></html>")
    assert root is not None
    return read_visible(root)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("<p>成文日期：2005年3月6日</p>", "2005-03-06"),
        ("<p>成文日期： 二〇〇五年三月六日</p>", "2005-03-06"),
        ("<p>成文日期：见附件 2005年3月6日</p>", None),  # the date must follow the label
        ("<p>成文日期：</p><p>2005年3月6日</p>", "2005-03-06"),
    ],
)
def test_a_documents_written_date_follows_its_label(body: str, date: str | None) -> None:
    labels = dict(visible(body).labels)
    assert labels.get("成文日期") == date


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("<p>发布时间：2005-03-06 10:30</p>", "2005-03-06T10:30"),
        (f"<p>发布时间：{' ' * 30}2005-03-06</p>", "2005-03-06"),  # spaces collapse
        (f"<p>发布时间：{'（' * 30}2005-03-06</p>", "2005-03-06"),  # ends 40 after it
        (f"<p>发布时间：{'（' * 31}2005-03-06</p>", None),  # past the 40 after the label
    ],
)
def test_a_labelled_date_is_read_just_after_its_label(body: str, date: str | None) -> None:
    assert visible(body).date == date


@pytest.mark.parametrize(
    ("bar", "date"),
    [
        ("<div class='info'>2005-03-06 来源：本站</div>", "2005-03-06"),
        ("<div class='pubtime'>2005-03-06</div>", "2005-03-06"),
        (f"<div class='info'>{'浏' * 190}2005-03-06</div>", "2005-03-06"),  # 200 characters
        (f"<div class='info'>{'浏' * 191}2005-03-06</div>", None),
        ("<ul><li><span class='date'>2001-01-05</span></li></ul>", None),  # another article's
        ("<dl><dd><span class='date'>2001-01-05</span></dd></dl>", None),
        ("<div>2005-03-06</div>", None),  # no info name
    ],
)
def test_a_date_in_an_info_bar(bar: str, date: str | None) -> None:
    assert visible(bar).date == date


def test_a_time_element_in_a_list_is_another_articles() -> None:
    body = "<ul><li><time datetime='2001-01-05'>旧</time></li></ul><time>2005-03-06</time>"
    assert visible(body).date == "2005-03-06"


@pytest.mark.parametrize(
    ("bylines", "author"),
    [
        # The one that says "By" wins over a plain name found first.
        (
            "<div class='author'>Field Notes</div><p class='byline'>By Dana Reyes</p>",
            "Dana Reyes",
        ),
        ("<span rel='author'>Dana Reyes</span>", "Dana Reyes"),
        ("<span itemprop='author'>Dana Reyes</span>", "Dana Reyes"),
        # Without a "By", the first name found.
        (
            "<div class='author'>Dana Reyes</div><div class='author'>Sam Okafor</div>",
            "Dana Reyes",
        ),
        ("<ul><li><span class='author'>Sam Okafor</span></li></ul>", None),  # other articles
        ("<p class='byline'>By Dana Reyes, March 3, 2015</p>", "Dana Reyes"),
        ("<p class='byline'>By Dana Reyes March 3, 2015</p>", "Dana Reyes"),
        ("<p class='byline'>Tech News by Dana Reyes</p>", "Dana Reyes"),
    ],
)
def test_a_marked_byline_gives_its_name(bylines: str, author: str | None) -> None:
    assert visible(bylines).author == author


@pytest.mark.parametrize(("size", "read"), [(200, True), (201, False)])
def test_a_byline_element_is_at_most_two_hundred_characters(size: int, read: bool) -> None:
    text = "By Dana Reyes " + "·" * (size - 14)
    assert visible(f"<p class='byline'>{text}</p>").author == ("Dana Reyes" if read else None)


def crumbs(markup: str) -> tuple[str, ...]:
    root = parse_tree(f"<html><body>{markup}</body></html>")
    assert root is not None
    return breadcrumb_sections(next(root.iter("body")))


@pytest.mark.parametrize(
    ("markup", "sections"),
    [
        ("<div class='breadcrumb'>新闻 &gt; 本地</div>", ("新闻", "本地")),
        ("<div class='breadcrumb'>首页 &gt; 本地</div>", ()),  # one part besides home: no chain
        ("<div class='breadcrumb'>本地</div>", ()),  # one part, no prefix, no links
        ("<div class='breadcrumb'><a>新闻</a><a>本地</a></div>", ("新闻", "本地")),
        ("<div class='breadcrumb'><a>本地</a></div>", ()),
        ("<div class='breadcrumb'><a>首页</a><a>本地</a></div>", ("本地",)),  # two links
        # Separators split the text, whatever the links hold.
        ("<div class='breadcrumb'><a>新闻/本地</a><a>国际</a></div>", ("新闻", "本地国际")),
        (
            "<div class='breadcrumb'>一 / 二 / 三 / 四 / 五 / 六 / 七</div>",
            ("一", "二", "三", "四", "五", "六"),
        ),
        ("<div class='breadcrumb'>新闻 &gt; 新闻 &gt; 本地</div>", ("新闻", "本地")),
        ("<div>您当前的位置：新闻</div>", ("新闻",)),
        ("<div>位置：新闻 » 本地</div>", ("新闻", "本地")),
        # <li> items without separators: each item is a section.
        ("<ul class='crumb'><li>新闻</li><li>本地</li></ul>", ("新闻", "本地")),
    ],
)
def test_breadcrumb_sections(markup: str, sections: tuple[str, ...]) -> None:
    assert crumbs(markup) == sections


@pytest.mark.parametrize(("size", "read"), [(200, True), (201, False)])
def test_a_breadcrumb_is_at_most_two_hundred_characters(size: int, read: bool) -> None:
    # A third part of over 30 characters is no section; the text counts in full.
    text = "当前位置：新闻 > 本地 > " + "·" * (size - 15)
    assert len(text) == size
    assert crumbs(f"<div class='breadcrumb'>{text}</div>") == (("新闻", "本地") if read else ())


def test_a_labelled_author_wins_over_a_marked_byline() -> None:
    body = "<p class='byline'>By Dana Reyes</p><p>作者：王五</p>"
    assert visible(body).author == "王五"


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # A labelled date first, then a <time>, then an info bar.
        (
            "<div class='info'>2003-03-03</div><time>2001-01-01</time><p>发布时间：2005-03-06</p>",
            "2005-03-06",
        ),
        ("<div class='info'>2003-03-03</div><time>2001-01-01</time>", "2001-01-01"),
        # re.I reads a long s as an s; so does the quick check for English labels.
        ("<p>Po\u017fted: 2005-03-06</p>", "2005-03-06"),
    ],
)
def test_which_page_wide_date_wins(body: str, date: str) -> None:
    assert visible(body).date == date


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("来源：王五", "王五"),  # a person sent it in
        ("来源：河畔日报", None),  # a paper is no author
    ],
)
def test_a_source_that_is_a_person_is_the_author(byline: str, author: str | None) -> None:
    assert area_author(Areas(byline=byline, byline_pieces=(byline,))) == author
    assert area_author(Areas(credit=byline)) == author


def test_a_crumbs_own_colons_go() -> None:
    assert crumbs("<div class='breadcrumb'>新闻： &gt; 本地:</div>") == ("新闻", "本地")
