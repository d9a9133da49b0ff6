"""The HTML tree helpers: flattening a page nested past the parser's cap, removing the
parts that never hold article text, and the text of an element as the reader shows it."""

from __future__ import annotations

import pytest
from lxml import etree

from tuireader.library.formats.html.page import parse_html
from tuireader.library.formats.html.tree import (
    FLATTEN_DEPTH,
    clean_text,
    flatten_deep,
    parse_tree,
    remove_clutter,
    remove_never_text,
    text_of,
)
from tuireader.library.model import PARAGRAPH, Block


@pytest.mark.parametrize(
    ("markup", "depth", "flat"),
    [
        # The element at exactly the depth stays, with its closing tag; one deeper goes.
        ("<a><b><c>x</c></b></a>", 2, "<a><b><br>x<br></b></a>"),
        ("<a><b><c>x</c></b></a>", 3, "<a><b><c>x</c></b></a>"),
        ("<a><b>x</b></a>", 1, "<a><br>x<br></a>"),
        ("<a><b>x</b></a>", 0, "<br><br>x<br><br>"),
        # A void or self-closed tag inside the deepest kept element would be one deeper.
        ("<a><br>x</a>", 1, "<a> x</a>"),
        ("<a><br>x</a>", 2, "<a><br>x</a>"),
        ("<a><img src='p.png'/>x</a>", 1, "<a> x</a>"),
        ("<a><img src='p.png'/>x</a>", 2, "<a><img src='p.png'/>x</a>"),
        # Tag names in capitals are the same tags.
        ("<A><B><BR/>x<IMG src=1><br></B></A>", 2, "<A><B> x  </B></A>"),
        # Stray closing tags never take the level below zero.
        ("</p></p><a><b>x</b></a>", 1, "</p></p><a><br>x<br></a>"),
        # Siblings at the same depth: the level comes back down after each.
        ("<a><b>x</b><b>y</b></a>", 2, "<a><b>x</b><b>y</b></a>"),
        ("<a><b><c>x</c></b><b><c>y</c></b></a>", 2, "<a><b><br>x<br></b><b><br>y<br></b></a>"),
        # Text without tags, and what only looks like a tag, are left alone.
        ("1 < 2 and 3 > 2", 0, "1 < 2 and 3 > 2"),
    ],
)
def test_flatten_deep_keeps_tags_down_to_the_depth(markup: str, depth: int, flat: str) -> None:
    assert flatten_deep(markup, depth) == flat


def test_flatten_deep_defaults_to_the_parser_cap_depth() -> None:
    nested = "<div>" * (FLATTEN_DEPTH + 1) + "x" + "</div>" * (FLATTEN_DEPTH + 1)
    kept = "<div>" * FLATTEN_DEPTH
    assert flatten_deep(nested) == kept + "<br>x<br>" + "</div>" * FLATTEN_DEPTH
    within = "<div>" * FLATTEN_DEPTH + "x" + "</div>" * FLATTEN_DEPTH
    assert flatten_deep(within) == within


@pytest.mark.parametrize("markup", ["", "   \n\t", "<!-- a comment only -->", "<!DOCTYPE html>"])
def test_parse_tree_of_a_page_without_elements_is_none(markup: str) -> None:
    assert parse_tree(markup) is None


def test_parse_tree_past_the_cap_reads_the_text_after_the_deep_part() -> None:
    depth = 400
    markup = (
        "<html><body>"
        + "<div>" * depth
        + "<p>深处的一段话。</p>"
        + "</div>" * depth
        + "<p>最后一段话。</p></body></html>"
    )
    root = parse_tree(markup)
    assert root is not None
    # The deep <p> became line breaks around its text; the rest of the page is whole.
    assert _texts(root) == ["深处的一段话。", "最后一段话。"]
    assert [clean_text(text_of(p)) for p in root.iter("p")] == ["最后一段话。"]


def _body(markup: str) -> etree._Element:
    root = parse_tree(f"<html><head><title>标题</title></head><body>{markup}</body></html>")
    assert root is not None
    return root


def _texts(root: etree._Element) -> list[str]:
    body = next(root.iter("body"))
    return [text for text in (clean_text(t) for t in body.itertext()) if text]


def test_remove_never_text_drops_scripts_forms_and_the_head_keeping_tails() -> None:
    root = _body(
        "<p>正文一<script>var x = 1;</script>接着<style>p {}</style>说</p>"
        "<form><input name=q><button>搜索</button></form>尾巴"
        "<noscript>请打开脚本</noscript><p>正文二</p>"
    )
    remove_never_text(root)
    assert next(root.iter("head"), None) is None
    assert next(root.iter("form"), None) is None
    # Text after a removed element (its tail) is not part of it.
    assert _texts(root) == ["正文一接着说", "尾巴", "正文二"]


def test_a_form_holding_most_of_the_page_stays() -> None:
    article = "这是放在整页表单里的文章正文，老式网站这样写。" * 3
    root = _body(f"<form id='aspnetForm'><p>{article}</p></form><form>搜索本站</form>")
    remove_never_text(root)
    assert [form.get("id") for form in root.iter("form")] == ["aspnetForm"]
    assert _texts(root) == [article]


def test_a_form_with_exactly_half_of_the_text_goes() -> None:
    root = _body("<form>甲乙丙丁</form><p>戊己庚辛</p>")
    remove_never_text(root)
    assert _texts(root) == ["戊己庚辛"]


def test_a_form_with_just_over_half_of_the_text_stays() -> None:
    root = _body("<form>甲乙丙丁戊</form><p>己庚辛壬</p>")
    remove_never_text(root)
    assert _texts(root) == ["甲乙丙丁戊", "己庚辛壬"]


ARTICLE = "这是一篇文章的正文，讲的是城市里的一座老桥，以及桥边的人们。" * 3


@pytest.mark.parametrize(
    ("clutter", "kept"),
    [
        ("<nav>首页 新闻</nav>", False),
        ("<aside>热门文章</aside>", False),
        ("<footer>版权所有</footer>", False),
        ("<header>网站标志</header>", False),
        ("<menu>菜单项</menu>", False),
        ("<div role='navigation'>首页</div>", False),
        ("<div role='complementary'>旁边</div>", False),
        ("<div role='contentinfo'>联系我们</div>", False),
        ("<div role='main'>不是杂物</div>", True),
        ("<div class='share-bar'>分享到</div>", False),
        ("<div id='comments-list'>网友评论</div>", False),
        ("<div class='Related'>相关文章</div>", False),  # class names in any case
        ("<div class='ad'>广告</div>", False),
        ("<div class='top_nav-menu'>频道</div>", False),  # a short word as a token
        ("<div class='adventure'>探险故事</div>", True),  # "ad" only as a whole token
        ("<div class='download'>下载</div>", True),  # "load", "down": no clutter word
        ("<div>没有名字的块</div>", True),
    ],
)
def test_remove_clutter_by_tag_role_and_name(clutter: str, kept: bool) -> None:
    root = _body(f"{clutter}<div class='article'><p>{ARTICLE}</p></div>")
    remove_clutter(root)
    words = clean_text(etree.fromstring(f"<x>{clutter}</x>").xpath("string()"))
    assert _texts(root) == ([words, ARTICLE] if kept else [ARTICLE])


def test_a_short_clutter_word_spares_a_block_holding_most_of_the_text() -> None:
    # "info" may name the block holding the article; it goes only while it holds less
    # than half of the page's text.
    root = _body(f"<div class='info'><p>{ARTICLE}</p></div><div class='info'>浏览次数</div>")
    remove_clutter(root)
    assert _texts(root) == [ARTICLE]


def test_a_short_clutter_word_spares_a_block_of_exactly_half_the_text() -> None:
    for info, kept in (("甲乙", True), ("甲", False)):
        root = _body(f"<div class='info'>{info}</div><p>丙丁</p>")
        remove_never_text(root)  # the head's title is no text of the page
        remove_clutter(root)
        assert _texts(root) == ([info, "丙丁"] if kept else ["丙丁"])


def test_a_lone_surrogate_in_the_page_text_shows_as_a_question_mark() -> None:
    assert parse_html("<p>老桥\ud800修好了</p>", "s").blocks == (Block(PARAGRAPH, "老桥?修好了"),)


def test_clutter_names_around_the_headline_and_the_text_are_kept() -> None:
    # The article's landmarks (its <h1>, <main>, articleBody, a content class) protect
    # themselves and their ancestors, whatever those are named; with a landmark on the
    # page, sure clutter goes whatever its size.
    for wrapper in (
        "<div class='page has-sidebar'><h1>老桥的故事</h1><p>{a}</p></div>",
        "<h1>老桥</h1><div class='widget'><main><p>{a}</p></main></div>",
        "<h1>老桥</h1><div class='related'><div itemprop='articleBody'><p>{a}</p></div></div>",
        "<h1>老桥</h1><div class='related' itemprop='articleBody'><p>{a}</p></div>",
        "<h1>老桥</h1><div class='widget'><div class='entry-content'><p>{a}</p></div></div>",
        "<h1>老桥</h1><div class='widget'><article class='post-body'><p>{a}</p></article></div>",
    ):
        root = _body(wrapper.format(a=ARTICLE) + "<div class='sidebar'>侧栏</div>")
        remove_clutter(root)
        assert _texts(root)[-1] == ARTICLE, wrapper
        assert "侧栏" not in _texts(root), wrapper


def test_an_empty_headline_or_content_class_protects_nothing() -> None:
    root = _body(
        "<div class='related'><h1> </h1><div class='entry-content'></div>相关</div>"
        f"<p>{ARTICLE}</p>"
    )
    remove_clutter(root)
    assert _texts(root) == [ARTICLE]


def test_without_landmarks_a_sure_clutter_block_holding_most_text_stays() -> None:
    # Nothing marks the article: a "comments" block with most of the text may be it.
    long_comments = "网友评论的内容很长很长，说了很多话。" * 20
    root = _body(f"<div class='comments'>{long_comments}</div><p>{ARTICLE}</p>")
    remove_clutter(root)
    assert _texts(root) == [long_comments, ARTICLE]


def test_with_a_landmark_a_sure_clutter_block_goes_even_when_large() -> None:
    long_comments = "网友评论的内容很长很长，说了很多话。" * 20
    root = _body(f"<h1>老桥</h1><div class='comments'>{long_comments}</div><p>{ARTICLE}</p>")
    remove_clutter(root)
    assert _texts(root) == ["老桥", ARTICLE]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  a \n\t b  ", "a b"),
        ("第一行\n第二行", "第一行第二行"),  # a line break between CJK characters is nothing
        ("第一行  \n   第二行", "第一行第二行"),
        ("第一行 第二行", "第一行 第二行"),  # a space without a line break stays
        ("end\n第二行", "end 第二行"),
        ("第一行\nstart", "第一行 start"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_text_of_is_the_text_inside_without_the_tail() -> None:
    root = _body("<p>一<b>二</b>三</p>四")
    paragraph = next(root.iter("p"))
    assert text_of(paragraph) == "一二三"


def test_a_page_nested_past_the_cap_reads_like_the_shallow_one() -> None:
    shallow = "<html><body><p>河边的老桥修好了。</p><p>居民很高兴。</p></body></html>"
    deep = (
        "<html><body>"
        + "<span>" * 300
        + "<p>河边的老桥修好了。</p>"
        + "</span>" * 300
        + "<p>居民很高兴。</p></body></html>"
    )
    expected = (Block(PARAGRAPH, "河边的老桥修好了。"), Block(PARAGRAPH, "居民很高兴。"))
    assert parse_html(shallow, "s").blocks == expected
    assert parse_html(deep, "s").blocks == expected
