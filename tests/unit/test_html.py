"""Saved web pages: metadata, breadcrumb sections, article text without the clutter."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.library.formats.html.page import parse_html, sniff_charset
from tuireader.library.formats.html.title import strip_site_suffix, title_cuts
from tuireader.library.loader import load_article
from tuireader.library.model import (
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    RULE,
    TABLE,
    Block,
    TableShape,
)

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def load(name: str):
    path = PAGES / name
    return parse_html(path.read_text(encoding="utf-8"), path.stem)


def body_of(page) -> str:
    return "\n".join(block.text for block in page.blocks)


def test_chinese_news_page_metadata() -> None:
    page = load("cn_news.html")
    assert page.meta.title == "河畔市图书馆延长夜间开放时间 市民阅读有了新去处"
    assert page.meta.date == "2022-11-01T10:02"
    assert page.meta.source == "河畔日报"
    assert page.meta.author == "林晓雨"
    assert page.meta.sections == ("河畔日报网", "新闻中心", "要闻")
    assert page.meta.description == "河畔市图书馆自11月起将夜间开放时间延长至22点。"
    assert page.warnings == ()


def test_chinese_news_page_text_without_clutter() -> None:
    page = load("cn_news.html")
    text = body_of(page)
    assert page.blocks[0].text.startswith("本报讯（记者 林晓雨）从11月1日起")  # indent removed
    assert "公共文化服务。" in text
    assert "自习室 | 8:00-22:00 | 8:00-22:00" in text
    # The editor's label line closing the text is metadata (as in plain-text pages).
    assert page.meta.editor == "周明"
    assert "责任编辑" not in text
    for clutter in (
        "首页", "登录", "热点排行", "网友评论", "分享到", "相关新闻", "上一篇", "版权所有",
        "友情链接", "这段脚本里的文字不应出现", "脚本结尾的假段落", "发布时间", "广告",
    ):  # fmt: skip
        assert clutter not in text, clutter
    assert all(block.kind in (PARAGRAPH, TABLE) for block in page.blocks)


def test_english_blog_metadata() -> None:
    page = load("en_blog.html")
    assert page.meta.title == "Why I Keep a Paper Notebook"
    assert page.meta.date == "2023-03-14T08:30"
    assert page.meta.author == "Dana Reyes"  # not the article:author profile URL
    assert page.meta.url == "https://fieldnotes.example/2023/paper-notebook/"
    assert page.meta.source == "Field Notes"
    assert page.meta.sections == ("Essays",)  # breadcrumb without Home and the title crumb
    assert page.meta.tags == ("writing", "tools")


def test_english_blog_blocks() -> None:
    blocks = load("en_blog.html").blocks
    kinds = [block.kind for block in blocks]
    assert kinds.count(HEADING) == 2
    assert Block(HEADING, "What goes in it", 2) in blocks
    assert Block(LIST_ITEM, "Some get answered.", 1) in blocks
    assert Block(LIST_ITEM, "Quotes from whatever I am reading.", 0) in blocks
    assert Block(QUOTE, "The faintest ink is better than the best memory.") in blocks
    assert Block(LIST_ITEM, "Photograph.", 0, 3) in blocks
    assert Block(LIST_ITEM, "File.", 0, 4) in blocks
    assert Block(RULE, "") in blocks
    code = next(block for block in blocks if block.kind == CODE)
    assert code.text.splitlines()[1] == '    mv "$f" "archive/$(date +%F)-$(basename "$f")"'
    assert blocks[0].text.startswith("Every few months someone asks")
    assert "phone can do everything" in blocks[0].text  # source line break became a space
    text = "\n".join(block.text for block in blocks)
    for clutter in ("Skip to content", "Share on", "Recent posts", "Great post", "Previous"):
        assert clutter not in text, clutter


def test_page_whose_only_date_is_visible_text() -> None:
    page = load("cn_visible_date.html")
    assert page.meta.date == "2021-12-03T15:40"
    assert page.meta.title == "关于做好冬季道路养护工作的通知"
    assert page.meta.sections == ("政务公开", "通知公告")
    texts = [block.text for block in page.blocks]
    assert texts[0] == "各乡镇人民政府，县直有关部门："  # <br> split the div soup
    assert "特此通知。" in texts
    assert not any("打印本页" in text or "浏览次数" in text for text in texts)


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ('<meta property="og:title" content="OG wins">', "<h1>Heading</h1>", "OG wins"),
        (
            '<meta property="og:title" content="Headline here - Field Notes">'
            '<meta property="og:site_name" content="Field Notes">',
            "",
            "Headline here",
        ),
        (
            '<meta property="og:title" content="Ends in Notes">'
            '<meta property="og:site_name" content="Notes">',
            "",
            "Ends in Notes",
        ),
        (
            "<title>Heading text here - Site</title>",
            "<h1>Heading text here</h1>",
            "Heading text here",
        ),
        ("<title>Real headline | Site</title>", '<h1 class="x">MySite</h1>', "Real headline"),
        ("<title>新闻标题在这里_要闻_某某网</title>", "", "新闻标题在这里"),
        ("", "<h1>Only a heading</h1><p>text</p>", "Only a heading"),
        ("", "<p>no title anywhere</p>", "the-stem"),
    ],
)
def test_title_sources(head: str, body: str, title: str) -> None:
    page = parse_html(f"<html><head>{head}</head><body>{body}</body></html>", "the-stem")
    assert page.meta.title == title


@pytest.mark.parametrize(
    ("markup", "title"),
    [
        # a logo h1 first, the headline h1 later, "-" glued to the site name
        (
            "<title>多地出台措施稳就业-新华网</title><h1><a>新华网</a></h1><h1>多地出台措施稳就业</h1>",
            "多地出台措施稳就业",
        ),
        # no h1: the headline is shown in a <b>; the <title> chains two separators
        (
            "<title>我的小村庄 -- 散文 - 某某文学网</title><center><b>我的小村庄</b></center><p>x</p>",
            "我的小村庄",
        ),
        # <title> is only the site name, the h1 is the headline
        ("<title>河畔日报网</title><h1>一条足够长的新闻标题</h1>", "一条足够长的新闻标题"),
        # a headline containing a hyphen is not cut without evidence
        ("<title>上海-北京高铁今日开通</title><p>x</p>", "上海-北京高铁今日开通"),
    ],
)
def test_title_from_page_evidence(markup: str, title: str) -> None:
    assert parse_html(f"<html>{markup}</html>", "s").meta.title == title


def test_title_heading_is_not_repeated_in_the_blocks() -> None:
    page = parse_html("<body><div><h1>The title</h1><p>Body text of it.</p></div></body>", "s")
    assert page.meta.title == "The title"
    assert page.blocks == (Block(PARAGRAPH, "Body text of it."),)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("短题_要闻_中国某某网", "短题_要闻"),  # a two-character head would be too short
        ("春天来了_河畔网", "春天来了"),  # four characters are enough
        ("一个足够长的标题_要闻_中国某某网", "一个足够长的标题"),
        ("Python 3.12 - what's new - Blog", "Python 3.12 - what's new"),
        ("Explaining snake_case", "Explaining snake_case"),
        ("No suffix at all", "No suffix at all"),
        ("长标题在这里 | 网站名", "长标题在这里"),
    ],
)
def test_strip_site_suffix(title: str, expected: str) -> None:
    assert strip_site_suffix(title) == expected


@pytest.mark.parametrize(
    ("markup", "date"),
    [
        (
            '<head><meta name="pubdate" content="2020-05-06 07:08"></head><p>x</p>',
            "2020-05-06T07:08",
        ),
        ('<head><meta name="PubDate" content="2020-05-06"></head><p>x</p>', "2020-05-06"),
        (
            '<body><time datetime="2019-01-02T03:04:00Z">Jan 2</time><p>x</p></body>',
            "2019-01-02T03:04",
        ),
        ("<body><div>发布时间：2018年3月4日 09:10</div><p>正文内容</p></body>", "2018-03-04T09:10"),
        ("<body><p>Published: 12 June 2017</p><p>text</p></body>", "2017-06-12"),
        ('<body><span class="info">2016-07-08</span><p>text</p></body>', "2016-07-08"),
        ("<body><p>开放时间：8:00-22:00</p></body>", None),
    ],
)
def test_date_sources(markup: str, date: str | None) -> None:
    assert parse_html(f"<html>{markup}</html>", "s").meta.date == date


def test_byline_and_labeled_author_and_source() -> None:
    page = parse_html('<body><p class="byline">By Sam Okafor</p><p>Story text.</p></body>', "s")
    assert page.meta.author == "Sam Okafor"
    page = parse_html("<body><p>来源：晨报　作者：王五</p><p>正文。</p></body>", "s")
    assert (page.meta.source, page.meta.author) == ("晨报", "王五")


def test_breadcrumb_by_prefix_text() -> None:
    page = parse_html("<body><div>当前位置：首页 > 体育 > 足球</div><p>比赛报道。</p></body>", "s")
    assert page.meta.sections == ("体育", "足球")


def test_meta_section_when_no_breadcrumb() -> None:
    page = parse_html('<head><meta name="ColumnName" content="要闻"></head><p>x</p>', "s")
    assert page.meta.sections == ("要闻",)


def test_data_table_rows_and_layout_table_cells() -> None:
    data = (
        "<table><tr><th>A</th><th align='right'>B</th></tr>"
        "<tr><td>1</td><td>2<br>3</td></tr></table>"
    )
    assert parse_html(f"<body>{data}</body>", "s").blocks == (
        Block(
            TABLE,
            "A | B\n1 | 2 3",
            table=TableShape((((0, 1), (4, 5)), ((6, 7), (10, 13))), 1, ("", "right")),
        ),
    )
    layout = "<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td></tr></table>"
    assert parse_html(f"<body>{layout}</body>", "s").blocks == (
        Block(PARAGRAPH, "First paragraph."),
        Block(PARAGRAPH, "Second paragraph."),
    )


def test_link_list_inside_the_content_is_skipped() -> None:
    links = "".join(f'<li><a href="/{n}">Other story {n}</a></li>' for n in range(4))
    markup = (
        f"<body><div><p>The article text is here.</p><ul>{links}</ul><p>More text.</p></div></body>"
    )
    texts = [block.text for block in parse_html(markup, "s").blocks]
    assert texts == ["The article text is here.", "More text."]


def test_wrapper_named_like_clutter_is_kept_when_it_holds_the_article() -> None:
    markup = '<body><div class="page has-sidebar"><p>All of the article text sits in here.</p></div></body>'
    assert parse_html(markup, "s").blocks == (
        Block(PARAGRAPH, "All of the article text sits in here."),
    )


def test_sidebar_longer_than_the_article_is_still_removed() -> None:
    sidebar = '<div class="sidebar">' + "<p>Another story teaser here.</p>" * 30 + "</div>"
    markup = f'<body><div class="wrap"><h1>Title</h1><p>Short article.</p></div>{sidebar}</body>'
    page = parse_html(markup, "s")
    assert page.blocks == (Block(PARAGRAPH, "Short article."),)


def test_article_in_a_box_with_a_weak_clutter_word_is_kept() -> None:
    body = "<p>" + "The article body sentence. " * 20 + "</p>"
    markup = f'<body><div class="top"><h1>Title</h1></div><div class="info-box">{body}</div></body>'
    page = parse_html(markup, "s")
    assert page.blocks and page.blocks[0].text.startswith("The article body sentence.")


def test_utility_class_named_position_is_not_a_breadcrumb() -> None:
    markup = '<body><div class="position-relative"><span>Menu</span></div><p>Text.</p></body>'
    assert parse_html(markup, "s").meta.sections == ()


def test_date_from_the_file_name_when_the_page_has_none() -> None:
    assert parse_html("<p>No date here.</p>", "2020-07-01-slug").meta.date == "2020-07-01"


def test_cjk_line_breaks_in_source_join_without_space() -> None:
    page = parse_html("<body><p>第一行\n    第二行 and\nEnglish</p></body>", "s")
    assert page.blocks == (Block(PARAGRAPH, "第一行第二行 and English"),)


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   \n",
        "<!-- only a comment -->",
        "<html><head><title>T</title></head></html>",
        "<div>" * 100_000 + "deep" + "</div>" * 100_000,
        "<ul><li>" * 5000 + "x",
        "<table><tr><td>" * 300 + "cell",
        "<p>a&#27;[2Jb &#0; &#x9b;</p>",
        "<body><script>var a = '</p><p>evil</p>';</script><p>real</p></body>",
        '<?xml version="1.0" encoding="gbk"?><html><body><p>x</p></body></html>',
        "<frameset><frame src=a></frameset>",
        "\x00\x01\x02\xff" * 100,
        "<html><body><p>one<p>two<div>three<table><tr><td>four",
        "<p>lone \ud800 surrogate</p>",
        "<p " + "a=b " * 10000 + ">attrs</p>",
        "<ol start='99999999999999999999'><li>x</li></ol>",
    ],
    ids=lambda markup: ascii(markup[:24]) + (f"..({len(markup)})" if len(markup) > 24 else ""),
)
def test_hostile_pages_never_raise(markup: str) -> None:
    page = parse_html(markup, "stem")
    assert page.meta.title
    assert all(
        block.kind in (PARAGRAPH, HEADING, LIST_ITEM, QUOTE, CODE, RULE, TABLE)
        for block in page.blocks
    )


def test_script_text_never_reaches_the_blocks() -> None:
    page = parse_html("<body><script>var a = '</p><p>evil</p>';</script><p>real</p></body>", "s")
    assert page.blocks == (Block(PARAGRAPH, "real"),)


def test_empty_page_has_a_warning() -> None:
    assert parse_html("", "s").warnings == ("empty HTML document",)
    assert parse_html("<html><head></head></html>", "s").warnings == (
        "no article text found in the page",
    )


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "gb2312"),
        (b"<meta charset='UTF-8'>", "utf-8"),
        (b'<META CHARSET="Big5">', "big5"),
        (b"<p>no declaration</p>", None),
        (b'<?xml version="1.0" encoding="GB18030"?><html>', "gb18030"),
        (b" " * 5000 + b"<meta charset=gbk>", None),  # past the first 4 KB
    ],
)
def test_sniff_charset(data: bytes, charset: str | None) -> None:
    assert sniff_charset(data) == charset


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='nav'>",
                "<div>",
                "</div>",
                "<br>",
                "<li>",
                "<ul>",
                "<table><tr><td>",
                "<pre>",
                "<h1>",
                "</h1>",
                "<script>",
                "</script>",
                "&#27;",
                "<!--",
                "-->",
                "文字",
                "words ",
                "\n",
                "<title>",
                "<meta name=pubdate content=",
                "'",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_any_tag_soup_parses_without_error(markup: str) -> None:
    page = parse_html(markup, "stem")
    assert page.meta.title
    assert all(block.text or block.kind == RULE for block in page.blocks)


def _nested(depth: int) -> str:
    return (
        "<html><body><h1>Deep page</h1>"
        + "<div>" * depth
        + "<p>Words at the bottom of the nesting.</p><p>And more words there.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_nested_past_the_parser_cap_keeps_its_text(depth: int) -> None:
    parsed = parse_html(_nested(depth), "deep")
    assert [block.text for block in parsed.blocks] == [
        block.text for block in parse_html(_nested(5), "deep").blocks
    ]
    assert "Words at the bottom of the nesting." in [block.text for block in parsed.blocks]
    assert "no article text found in the page" not in parsed.warnings


def test_unclosed_tags_past_the_cap_keep_their_text() -> None:
    page = "<html><body><h1>T</h1>" + "<span><b>" * 300 + "Deep words.<p>Next one.</p>"
    assert [b.text for b in parse_html(page, "x").blocks] == ["Deep words.", "Next one."]


def test_title_shown_as_a_headline_broken_by_br_is_cut_from_the_site_name() -> None:
    page = (
        "<html><head><title>城市更新 老街新生——河畔日报网</title></head><body>"
        "<div class='nav'>首页 新闻</div><h1>城市更新<br>老街新生</h1>"
        "<p>" + "老街的改造从去年春天开始，居民们一起商量方案。" * 4 + "</p>"
        "<p>" + "第二段讲的是改造以后的变化，小店重新开门。" * 4 + "</p></body></html>"
    )
    assert parse_html(page, "x").meta.title == "城市更新老街新生"


def saved(tmp_path: Path, name: str, title: str, body: str) -> Path:
    """A page as a browser saves it (doctype, charset, title), written in ``tmp_path``."""
    path = tmp_path / name
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


QUAY = "<p>" + "沿江的老码头经过一年的修缮，今天重新向市民开放，铺子也陆续开门迎客。" * 3 + "</p>"


def test_a_breadcrumb_ending_in_the_cut_title_is_no_section(tmp_path: Path) -> None:
    crumbs = (
        '<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/local/">本地</a> &gt; '
        "<span>老码头修缮一新今天重新…</span></div>"
    )
    headline = "老码头修缮一新今天重新向市民开放"
    path = saved(
        tmp_path, "quay.html", f"{headline}_本地_河畔网", f"{crumbs}<h1>{headline}</h1>{QUAY}"
    )
    article = load_article(path, tmp_path)
    assert (article.title, article.meta.sections) == (headline, ("本地",))


def test_a_date_in_a_related_list_is_not_the_pages_date(tmp_path: Path) -> None:
    related = (
        '<dl class="related"><dt>More from the harbour</dt><dd><a href="/old">Old news</a> '
        '<time datetime="2001-01-05">5 Jan 2001</time></dd></dl>'
    )
    text = "The tide tables for the spring are out, and the harbour master has a warning."
    path = saved(
        tmp_path,
        "tides.html",
        "Tide tables",
        f"{related}<article><h1>Tide tables</h1><p>{text}</p></article>",
    )
    article = load_article(path, tmp_path)
    assert (article.title, article.meta.date) == ("Tide tables", None)


def test_a_table_cell_aligned_by_its_style_keeps_the_alignment(tmp_path: Path) -> None:
    rows = "".join(
        f'<tr><td>{fruit}</td><td style="text-align:right">{price}</td></tr>'
        for fruit, price in (("Apples", "3.20"), ("Pears", "2.10"))
    )
    table = f'<table><tr><th>Fruit</th><th style="text-align: right">Price</th></tr>{rows}</table>'
    lead = "<p>The market prices for this week, as the traders gave them on Monday.</p>"
    path = saved(tmp_path, "prices.html", "Prices", f"<h1>Prices</h1>{lead}{table}")
    (block,) = [b for b in load_article(path, tmp_path).blocks if b.kind == TABLE]
    assert block.text == "Fruit | Price\nApples | 3.20\nPears | 2.10"
    assert block.table is not None and block.table.aligns == ("", "right")


def test_title_cuts_keep_a_short_head_before_a_long_site_name() -> None:
    assert title_cuts("新闻_河畔市日报网站首页") == [
        "新闻_河畔市日报网站首页",
        "新闻",
        "河畔市日报网站首页",
    ]


HARBOUR = (
    "<p>" + "沿江的老码头经过一年的修缮，今天重新向市民开放，铺子也陆续开门迎客。" * 3 + "</p>"
)


@pytest.mark.parametrize(
    "headline",
    [
        '<div class="Title">江边的老码头今天重新开放</div>',  # named like a title, any case
        '<div id="biaoti">江边的老码头今天重新开放</div>',  # pinyin for 标题, as an id
        "<div><b>江边的老码头今天重新开放</b></div>",  # bold before a centred subhead
    ],
)
def test_a_page_without_a_usable_title_takes_the_line_that_looks_like_one(headline: str) -> None:
    # <title>显示</title> says nothing: the most headline-like line above the text is the
    # title; a bold line outranks a centred one, a named one outranks bold.
    others = '<div><b>沿江铺子陆续开门</b></div><p align="center">沿江铺子陆续开门迎客</p>'
    if "<b>" in headline:
        others = '<p align="center">沿江铺子陆续开门迎客</p>'
    page = parse_html(
        f"<html><head><title>显示</title></head><body>{headline}{others}{HARBOUR}</body></html>",
        "s",
    )
    assert page.meta.title == "江边的老码头今天重新开放"


@pytest.mark.parametrize(
    ("title", "balanced", "cuts"),
    [
        (
            "小镇书店_本地新闻_河畔网",
            False,
            [
                "小镇书店_本地新闻_河畔网",
                "小镇书店_本地新闻",
                "小镇书店",
                "本地新闻_河畔网",
                "河畔网",
            ],
        ),
        ("河畔网 » 小镇书店开张了", False, ["河畔网 » 小镇书店开张了", "河畔网", "小镇书店开张了"]),
        # Balanced: a head less than half the tail's length is a column, not a headline.
        (
            "专栏 | 一个很长很长的标题在这里写着",
            True,
            ["专栏 | 一个很长很长的标题在这里写着", "一个很长很长的标题在这里写着"],
        ),
        (
            "专栏 | 一个很长很长的标题在这里写着",
            False,
            ["专栏 | 一个很长很长的标题在这里写着", "专栏", "一个很长很长的标题在这里写着"],
        ),
        (
            "专栏的名字 | 一个很长很长的标题",
            True,
            ["专栏的名字 | 一个很长很长的标题", "专栏的名字", "一个很长很长的标题"],
        ),
        ("小镇书店 - [河畔网]", False, ["小镇书店 - [河畔网]", "小镇书店", "[河畔网"]),
        ("书_x", False, ["书_x"]),  # cuts of one character are no titles
        # A head is cut off a tail of at most 90 characters; a tail after at most 30.
        ("甲乙_" + "乙" * 90, False, ["甲乙_" + "乙" * 90, "甲乙", "乙" * 90]),
        ("甲乙_" + "乙" * 91, False, ["甲乙_" + "乙" * 91, "乙" * 91]),
        ("丙" * 30 + "_小镇书店", False, ["丙" * 30 + "_小镇书店", "丙" * 30, "小镇书店"]),
        ("丙" * 31 + "_小镇书店", False, ["丙" * 31 + "_小镇书店", "丙" * 31]),
    ],
)
def test_title_cuts_at_each_separator(title: str, balanced: bool, cuts: list[str]) -> None:
    assert title_cuts(title, balanced) == cuts


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("小镇书店开张_" + "河" * 30, "小镇书店开张"),  # a site name of at most 30 characters
        ("小镇书店开张_" + "河" * 31, "小镇书店开张_" + "河" * 31),
        ("小镇书店开张 - " + "S" * 30, "小镇书店开张"),
        ("小镇书店开张 - " + "S" * 31, "小镇书店开张 - " + "S" * 31),
        ("小镇书店 - 河畔网 - 首页", "小镇书店 - 河畔网"),  # " - Site" comes off once
        ("小镇书店_本地_河畔网", "小镇书店"),  # "_Column_Site" comes off whole
        ("书店x_河畔网", "书店x_河畔网"),  # what is left must be four characters
        ("小镇书店｜河畔网", "小镇书店"),
        ("小镇书店 -- 河畔网", "小镇书店"),
        ("Headline_Site", "Headline_Site"),
    ],
)
def test_strip_site_suffix_limits(title: str, expected: str) -> None:
    assert strip_site_suffix(title) == expected
