"""The HTML block walk on its own: each element's block, list depths and numbers, link
lists, data and layout tables, cell alignment, and where text outside elements goes."""

from __future__ import annotations

import pytest
from lxml import etree

from tuireader.library.formats.html.blocks import blocks_from_elements
from tuireader.library.formats.html.fragment import html_fragment_blocks
from tuireader.library.model import (
    CODE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    RULE,
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_LINK,
    SPAN_STRIKE,
    SPAN_STRONG,
    TABLE,
    Block,
    Span,
)


def shown(markup: str) -> list[tuple[str, str, int, int | None]]:
    """(kind, text, level, ordinal) of each block of an HTML fragment."""
    return [(b.kind, b.text, b.level, b.ordinal) for b in html_fragment_blocks(markup)]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_each_heading_level(level: int) -> None:
    assert html_fragment_blocks(f"<h{level}>小镇书店</h{level}><p>正文</p>") == [
        Block(HEADING, "小镇书店", level),
        Block(PARAGRAPH, "正文"),
    ]


def test_quote_code_rule_and_paragraph_breaks() -> None:
    assert html_fragment_blocks(
        "<blockquote>引用<p>引用的第二段</p></blockquote>"
        "<pre>\n\n  def f():\n      return 1   \n\n</pre><hr><div>甲<br>乙<br><br>丙</div>"
        "<section>节</section><article>文</article><figure>图<figcaption>图注</figcaption></figure>"
    ) == [
        Block(QUOTE, "引用"),
        Block(QUOTE, "引用的第二段"),
        # Code keeps its indentation; blank lines around it and trailing spaces go.
        Block(CODE, "  def f():\n      return 1"),
        Block(RULE, ""),
        Block(PARAGRAPH, "甲"),
        Block(PARAGRAPH, "乙"),
        Block(PARAGRAPH, "丙"),
        Block(PARAGRAPH, "节"),
        Block(PARAGRAPH, "文"),
        Block(PARAGRAPH, "图"),
        Block(PARAGRAPH, "图注"),
    ]


def test_inline_elements_join_their_paragraph() -> None:
    assert shown("<p>一<span>二</span><font>三</font><u>四</u></p>") == [
        (PARAGRAPH, "一二三四", 0, None)
    ]


def test_whitespace_between_tags_makes_no_block() -> None:
    assert html_fragment_blocks("<div>\n  <p>正文</p>\n  \n</div>\n<pre>\n\n</pre>") == [
        Block(PARAGRAPH, "正文")
    ]


def test_nested_lists_have_depths_and_ordered_lists_count() -> None:
    assert shown(
        "<ol><li>一<ul><li>甲</li><li>乙<ol start='7'><li>七</li><li>八</li></ol></li></ul></li>"
        "<li>二</li></ol><ul><li>点</li></ul>"
    ) == [
        (LIST_ITEM, "一", 0, 1),
        (LIST_ITEM, "甲", 1, None),
        (LIST_ITEM, "乙", 1, None),
        (LIST_ITEM, "七", 2, 7),
        (LIST_ITEM, "八", 2, 8),
        (LIST_ITEM, "二", 0, 2),  # the outer count goes on after the inner list
        (LIST_ITEM, "点", 0, None),
    ]


def test_an_item_outside_any_list_is_an_unnumbered_item() -> None:
    assert shown("<li>孤零零的一项</li><p>正文</p>") == [
        (LIST_ITEM, "孤零零的一项", 0, None),
        (PARAGRAPH, "正文", 0, None),
    ]


@pytest.mark.parametrize(
    ("start", "first"),
    [
        ("5", 5),
        (" 12 ", 12),
        ("0", 0),
        ("999999999", 999999999),  # nine digits
        ("1000000000", 1),  # ten: not a list's number
        ("-3", 1),
        ("iv", 1),
        ("", 1),
    ],
)
def test_an_ordered_lists_start(start: str, first: int) -> None:
    assert shown(f"<ol start='{start}'><li>甲</li><li>乙</li></ol>") == [
        (LIST_ITEM, "甲", 0, first),
        (LIST_ITEM, "乙", 0, first + 1),
    ]


def test_a_list_of_three_items_mostly_links_is_skipped() -> None:
    links = "".join(f"<li><a href='/{n}'>别的文章第{n}篇</a></li>" for n in range(3))
    assert shown(f"<p>正文</p><ul>{links}</ul><p>结尾</p>") == [
        (PARAGRAPH, "正文", 0, None),
        (PARAGRAPH, "结尾", 0, None),
    ]


def test_a_list_of_two_links_is_kept() -> None:
    links = "".join(f"<li><a href='/{n}'>别的文章第{n}篇</a></li>" for n in range(2))
    assert shown(f"<ul>{links}</ul>") == [
        (LIST_ITEM, "别的文章第0篇", 0, None),
        (LIST_ITEM, "别的文章第1篇", 0, None),
    ]


def test_a_list_of_links_with_their_summaries_is_kept() -> None:
    # 70% of the text linked keeps the list; more goes.
    items = "".join(f"<li><a href='/{n}'>七个字的标题了</a>三个字</li>" for n in range(3))
    assert shown(f"<ol>{items}</ol>")[0] == (LIST_ITEM, "七个字的标题了三个字", 0, 1)
    items = "".join(f"<li><a href='/{n}'>八个字的标题来了</a>三个字</li>" for n in range(3))
    assert shown(f"<ol>{items}</ol>") == []
    # A list without words is no list of links: what it holds stays.
    assert html_fragment_blocks("<ul><li><hr></li><li></li><li></li></ul><p>后</p>") == [
        Block(RULE, ""),
        Block(PARAGRAPH, "后"),
    ]


def test_spans_of_each_inline_mark() -> None:
    (block,) = html_fragment_blocks(
        "<p><strong>强</strong><b>粗</b><em>重</em><i>斜</i><code>码</code><s>删</s>"
        "<del>去</del><strike>划</strike><a href=' /to '>链</a></p>"
    )
    assert block.spans == (
        Span(0, 1, SPAN_STRONG),
        Span(1, 2, SPAN_STRONG),
        Span(2, 3, SPAN_EMPHASIS),
        Span(3, 4, SPAN_EMPHASIS),
        Span(4, 5, SPAN_CODE),
        Span(5, 6, SPAN_STRIKE),
        Span(6, 7, SPAN_STRIKE),
        Span(7, 8, SPAN_STRIKE),
        Span(8, 9, SPAN_LINK, "/to"),
    )


@pytest.mark.parametrize(
    ("href", "linked"),
    [
        ("/" + "x" * 1999, True),  # 2000 characters
        ("/" + "x" * 2000, False),
        ("#section", False),
        ("javascript:void(0)", False),
        ("  ", False),
        ("mailto:a@example.org", True),
    ],
)
def test_which_links_lead_somewhere(href: str, linked: bool) -> None:
    (block,) = html_fragment_blocks(f"<p>看<a href='{href}'>这里</a></p>")
    assert block.spans == ((Span(1, 3, SPAN_LINK, href.strip()),) if linked else ())


def test_an_empty_mark_has_no_span_and_code_blocks_have_none() -> None:
    assert html_fragment_blocks("<p>前<b></b><a href='/x'><img src='a.png'></a>后</p>") == [
        Block(PARAGRAPH, "前后")
    ]
    assert html_fragment_blocks("<pre><b>粗</b> 码</pre>") == [Block(CODE, "粗 码")]


def test_a_data_table_with_header_rows_alignment_and_cells_outside() -> None:
    (block,) = html_fragment_blocks(
        "<table><tr><th align=' Center '>名</th><th style='TEXT-ALIGN: right'>价</th>"
        "<th align='justify'>注</th></tr>"
        "<tr><th>小计</th><th>3</th><th>无</th></tr>"
        "<tr><td>茶</td><td>2</td><td>热</td></tr>"
        "<tr><th>合计</th><td>5</td><td></td></tr></table>"
    )
    assert block.kind == TABLE
    assert block.text == "名 | 价 | 注\n小计 | 3 | 无\n茶 | 2 | 热\n合计 | 5 | "
    assert block.table is not None
    # Only the rows of header cells at the top are the header.
    assert (block.table.header_rows, block.table.aligns) == (2, ("center", "right", ""))


def test_text_between_cells_is_a_cell_of_its_own() -> None:
    (block,) = html_fragment_blocks(
        "<table><tr><td>甲</td>行外<td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
    )
    assert block.text == "甲 | 行外 | 乙\n丙 | 丁"


def test_a_table_whose_header_comes_after_a_data_row_has_no_header() -> None:
    (block,) = html_fragment_blocks(
        "<table><tr><td>茶</td><td>2</td></tr><tr><th>名</th><th>价</th></tr></table>"
    )
    assert block.table is not None and block.table.header_rows == 0


def test_a_row_is_a_header_only_when_every_cell_is_a_header_cell() -> None:
    (block,) = html_fragment_blocks(
        "<table><tr><th>名</th><td>茶</td><th>注</th></tr><tr><td>价</td><td>2</td><td>热</td></tr>"
        "</table>"
    )
    assert block.table is not None and block.table.header_rows == 0


def test_an_empty_data_table_makes_no_block() -> None:
    assert html_fragment_blocks("<table><tr><td></td><td> </td></tr></table><p>后</p>") == [
        Block(PARAGRAPH, "后")
    ]


@pytest.mark.parametrize(
    ("table", "blocks"),
    [
        # One column: a layout.
        ("<table><tr><td>甲</td></tr><tr><td>乙</td></tr></table>", ["甲", "乙"]),
        # Paragraphs, lists or headings in a cell: a layout.
        ("<table><tr><td><p>甲</p></td><td>乙</td></tr></table>", ["甲", "乙"]),
        ("<table><tr><td><h3>甲</h3></td><td>乙</td></tr></table>", ["甲", "乙"]),
        ("<table><tr><td><ul><li>甲</li></ul></td><td>乙</td></tr></table>", ["甲", "乙"]),
        ("<table><tr><td><div>甲</div></td><td>乙</td></tr></table>", ["甲", "乙"]),
        # A cell of 400 characters is a datum; of 401 an article.
        (f"<table><tr><td>{'字' * 400}</td><td>乙</td></tr></table>", [f"{'字' * 400} | 乙"]),
        (f"<table><tr><td>{'字' * 401}</td><td>乙</td></tr></table>", ["字" * 401, "乙"]),
        # Two columns in one row, one in the other: a data table.
        ("<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>", ["甲 | 乙\n丙"]),
    ],
)
def test_layout_tables_are_read_as_text(table: str, blocks: list[str]) -> None:
    assert [block.text for block in html_fragment_blocks(table)] == blocks


def test_a_data_table_inside_a_layout_cell_is_a_table() -> None:
    blocks = html_fragment_blocks(
        "<table><tr><td><p>说明文字</p><table><tr><td>甲</td><td>乙</td></tr></table></td>"
        "<td>旁边</td></tr></table>"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        (PARAGRAPH, "说明文字"),
        (TABLE, "甲 | 乙"),
        (PARAGRAPH, "旁边"),
    ]


def test_the_walked_elements_tail_is_outside_the_content() -> None:
    root = etree.fromstring("<body><div id='a'><p>正文</p>尾</div>页脚<div id='b'>二</div></body>")
    content = root.find("div")
    assert content is not None
    assert blocks_from_elements([content]) == [Block(PARAGRAPH, "正文"), Block(PARAGRAPH, "尾")]
    second = root.findall("div")[1]
    assert blocks_from_elements([content, second]) == [
        Block(PARAGRAPH, "正文"),
        Block(PARAGRAPH, "尾"),
        Block(PARAGRAPH, "二"),
    ]


def test_html_fragment_without_elements_has_no_blocks() -> None:
    assert html_fragment_blocks("") == []
    assert html_fragment_blocks("<!-- 只有注释 -->") == []
    assert html_fragment_blocks("<script>var a;</script><p>正文</p>") == [Block(PARAGRAPH, "正文")]
