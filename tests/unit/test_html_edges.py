"""Saved pages: what sits around the article text goes, and the date the text itself
bears wins over the date a site posted it (our own pages in the shapes news sites use)."""

from __future__ import annotations

import re

import pytest

from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.plain.noise import is_noise_line

PARA = "这是正文的一段话，讲述了河边小镇上新开的一家书店和它的老板。" * 3
PARA2 = "书店的老板说，开这家店是为了让镇上的孩子们放学后有个地方看书。" * 3


def page(body: str, head: str = ""):
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", "stem")


def texts(result) -> list[str]:
    return [block.text for block in result.blocks]


def test_closing_labels_related_list_and_pager_leave_the_text() -> None:
    body = (
        "<div id='content'><h1>小镇书店开张了</h1>"
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA}</p><p>{PARA2}</p>"
        "<p>来源：河畔晚报</p><p>编辑：林小文</p><p>相关报道：</p>"
        "<p>·河畔小镇新修了一座桥（2005-04-03 17:19PM）</p>"
        "<p>·镇上的老电影院重新开放（2005-04-01 16:19PM）</p>"
        "<p>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p></div>"
    )
    result = page(body)
    assert texts(result) == [PARA, PARA2, PARA, PARA2]
    assert (result.meta.source, result.meta.editor) == ("河畔晚报", "林小文")


def test_a_headline_printed_with_its_date_and_pager_is_not_body_text() -> None:
    body = (
        "<table><tr><td>小镇书店开张了</td></tr>"
        "<tr><td>2005-04-05 06:40更新 来源：转载文章 | 第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;"
        "</td></tr></table>"
        f"<div class='content'><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    result = page(body, "<title>小镇书店开张了</title>")
    assert texts(result) == [PARA, PARA2]


def test_a_blog_front_page_keeps_only_its_first_post() -> None:
    posts = [
        ("小镇书店开张了", "2005-06-14 03:25:55", PARA),
        ("秋天的河边", "2005-06-13 15:00:14", PARA2),
        ("再说那家书店", "2005-06-11 14:05:50", PARA),
    ]
    body = (
        "<div class='posts'>"
        + "".join(
            f"<table><tr><td>{title}</td><td>{date}</td><td></td></tr></table>"
            f"<p>{text}</p><p>[打印]</p>"
            for title, date, text in posts
        )
        + "</div>"
    )
    result = page(body, "<title>小镇书店开张了</title>")
    assert result.meta.title == "小镇书店开张了"
    assert texts(result) == [PARA]


def test_a_date_line_under_the_headline_dates_the_text_and_leaves_it() -> None:
    body = (
        "<div class='Date'>2005-03-06 16:17:00</div>"
        "<div class='Content'><p align=center><strong>河畔小镇阅读情况调查报告</strong></p>"
        "<p align=center><strong>河畔小镇文化工作组</strong></p>"
        "<p align=center><strong>2003年5月</strong></p>"
        f"<p>{PARA}</p><p>{PARA2}</p></div>"
    )
    result = page(body, "<title>河畔小镇阅读情况调查报告</title>")
    assert result.meta.date == "2003-05"
    assert "2003年5月" not in texts(result)
    assert PARA in texts(result)


def test_a_documents_written_date_wins_over_its_posting_date() -> None:
    body = (
        "<table><tr><td>发文机关：</td><td>河畔县人民政府</td></tr>"
        "<tr><td>成文日期：</td><td>2022年01月27日</td></tr>"
        "<tr><td>发布日期：</td><td>2022年01月28日</td></tr></table>"
        f"<div class='content'><h1>关于河道整治的通告</h1><p>{PARA}</p><p>{PARA2}</p></div>"
    )
    head = '<meta name="PubDate" content="2022-01-28 00:00:00"><title>关于河道整治的通告</title>'
    assert page(body, head).meta.date == "2022-01-27"


def test_without_a_written_date_the_posting_date_stands() -> None:
    body = f"<div class='content'><h1>关于河道整治的通告</h1><p>{PARA}</p></div>"
    head = '<meta name="PubDate" content="2022-01-28 00:00:00"><title>关于河道整治的通告</title>'
    assert page(body, head).meta.date == "2022-01-28T00:00"


def test_pager_lines_are_noise_and_sentences_about_pages_are_not() -> None:
    assert is_noise_line("第1页/共3页 << 上一页 | 下一页 >>")
    assert is_noise_line("上一页 下一页")
    assert not is_noise_line("这件事我们在上一页已经说过，下一页再谈它的后果。")
    assert not is_noise_line("第3页")


def test_wiki_edit_links_beside_headings_go() -> None:
    body = (
        "<div id='content'><h1>河畔镇</h1>"
        f"<p>{PARA}</p>"
        "<h2><span class='mw-headline'>历史</span>"
        "<span class='mw-editsection'>[<a href='/edit'>编辑</a>]</span></h2>"
        f"<p>{PARA2}</p></div>"
    )
    result = page(body, "<title>河畔镇</title>")
    assert "历史" in texts(result)
    assert not any("编辑" in text for text in texts(result))


@pytest.mark.parametrize(
    "headline",
    [
        "小镇书店开张了 | 2005-06-14 03:25",
        "小镇书店开张了 —— 2005-06-14 03:25",  # separators of any kind between them
        "小镇书店开张了 · 2005-06-14 03:25",
        "小镇书店开张了<br>2005-06-14 来源：河畔晚报",
        "小镇书店开张了 2005-06-14<br>[打印]",
        "小镇书店开张了——2005-06-14<br>2005-06-15 编辑：林小文",
        "小镇书店开张了<br><br>2005-06-14",
    ],
)
def test_a_headline_with_its_date_line_is_not_body_text(headline: str) -> None:
    body = f"<div class='content'><p>{headline}</p><p>{PARA}</p><p>{PARA2}</p></div>"
    result = page(body, "<title>小镇书店开张了</title>")
    assert result.meta.title == "小镇书店开张了"
    assert result.meta.date is not None and result.meta.date.startswith("2005-06-14")
    assert texts(result) == [PARA, PARA2]


def test_a_first_sentence_opening_with_the_headline_words_is_body_text() -> None:
    body = f"<div class='content'><p>小镇书店开张了，镇上的人都很高兴。</p><p>{PARA}</p><p>{PARA2}</p></div>"
    result = page(body, "<title>小镇书店开张了</title>")
    assert texts(result) == ["小镇书店开张了，镇上的人都很高兴。", PARA, PARA2]


@pytest.mark.parametrize(("length", "ends"), [(100, True), (101, False)])
def test_the_next_posts_dated_headline_ends_the_article_up_to_a_hundred_characters(
    length: int, ends: bool
) -> None:
    date = " | 2005-06-13 15:00"
    other = "秋" * (length - len(date)) + date
    body = (
        f"<div class='posts'><p>小镇书店开张了 | 2005-06-14 03:25</p><p>{PARA}</p>"
        f"<p>{other}</p><p>{PARA2}</p></div>"
    )
    result = page(body, "<title>小镇书店开张了</title>")
    assert texts(result) == ([PARA] if ends else [PARA, other, PARA2])


CLUTTER = {
    "<nav>导航甲</nav>": False,
    "<aside>侧栏乙</aside>": False,
    "<footer>页脚丙</footer>": False,
    "<header>页头丁</header>": False,
    "<menu><li>菜单戊</li></menu>": False,
    "<div role='navigation'>角色己</div>": False,
    "<div role='contentinfo'>角色庚</div>": False,
    "<div role='main'>角色主</div>": True,
    "<div class='share-bar'>分享辛</div>": False,
    "<div id='comments'>评论壬</div>": False,
    "<div class='related-posts'>相关癸</div>": False,
    "<div class='pinglun'>评论子</div>": False,
    "<div class='mysidebarx'>子串未</div>": False,  # long clutter words count inside others
    "<div class='hot'>热门丑</div>": False,
    "<div class='col side'>侧边寅</div>": False,
    "<div class='article_info'>信息卯</div>": False,  # short words count as whole tokens
    "<div class='info-box'>信息酉</div>": False,
    "<div class='hotel'>酒店申</div>": True,  # ... never inside a longer word
    "<div class='print-link'>打印辰</div>": False,
    "<form>搜索巳</form>": False,
    "<script>var 脚本午;</script>": False,
}


def test_clutter_inside_the_article_goes_by_tag_role_and_class() -> None:
    # The wrapper's own "sidebar" does not count: it holds the headline.
    inner = "".join(f"<p>{PARA}</p>{markup}" for markup in CLUTTER)
    body = f"<div class='page has-sidebar'><h1>小镇书店</h1>{inner}</div>"
    shown = "".join(texts(page(body, "<title>小镇书店</title>")))
    assert shown.count(PARA) == len(CLUTTER)
    for markup, kept in CLUTTER.items():
        word = re.sub("<[^>]+>", "", markup)
        assert (word in shown) is kept, markup
