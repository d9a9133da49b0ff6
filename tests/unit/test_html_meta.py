"""Saved pages: title, date, author and source from the places pages really put them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.html.visible import role_names
from tuireader.library.formats.names import person_names
from tuireader.library.loader import load_article
from tuireader.text.dates import parse_date

ARTICLE = "<p>" + "这是正文的第一段，讲述了一件发生在小镇上的事情。" * 3 + "</p>"


def page(head: str, body: str):
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>", "stem")


def test_title_keeps_ascii_quotes_cut_by_a_broken_meta_attribute() -> None:
    # content="…"暗伤"…" ends the attribute at the first quote: the <title> has it whole.
    result = page(
        '<meta property="og:title" content="河畔集团"暗伤"曝露？">'
        '<title>河畔集团"暗伤"曝露？_财经频道_河畔网</title>',
        f'<h1>河畔集团"暗伤"曝露？</h1>{ARTICLE}',
    )
    assert result.meta.title == '河畔集团"暗伤"曝露？'


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("宇宙里的一杯热茶会怎样 _探索者 _某某网", "宇宙里的一杯热茶会怎样"),
        ("某某博客 » 夜航船上的一次谈话", "夜航船上的一次谈话"),
        ("江边的老码头重新开放 某某网", "江边的老码头重新开放"),
    ],
)
def test_site_names_around_the_headline_go(title: str, headline: str) -> None:
    result = page(f"<title>{title}</title>", f"<div class='title'>{headline}</div>{ARTICLE}")
    assert result.meta.title == headline


def test_json_ld_gives_headline_date_and_author() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A Lighthouse Keeper Retires",
        "datePublished": "2021-03-04T05:06:00+01:00",
        "author": [{"@type": "Person", "name": "Mara Quill"}],
        "publisher": {"@type": "Organization", "name": "Harbour Weekly"},
    }
    result = page(
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
        "<title>Lighthouse keeper retires - Harbour Weekly</title>",
        "<p>The keeper climbed the stairs for the last time this spring morning.</p>",
    )
    assert (result.meta.title, result.meta.date, result.meta.author) == (
        "A Lighthouse Keeper Retires",
        "2021-03-04T05:06",
        "Mara Quill",
    )


KEEPER_BODY = (
    "<p>The keeper climbed the stairs for the last time this spring morning, "
    "and the town came out to watch.</p>"
) * 3


def saved_page(tmp_path: Path, name: str, head: str) -> Path:
    """A page as a browser saves it: doctype, charset, the head given, an article."""
    path = tmp_path / name
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
        f"<body><article>{KEEPER_BODY}</article></body></html>",
        encoding="utf-8",
    )
    return path


def test_json_ld_graph_names_the_article_its_publisher_and_only_its_people(
    tmp_path: Path,
) -> None:
    # The shape of a CMS's schema graph: the site, then the article, which has a name but
    # no headline, an organisation among its authors and a list of publishers.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour Weekly", "url": "https://harbour.example/"},
            {
                "@type": "NewsArticle",
                "name": "The Last Lamp on the Point",
                "datePublished": "2021-03-04T05:06:00+01:00",
                "author": [
                    {"@type": ["Organization", "NewsMediaOrganization"], "name": "Harbour Desk"},
                    {"@type": "Person", "name": "Mara Quill"},
                ],
                "publisher": [{"@type": "Organization", "name": "Harbour Weekly"}],
            },
        ],
    }
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    path = saved_page(tmp_path, "keeper.html", f"<title>Keeper retires | Harbour</title>{script}")
    article = load_article(path, tmp_path)
    assert (article.title, article.meta.date) == ("The Last Lamp on the Point", "2021-03-04T05:06")
    assert (article.meta.author, article.meta.source) == ("Mara Quill", "Harbour Weekly")


def test_json_ld_with_a_raw_line_break_inside_a_string_is_read(tmp_path: Path) -> None:
    # Templates paste a multi-line description as is: not strict JSON, read all the same.
    data = (
        '{"@type": "NewsArticle", "headline": "Tide tables for spring",'
        ' "description": "Two lines\nof summary", "datePublished": "2022-04-05"}'
    )
    script = f'<script type="application/ld+json">{data}</script>'
    article = load_article(
        saved_page(tmp_path, "tides.html", f"<title>Tides</title>{script}"), tmp_path
    )
    assert (article.title, article.meta.date) == ("Tide tables for spring", "2022-04-05")


def test_date_and_source_from_the_line_under_the_headline_not_the_related_list() -> None:
    related = "".join(
        f"<li><a href='/{n}'>另一条新闻{n}</a> 2001-01-0{n}</li>" for n in range(1, 5)
    )
    result = page(
        "<title>小镇的夜市重新开张_本地_某某网</title>",
        f"<ul class='list'>{related}</ul>"
        "<div><b>小镇的夜市重新开张</b></div>"
        "<div>2006-12-27 10:20 来源：河畔晚报 作者：林小雨</div>"
        f"<div>{ARTICLE}</div>",
    )
    assert result.meta.title == "小镇的夜市重新开张"
    assert result.meta.date == "2006-12-27T10:20"
    assert (result.meta.source, result.meta.author) == ("河畔晚报", "林小雨")
    assert all("2006-12-27" not in block.text for block in result.blocks)


def test_a_body_sentence_is_never_the_author() -> None:
    result = page(
        "<title>土地里长出的新产业</title>",
        "<h1>土地里长出的新产业</h1>"
        "<p>记者：“这个县已经形成了县有中心、乡有基地的格局，农民收入连年增长。”</p>"
        f"{ARTICLE}",
    )
    assert result.meta.author is None


def test_reporter_credited_at_the_end_of_the_text() -> None:
    result = page(
        "<title>河堤加固工程完工</title>",
        "<h1>河堤加固工程完工</h1>"
        + ARTICLE
        + "<p>工程于本月通过验收，沿岸居民出行更加方便。（记者 胡 小 蓉）</p>",
    )
    assert result.meta.author == "胡小蓉"


def test_names_under_several_roles_on_the_byline() -> None:
    result = page(
        "<title>旧城改造的一年</title>",
        "<h1>旧城改造的一年</h1><p>本报实习生 周明 赵亮</p><p>本报记者 王芳</p>" + ARTICLE,
    )
    assert result.meta.author == "周明 赵亮 王芳"


def test_lone_name_under_the_headline_of_a_magazine_reprint() -> None:
    result = page(
        "<title>显示</title>",
        "<p align='center'><strong>论城市的记忆</strong></p><p>张平<br>——关于老街的随笔</p>"
        + ARTICLE
        + "<p>——《河畔月刊》1998年3月号</p>",
    )
    assert result.meta.title == "论城市的记忆"
    assert result.meta.author == "张平"
    assert result.meta.date == "1998-03"


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("王五、赵六", "王五 赵六"),
        ("Ann Lee and Bo Chan", "Ann Lee, Bo Chan"),
        ("www.example.cn,河畔日报报业集团,河畔网", None),
        ("L_104485", None),
        ("Forum Software Team and Design Team", None),
        ('size="20"', None),
        ("河畔市人民政府", None),
        ("Harbour Media Inc.", None),  # a company, full stop or not
        ("放飞&心情", "放飞&心情"),  # a Chinese handle with a symbol
        ("Anna Maria Konstantinopoulou-Wetherspoon", "Anna Maria Konstantinopoulou-Wetherspoon"),
        ("Anna Maria Konstantinopoulou-Wetherspoons", None),  # over 40 characters: no name
    ],
)
def test_person_names_refuse_what_is_not_a_person(value: str, names: str | None) -> None:
    assert person_names(value) == names


def test_meta_author_that_is_a_publisher_list_is_ignored() -> None:
    result = page(
        '<meta name="author" content="www.example.cn,河畔日报报业集团,河畔网">'
        "<title>山里的新公路</title>",
        "<h1>山里的新公路</h1>" + ARTICLE + "<p>（记者 李明）</p>",
    )
    assert result.meta.author == "李明"


def test_blog_post_under_a_blog_title() -> None:
    result = page(
        "<title>某某的博客</title>",
        "<div class='blogname'>某某的博客</div>"
        + "<p>友情链接</p>" * 60
        + "<div><a href='/p/1'>江南的雨季</a></div><div>qingshan 发表于 2005-9-15 11:46:00</div>"
        + ARTICLE,
    )
    assert result.meta.title == "江南的雨季"
    assert result.meta.date == "2005-09-15T11:46"
    assert result.meta.author == "qingshan"


def test_page_wrapped_in_one_form_keeps_its_text() -> None:
    result = page(
        "<title>一篇论文的摘要页</title>", f"<form action='x'><div>{ARTICLE}</div></form>"
    )
    assert result.blocks and "小镇" in result.blocks[0].text


def test_small_forms_are_still_dropped() -> None:
    result = page("<title>t</title>", f"<form><p>搜索本站的文字框说明</p></form>{ARTICLE * 3}")
    assert all("搜索本站" not in block.text for block in result.blocks)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布日期： 7/5/2005 9:23:57 PM", "2005-07-05T21:23:57"),
        ("17/09/2004", "2004-09-17"),
        ("9/17/2004", "2004-09-17"),
        ("06/02/2022 - 13:48", None),  # day or month first? not said: no date
    ],
)
def test_slash_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("<div class='byline'>By Ada Lind, Senior Writer, Harbour Weekly</div>", "Ada Lind"),
        ("<div class='authorInfo'>Science by Tom Reyes March 3, 2015 10:00 AM</div>", "Tom Reyes"),
        ("<span class='signature'>Par Claire Dumas (avec Paul Roy)</span>", "Claire Dumas"),
        ("<p class='byline author'>Written by Jo Park Edited by Kim Lee</p>", "Jo Park"),
    ],
)
def test_visible_bylines_give_the_name_only(byline: str, name: str) -> None:
    result = page(
        "<title>A quiet harbour</title>", f"<h1>A quiet harbour</h1>{byline}<p>{'Text. ' * 20}</p>"
    )
    assert result.meta.author == name


def test_meta_author_with_a_contact_address() -> None:
    result = page(
        '<meta name="author" content="Ada Lind (https://example.org/ada)"><title>t</title>', ARTICLE
    )
    assert result.meta.author == "Ada Lind"


def test_json_ld_wrapped_in_cdata() -> None:
    data = '{"@type": "NewsArticle", "datePublished": "2018-12-21T12:55:00Z", "author": [{"@type": "Person", "name": "Rui Costa"}],}'
    result = page(
        f'<script type="application/ld+json">//<![CDATA[\n{data}\n//]]></script><title>t</title>',
        ARTICLE,
    )
    assert (result.meta.date, result.meta.author) == ("2018-12-21T12:55", "Rui Costa")


def test_month_date_under_the_title_and_a_person_as_source() -> None:
    result = page(
        "<title>儿童阅读情况调查报告</title>",
        "<h1>儿童阅读情况调查报告</h1><p>某市阅读研究课题组</p><p>2003年5月</p>"
        + ARTICLE
        + "<p>来源：王小明</p>",
    )
    assert (result.meta.date, result.meta.author) == ("2003-05", "王小明")


def test_links_and_emphasis_of_a_page_are_spans_of_its_text() -> None:
    result = page(
        "<title>t</title>",
        "<article><p>Read <a href='guide.html#setup'>the <b>setup</b> guide</a>, then run "
        "<code>make</code>; <a href='#top'>top</a> and <a href='guide.html'>the guide</a>.</p>"
        "</article>",
    )
    (block,) = result.blocks
    assert block.text == "Read the setup guide, then run make; top and the guide."
    shown = [(s.kind, block.text[s.start : s.end], s.target) for s in block.spans]
    assert shown == [
        ("link", "the setup guide", "guide.html#setup"),
        ("strong", "setup", None),
        ("code", "make", None),
        ("link", "the guide", "guide.html"),  # an in-page "#top" is no link to follow
    ]


def test_a_role_alone_on_its_line_takes_the_names_below_and_the_next_role_too() -> None:
    result = page(
        "<title>江边的老码头今天重新开放</title>",
        "<h1>江边的老码头今天重新开放</h1><p>本报记者</p><p>王五</p><p>通讯员 赵六</p>" + ARTICLE,
    )
    assert result.meta.author == "王五 赵六"


def test_a_photographers_credit_ends_the_names() -> None:
    assert role_names("本报记者 王五 赵六摄") == "王五 赵六"


def test_a_bracketed_name_counts_only_on_the_date_line() -> None:
    lone = page(
        "<title>江边的老码头今天重新开放</title>",
        "<h1>江边的老码头今天重新开放</h1><p>[ 黄宇 ]</p>" + ARTICLE,
    )
    assert lone.meta.author is None
    dated = page(
        "<title>江边的老码头今天重新开放</title>",
        "<h1>江边的老码头今天重新开放</h1><p>2004年7月16日08:19 [ 黄宇 ]</p>" + ARTICLE,
    )
    assert dated.meta.author == "黄宇"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("本报记者 王五 赵六", "王五 赵六"),
        ("本报记者王五", "王五"),
        ("记者：王五", "王五"),
        ("记者: 王五、赵六", "王五 赵六"),
        ("通讯员 李四", "李四"),
        ("实习生 甲乙 本报记者 丙丁", "甲乙 丙丁"),  # roles between names are skipped
        ("新华社记者 王五", "王五"),
        ("（记者 王五）", "王五"),
        ("作者：张三", "张三"),
        ("作 者 张三", "张三"),
        ("撰文 张三", "张三"),
        ("执笔人：张三", "张三"),
        ("文/王五", "王五"),
        ("文／王五", "王五"),
        ("文/图 王五", "王五"),  # the writer took the photos too
        ("文/图：王五", "王五"),
        ("文/图/王五", "王五"),
        ("文图/王五", "王五"),
        ("文字/王五", "王五"),
        ("图/王五", None),  # a photographer only
        ("作者 Jane Doe", "Jane Doe"),
        ("记者 王五 上海报道", "王五"),  # a place follows the name
        ("记者 王五摄", "王五"),  # a photographer's credit
        ("记者 胡 晓 蓉", "胡晓蓉"),  # a name set with spaces between its characters
        ("记者 王五 王五", "王五"),
        ("记者 王五上海报道", None),  # the place is glued on: unsure of the name
        ("记者 王五，赵六", None),  # a comma: a sentence, not a list of names
        ("据报道，记者发现", None),
        ("作者 河畔日报", None),
        ("作文/王五", None),  # 文/ inside a word is no role
        ("记者", None),
        ("王五", None),
    ],
)
def test_role_names_reads_the_names_after_a_writers_role(byline: str, names: str | None) -> None:
    assert role_names(byline) == names


def test_the_writer_who_took_the_photos_too_is_the_author() -> None:
    result = page(
        "<title>小镇书店开张了</title>", "<h1>小镇书店开张了</h1><p>文/图 王五</p>" + ARTICLE
    )
    assert result.meta.author == "王五"


@pytest.mark.parametrize(
    ("crumbs", "sections"),
    [
        # <li> items with no separator between them: each item is a section.
        (
            "<ul class='breadcrumb'><li><a href='/'>首页</a></li><li><a href='/n'>新闻</a></li>"
            "<li>本地</li></ul>",
            ("新闻", "本地"),
        ),
        (
            "<div class='crumbs'><a href='/'>首页</a><a href='/n'>新闻</a><a href='/b'>本地</a></div>",
            ("新闻", "本地"),
        ),
        ("<div class='location'>当前位置：新闻</div>", ("新闻",)),  # one section after the prefix
        ("<div class='location'>当前位置：首页 &gt; 新闻 &gt; 本地</div>", ("新闻", "本地")),
    ],
)
def test_breadcrumb_shapes_give_the_sections(crumbs: str, sections: tuple[str, ...]) -> None:
    result = page("<title>小镇书店开张了</title>", crumbs + "<h1>小镇书店开张了</h1>" + ARTICLE)
    assert result.meta.sections == sections


@pytest.mark.parametrize(
    "byline",
    [
        "<div>2024-03-01 本报记者</div>",
        "<p>2024-03-01</p><p>本报记者</p>",
        "<div>2024-03-01 | 本报记者</div>",
    ],
)
def test_a_role_with_no_name_after_it_names_no_author(byline: str) -> None:
    result = page(
        "<title>小镇书店开张了</title>", "<h1>小镇书店开张了</h1>" + byline + ARTICLE + ARTICLE
    )
    assert (result.meta.author, result.meta.date) == (None, "2024-03-01")


@pytest.mark.parametrize(("length", "kept"), [(30, True), (31, False)])
def test_a_breadcrumb_item_longer_than_thirty_characters_is_no_section(
    length: int, kept: bool
) -> None:
    crumb = "河" * length
    result = page(
        "<title>小镇书店开张了</title>",
        f"<div class='location'>当前位置：首页 &gt; 新闻 &gt; {crumb}</div><h1>小镇书店开张了</h1>"
        + ARTICLE,
    )
    assert result.meta.sections == (("新闻", crumb) if kept else ("新闻",))


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("<p>河畔小镇文化工作组 2003年5月</p>", "2003-05"),  # a report dated by month
        ("<p>河畔小镇文化工作组 2003年12月</p>", "2003-12"),
        ("<p>河畔小镇文化工作组 2003年1月</p>", "2003-01"),
        ("<p>河畔小镇文化工作组　2003年13月</p>", None),  # no such month
        ("<p>河畔小镇文化工作组　2003年0月</p>", None),
    ],
)
def test_a_month_under_the_headline_dates_the_article(byline: str, date: str | None) -> None:
    result = page(
        "<title>小镇书店开张了</title>", "<h1>小镇书店开张了</h1>" + byline + ARTICLE + ARTICLE
    )
    assert result.meta.date == date


@pytest.mark.parametrize(
    ("closing", "author", "editor"),
    [
        ("<p>河畔小镇的书店今天开张。（王五 上海报道）</p>", "王五", None),  # name, then a place
        ("<p>河畔小镇的书店今天开张。（王五）</p>", "王五", None),  # a name shaped like one
        ("<p>河畔小镇的书店今天开张。（王五 赵六）</p>", "王五 赵六", None),
        ("<p>河畔小镇的书店今天开张。（小明）</p>", None, None),  # no family name: unsure
        ("<p>河畔小镇的书店今天开张。（王五 上海）</p>", None, None),  # a place with no 报道
        ("<p>执笔人：王五</p>", "王五", None),
        ("<p>编辑：王五</p>", "王五", "王五"),  # with no writer named, the editor is credited
    ],
)
def test_credits_closing_the_article(closing: str, author: str | None, editor: str | None) -> None:
    result = page(
        "<title>小镇书店开张了</title>", "<h1>小镇书店开张了</h1>" + ARTICLE + ARTICLE + closing
    )
    assert (result.meta.author, result.meta.editor) == (author, editor)


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("<h2>河边的小书店</h2>", "河边的小书店"),
        ("<div class='biaoti'>类名的标题</div>", "类名的标题"),  # named like a title
        ("<div class='bt'>短类名标题</div>", "短类名标题"),
        ("<font size='5'>大字的标题</font>", "大字的标题"),
        ("<p align='center'>居中的标题</p>", "居中的标题"),
        ("<center>居中的标签</center>", "居中的标签"),
        # The strongest look wins; between equals, the one nearest the text.
        ("<h3>三级的标题</h3><p><strong>粗体的标题</strong></p>", "三级的标题"),
        ("<p><strong>粗体的标题</strong></p><h3>三级的标题</h3>", "三级的标题"),
        ("<p><b>第一个粗体</b></p><p><b>第二个粗体</b></p>", "第二个粗体"),
        ("<div class='biaoti'><div><div><span>近处的标题</span></div></div></div>", "近处的标题"),
        # None of these is a headline: the page's own <title> stays.
        (
            "<div class='biaoti'><div><div><div><span>深处的标题</span></div></div></div></div>",
            "显示",
        ),
        ("<font size='3'>小字的标题</font>", "显示"),
        ("<p><strong>2005年3月6日</strong></p>", "显示"),
        ("<p><a href='/x'><strong>链接里的标题</strong></a></p>", "显示"),
        ("<p><strong>Hi</strong></p>", "显示"),
    ],
)
def test_a_headline_by_its_look_when_the_page_states_no_title(lead: str, title: str) -> None:
    assert page("<title>显示</title>", lead + ARTICLE + ARTICLE).meta.title == title


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("<div>江南的雨季</div>", "江南的雨季"),
        # An address, a [tag] and a byline between the headline and its date are skipped.
        ("<div>江南的雨季</div><div>http://www.example.com/blog</div>", "江南的雨季"),
        ("<div>江南的雨季</div><div>[随笔]</div>", "江南的雨季"),
        ("<div>江南的雨季</div><div>本报记者 王五</div>", "江南的雨季"),
        ("<div>雨季</div>", "某某的博客"),  # too short for a headline
        ("<div>2005-9-14 江南</div>", "某某的博客"),  # another date line
    ],
)
def test_the_line_above_a_blogs_date_line_is_the_post_title(above: str, title: str) -> None:
    result = page(
        "<title>某某的博客</title>",
        "<div class='blogname'>某某的博客</div>"
        + "<p>友情链接</p>" * 60
        + above
        + "<div>2005-9-15 11:46:00</div>"
        + ARTICLE
        + ARTICLE,
    )
    assert result.meta.title == title
