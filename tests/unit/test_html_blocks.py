"""Saved pages: each kind of HTML block becomes the reader's block, with its level,
number, spans and table shape."""

from __future__ import annotations

from tuireader.library.formats.html.page import parse_html
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
    SPAN_STRONG,
    TABLE,
)

PARA = "这是正文的一段话，讲述了河边小镇上新开的一家书店和它的老板。" * 2
ARTICLE = f"""<article><h1>小镇书店</h1><p>{PARA}</p><h2>二级</h2><h3>三级</h3>
<ul><li>甲</li><li>乙<ul><li>乙一</li></ul></li></ul>
<ol start="3"><li>三</li><li>四</li></ol>
<blockquote><p>引用的话</p></blockquote>
<pre><code>print(1)
print(2)</code></pre>
<hr>
<table><thead><tr><th>左</th><th style="text-align:right">右</th></tr></thead>
<tbody><tr><td>a</td><td>b</td></tr></tbody></table>
<p>一行<br>两行</p>
<dl><dt>术语</dt><dd>解释</dd></dl>
<p>含<a href="https://example.org/x">链接</a>和<strong>粗体</strong>与<em>斜体</em>、<code>代码</code>。</p>
<p>{PARA}</p></article>"""


def test_each_html_block_as_the_reader_shows_it() -> None:
    page = parse_html(
        f"<html><head><title>小镇书店</title></head><body>{ARTICLE}</body></html>", "s"
    )
    assert page.meta.title == "小镇书店"
    shown = [(b.kind, b.text, b.level, b.ordinal) for b in page.blocks]
    assert shown == [
        (PARAGRAPH, PARA, 0, None),
        (HEADING, "二级", 2, None),
        (HEADING, "三级", 3, None),
        (LIST_ITEM, "甲", 0, None),
        (LIST_ITEM, "乙", 0, None),
        (LIST_ITEM, "乙一", 1, None),  # a nested list
        (LIST_ITEM, "三", 0, 3),  # an ordered list counts from its start
        (LIST_ITEM, "四", 0, 4),
        (QUOTE, "引用的话", 0, None),
        (CODE, "print(1)\nprint(2)", 0, None),  # preformatted lines kept
        (RULE, "", 0, None),
        (TABLE, "左 | 右\na | b", 0, None),
        (PARAGRAPH, "一行", 0, None),
        (PARAGRAPH, "两行", 0, None),
        (PARAGRAPH, "术语", 0, None),
        (PARAGRAPH, "解释", 0, None),
        (PARAGRAPH, "含链接和粗体与斜体、代码。", 0, None),
        (PARAGRAPH, PARA, 0, None),
    ]
    table = page.blocks[11].table
    assert table is not None
    assert (table.header_rows, table.aligns) == (1, ("", "right"))
    marked = page.blocks[16]
    assert [(s.kind, marked.text[s.start : s.end], s.target) for s in marked.spans] == [
        (SPAN_LINK, "链接", "https://example.org/x"),
        (SPAN_STRONG, "粗体", None),
        (SPAN_EMPHASIS, "斜体", None),
        (SPAN_CODE, "代码", None),
    ]


def test_links_to_nowhere_items_of_several_paragraphs_and_tables_in_a_layout() -> None:
    body = f"""<div class="content"><p>{PARA}</p>
<p>看<a href="#top">页首</a>、<a href="javascript:void(0)">按钮</a>、<a href="/x{"y" * 3000}">长</a>和<a href="/ok">好链接</a>。</p>
<ol><li><p>第一段</p><p>第二段</p></li><li>下一项</li></ol>
<table><tr><th>名</th><th>值</th></tr><tr><td>甲</td><td>1</td></tr><tr>行外<td>乙</td><td>2</td></tr></table>
<table><tr><td><table><tr><td>内一</td><td>内二</td></tr></table></td></tr></table>
<p>{PARA}</p></div>"""
    page = parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>", "s")
    shown = [(b.kind, b.text, b.ordinal) for b in page.blocks]
    assert shown == [
        (PARAGRAPH, PARA, None),
        (PARAGRAPH, "看页首、按钮、长和好链接。", None),
        (LIST_ITEM, "第一段", 1),
        (LIST_ITEM, "第二段", None),  # only an item's first paragraph is numbered
        (LIST_ITEM, "下一项", 2),
        (TABLE, "名 | 值\n甲 | 1\n行外 | 乙 | 2", None),  # text outside the cells: a cell
        (TABLE, "内一 | 内二", None),  # a data table inside a layout table
        (PARAGRAPH, PARA, None),
    ]
    # Only the link that leads somewhere is one (not "#", javascript:, an overlong one).
    linked = page.blocks[1]
    assert [(s.kind, linked.text[s.start : s.end], s.target) for s in linked.spans] == [
        (SPAN_LINK, "好链接", "/ok")
    ]
    tables = [block.table for block in page.blocks if block.table is not None]
    assert [table.header_rows for table in tables] == [1, 0]


def test_a_header_cell_holding_a_whole_article_makes_a_layout_table() -> None:
    # Old pages set the article in a table cell, sometimes a <th>: over 400 characters in
    # one cell is text to read in paragraphs, not a row of a data table.
    lines = [PARA * 3 for _ in range(3)]  # 3 x 186 characters, between <br>
    cell = "<br>".join(lines)
    html = (
        f"<html><head><title>小镇书店</title></head><body><p>{PARA}</p>"
        f"<table><tr><td>日期</td><th>{cell}</th></tr><tr><td>甲</td><td>乙</td></tr></table>"
        f"<p>{PARA}</p></body></html>"
    )
    blocks = parse_html(html, "s").blocks
    assert TABLE not in [block.kind for block in blocks]
    assert [block.text for block in blocks if block.text in lines] == lines
