"""Saved pages: which part of the page is the article (our own pages in the shapes that
review sites, news portals and forums use)."""

from __future__ import annotations

from tuireader.library.formats.html.page import parse_html

PARTS = [
    f"第{n}部分：这是一篇长评测里的一段文字，讲的是新相机在雨天里的表现和它的电池。" * 2
    for n in (1, 2, 3, 4)
]
SIDEBAR = (
    "<div class='side'>"
    + "".join(f"<p><a href='/x{n}'>本站别的文章标题第{n}篇</a></p>" for n in range(12))
    + "</div>"
)


def texts(html: str) -> list[str]:
    return [block.text for block in parse_html(html, "stem").blocks]


def test_an_article_cut_into_wrapped_parts_keeps_every_part() -> None:
    # Each part sits in its own wrapper, adverts between them: the best-scored part
    # alone is a quarter of the article.
    parts = "".join(
        f"<div class='wrap{n}'><div class='article-text'><p>{text}</p></div></div>"
        "<div class='ad'>广告</div>"
        for n, text in enumerate(PARTS)
    )
    html = f"<html><body><div id='page'>{SIDEBAR}<div class='col'>{parts}</div></div></body></html>"
    assert texts(html) == PARTS


def test_parts_with_a_layout_class_are_not_one_article() -> None:
    # "box" is a class every block of a page may carry: the other boxes are not peers.
    boxes = "".join(
        f"<div class='w{n}'><div class='box'><p>{text}</p></div></div>"
        for n, text in enumerate([PARTS[0] * 2, *PARTS[1:]])
    )
    html = f"<html><body><div id='page'>{boxes}</div></body></html>"
    assert texts(html) == [PARTS[0] * 2]


def test_a_link_list_inside_the_content_goes_and_the_text_after_it_stays() -> None:
    links = "".join(f"<a href='/r{n}'>相关文章{n}</a> " for n in range(6))
    tail = "这段文字直接写在容器里，跟在链接列表后面，也是正文的一部分。"
    html = (
        f"<html><body><div id='content'><div class='rel'>{links}</div>{tail}"
        f"<!-- 注释 --><p>{PARTS[0]}</p><p>{PARTS[1]}</p></div></body></html>"
    )
    assert texts(html) == [tail, PARTS[0], PARTS[1]]


def test_a_link_list_after_a_paragraph_leaves_its_tail_to_the_paragraph_before() -> None:
    links = "".join(f"<a href='/r{n}'>相关文章{n}</a> " for n in range(6))
    html = (
        f"<html><body><div id='content'><p>{PARTS[0]}</p><div class='rel'>{links}</div>"
        f"接着写的文字<p>{PARTS[1]}</p></div></body></html>"
    )
    result = texts(html)
    assert all("相关文章" not in text for text in result)
    assert "接着写的文字" in "".join(result)
    assert result[0] == PARTS[0] and result[-1] == PARTS[1]


SENTENCE = "这是正文的一段话，讲述了河边小镇上新开的一家书店和它的老板。"


def paragraphs(count: int, mark: str = "") -> str:
    return "".join(f"<p>{mark}{SENTENCE}</p>" for _ in range(count))


def test_text_between_line_breaks_in_a_table_cell_is_the_article() -> None:
    html = (
        "<html><body><table><tr><td class='nav'><a href='/'>首页</a></td></tr>"
        f"<tr><td>{SENTENCE}<br>{SENTENCE}<br>{SENTENCE}</td></tr></table></body></html>"
    )
    assert texts(html) == [SENTENCE] * 3


def test_siblings_scoring_nearly_as_well_are_part_of_the_article() -> None:
    # 10, 4 and 2 paragraphs side by side: 4 is over 30% of 10 and kept, 2 is not.
    html = (
        f"<html><body><div id='wrap'><div class='a1'>{paragraphs(10)}</div>"
        f"<div class='b1'>{paragraphs(4, '乙')}</div><div class='c1'>{paragraphs(2, '丙')}</div>"
        "</div></body></html>"
    )
    assert texts(html) == [SENTENCE] * 10 + ["乙" + SENTENCE] * 4


def test_a_block_named_as_content_wins_over_an_equal_one() -> None:
    html = (
        f"<html><body><div id='w1'><div class='x'>{paragraphs(4, '甲')}</div></div>"
        f"<div id='w2'><div class='article-content'>{paragraphs(4, '乙')}</div></div></body></html>"
    )
    assert texts(html) == ["乙" + SENTENCE] * 4


def test_blocks_without_a_class_are_not_parts_of_one_article() -> None:
    # A class-less side block scores over a tenth of the article: it is no part of it.
    html = (
        f"<html><body><div id='page'><div id='w1'><div>{paragraphs(10)}</div></div>"
        f"<div id='w2'><div>{paragraphs(2, '侧')}</div></div></div></body></html>"
    )
    assert texts(html) == [SENTENCE] * 10


def test_a_class_less_block_in_the_next_layout_cell_is_not_part_of_the_article() -> None:
    html = (
        f"<html><body><table><tr><td><div>{paragraphs(10)}</div></td>"
        f"<td><div>{paragraphs(2, '侧')}</div></td></tr></table></body></html>"
    )
    assert texts(html) == [SENTENCE] * 10
