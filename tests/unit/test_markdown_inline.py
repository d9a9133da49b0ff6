"""Markdown shown as a document: inline markup rendered, spans recorded, templates hidden."""

from __future__ import annotations

import pytest

from tuireader.catalog.codec import decode_blocks, encode_article, stored_body
from tuireader.library.blocks import clean_blocks
from tuireader.library.formats.markdown.inline import render_inline
from tuireader.library.formats.markdown.page import parse_markdown
from tuireader.library.model import (
    CODE,
    HEADING,
    PARAGRAPH,
    SPAN_ANCHOR,
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_LINK,
    SPAN_STRIKE,
    SPAN_STRONG,
    TABLE,
    Article,
    ArticleMeta,
    Block,
    Span,
)


def spans_of(raw: str) -> list[tuple[str, str, str | None]]:
    """(kind, covered text, target) of each span of ``raw`` rendered."""
    shown = render_inline(raw)
    return [(span.kind, shown.text[span.start : span.end], span.target) for span in shown.spans]


def test_link_whose_text_is_inline_code_is_one_link() -> None:
    raw = "设置 [`opt_agg_push_down`](/system-variables.md#opt_agg_push_down) 变量"
    assert render_inline(raw).text == "设置 opt_agg_push_down 变量"
    assert spans_of(raw) == [
        (SPAN_LINK, "opt_agg_push_down", "/system-variables.md#opt_agg_push_down"),
        (SPAN_CODE, "opt_agg_push_down", None),
    ]


def test_emphasis_and_images_inside_link_text() -> None:
    raw = "see [the **big** ![logo](l.png) guide](guide.md)"
    assert render_inline(raw).text == "see the big [image: logo] guide"
    assert spans_of(raw) == [
        (SPAN_LINK, "the big [image: logo] guide", "guide.md"),
        (SPAN_STRONG, "big", None),
    ]


@pytest.mark.parametrize(
    ("raw", "shown", "strong"),
    [
        ("这是**“重点”**的内容", "这是“重点”的内容", "“重点”"),
        ("请看，**注意**：不要删除", "请看，注意：不要删除", "注意"),
        ("**（括号）**之后", "（括号）之后", "（括号）"),
    ],
)
def test_emphasis_next_to_chinese_punctuation(raw: str, shown: str, strong: str) -> None:
    assert render_inline(raw).text == shown
    assert spans_of(raw) == [(SPAN_STRONG, strong, None)]


def test_emphasis_kinds_and_strikethrough() -> None:
    assert spans_of("*a* _b_ **c** ~~d~~") == [
        (SPAN_EMPHASIS, "a", None),
        (SPAN_EMPHASIS, "b", None),
        (SPAN_STRONG, "c", None),
        (SPAN_STRIKE, "d", None),
    ]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (
            "<https://example.org/a> and <me@example.org>",
            "https://example.org/a and me@example.org",
        ),
        ("&copy; 2024 &amp; &#x4E2D;", "© 2024 & 中"),
        ("a <span class='x'>styled</span> word", "a styled word"),
        ("![](empty.png) then ![alt *text*](x.png)", "[image] then [image: alt text]"),
        ("line one  \nline two", "line one\nline two"),
        ("line one\\\nline two", "line one\nline two"),
        ("中文第一行\n中文第二行", "中文第一行中文第二行"),
        ("English line\nnext line", "English line next line"),
        (r"\*not emphasis\*", "*not emphasis*"),
        ("`{{< shortcode >}}` in code stays", "{{< shortcode >}} in code stays"),
    ],
)
def test_inline_constructs_rendered(raw: str, shown: str) -> None:
    assert render_inline(raw).text == shown


def test_autolink_is_a_link_span() -> None:
    assert spans_of("<https://example.org/a>") == [
        (SPAN_LINK, "https://example.org/a", "https://example.org/a")
    ]


def test_site_generator_templates_never_show() -> None:
    text = """Intro with {{ site.title }} and {% include note.html %} gone.

{{< copyable "sql" >}}

```sql
SELECT 1;
```

{{< new-in 0.141.0 />}}

{{% notice tip %}}
Paired shortcodes keep **their** text.
{{% /notice %}}

Show a shortcode: {{</* myshortcode arg */>}}

{{< figure src="boat.jpg" caption="A boat at dusk" >}}

{% highlight ruby %}
puts "hi"
{% endhighlight %}
"""
    blocks = parse_markdown(text, "s").blocks
    texts = [block.text for block in blocks]
    assert texts == [
        "Intro with and gone.",
        "SELECT 1;",
        "Paired shortcodes keep their text.",
        "Show a shortcode: {{< myshortcode arg >}}",
        "[image: A boat at dusk]",
        'puts "hi"',
    ]
    assert (blocks[1].kind, blocks[1].language) == (CODE, "sql")
    assert (blocks[5].kind, blocks[5].language) == (CODE, "ruby")


def test_shortcodes_inside_code_blocks_stay_as_written() -> None:
    blocks = parse_markdown('```\n{{< ref "a.md" >}}\n```\n', "s").blocks
    assert blocks == (Block(CODE, '{{< ref "a.md" >}}'),)


def test_pipe_table_is_one_block_with_header_cells_and_alignment() -> None:
    text = "| 名称 | 数量 | 说明 |\n|:---|---:|:-:|\n| 苹果 | 3 | [详情](fruit.md) |\n| 梨 | 12 | 无 |\n"
    (block,) = parse_markdown(text, "s").blocks
    assert block.kind == TABLE
    assert block.text == "名称 | 数量 | 说明\n苹果 | 3 | 详情\n梨 | 12 | 无"
    assert block.table is not None
    assert block.table.header_rows == 1
    assert block.table.aligns == ("left", "right", "center")
    cells = [[block.text[a:b] for a, b in row] for row in block.table.rows]
    assert cells == [["名称", "数量", "说明"], ["苹果", "3", "详情"], ["梨", "12", "无"]]
    (link,) = block.spans
    assert (block.text[link.start : link.end], link.target) == ("详情", "fruit.md")


def test_reference_links_resolve_through_the_block_pass() -> None:
    (block,) = parse_markdown("Read [the guide][g].\n\n[g]: ../guide.md#setup\n", "s").blocks
    assert block.text == "Read the guide."
    assert block.spans == (Span(5, 14, SPAN_LINK, "../guide.md#setup"),)


def test_drawing_facts_survive_the_catalog() -> None:
    blocks = parse_markdown(
        "A [link](b.md) and `code`.\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"
        "\n## Setup {#install}\n",
        "s",
    ).blocks
    article = Article(ArticleMeta(title="t"), blocks)
    record = encode_article(article)
    assert decode_blocks(stored_body(record.folded, record.patch), record.layout) == blocks
    assert [block.kind for block in blocks] == [PARAGRAPH, CODE, TABLE, HEADING]


def test_cleaning_keeps_spans_when_offsets_hold() -> None:
    block = Block(PARAGRAPH, "a link", spans=(Span(2, 6, SPAN_LINK, "x.md"),))
    assert list(clean_blocks([block])) == [block]


# -- hostile runs of brackets: link labels are found in linear work --------------------


def test_a_long_run_of_open_brackets_shows_as_written_and_a_link_after_it_works() -> None:
    raw = "[" * 5000 + " see [the guide](guide.md) now"
    shown = render_inline(raw)
    assert shown.text == "[" * 5000 + " see the guide now"
    assert spans_of(raw) == [(SPAN_LINK, "the guide", "guide.md")]


@pytest.mark.parametrize(
    ("raw", "text", "links"),
    [
        ("[[a]](x)", "[a]", ["[a]"]),  # brackets balanced inside a label
        ("[[[a](x)", "[[a", ["a"]),  # the innermost bracket makes the link
        ("[a [b] c](x)", "a [b] c", ["a [b] c"]),
        ("[a `]` b](x)", "a ] b", ["a ] b"]),  # a code span hides its bracket
        ("[a \\] b](x)", "a ] b", ["a ] b"]),
        ("[a](x) [b](y) [c", "a b [c", ["a", "b"]),
        ("[[[x]]] [y](z)", "[[[x]]] y", ["y"]),
        ("![[a](x)](y)", "[image: a]", []),  # a link inside an image's alt
    ],
)
def test_bracket_nesting_reads_as_commonmark_says(raw: str, text: str, links: list[str]) -> None:
    assert render_inline(raw).text == text
    assert [shown for kind, shown, _ in spans_of(raw) if kind == SPAN_LINK] == links


def test_bracket_runs_cost_a_few_token_scans_per_character(monkeypatch) -> None:
    """Each "[" once settled is never scanned from again (the old scan walked up to the
    nesting limit, 60 tokens, from every bracket)."""
    from tuireader.library.formats.markdown import inline

    calls = 0
    skip = inline.INLINE.inline.skipToken

    def counting(state) -> None:
        nonlocal calls
        calls += 1
        skip(state)

    monkeypatch.setattr(inline.INLINE.inline, "skipToken", counting)
    for unit in ("[", "[a", "![", "[](", "[[x]"):
        raw = unit * (6000 // len(unit))
        calls = 0
        render_inline(raw)
        assert calls <= 4 * len(raw), unit


@pytest.mark.parametrize(
    ("raw", "text", "anchor"),
    [
        ("## Install steps {#install}", "Install steps", "install"),
        ("## 安装步骤 {#install .wide}", "安装步骤", "install"),
        ("### Flags {.unnumbered}", "Flags", None),
        ("## Options {data-level=2}", "Options", None),
        ("## A set {a}", "A set {a}", None),  # braces that are no attribute block stay
    ],
)
def test_heading_attribute_blocks_never_show_and_their_id_is_kept(
    raw: str, text: str, anchor: str | None
) -> None:
    for body in (f"Intro.\n\n{raw}\n\nText.\n", f"Intro.\n\n- item\n\n{raw}\n"):
        heading = next(b for b in parse_markdown(body, "s").blocks if b.kind == HEADING)
        assert heading.text == text
        ids = [span.target for span in heading.spans if span.kind == SPAN_ANCHOR]
        assert ids == ([anchor] if anchor else [])


@pytest.mark.parametrize(
    ("raw", "shown", "spans"),
    [
        # Nested runs of one kind: each close ends the innermost open one.
        ("*a *b* c*", "a b c", [(SPAN_EMPHASIS, "a b c", None), (SPAN_EMPHASIS, "b", None)]),
        (
            "**外 **内** 外**",
            "外 内 外",
            [(SPAN_STRONG, "外 内 外", None), (SPAN_STRONG, "内", None)],
        ),
        ("x [a *b* c](u) y", "x a b c y", [(SPAN_LINK, "a b c", "u"), (SPAN_EMPHASIS, "b", None)]),
        ("**[链接](u.md)**", "链接", [(SPAN_LINK, "链接", "u.md"), (SPAN_STRONG, "链接", None)]),
        ("**`x`**", "x", [(SPAN_CODE, "x", None), (SPAN_STRONG, "x", None)]),
        ("[a](u1) [b](u2)", "a b", [(SPAN_LINK, "a", "u1"), (SPAN_LINK, "b", "u2")]),
        ("[a](<>)", "a", [(SPAN_LINK, "a", None)]),  # a link with no target
        ("[](empty.md) 后", "后", []),  # a link showing nothing has no span
        (
            "*斜* **粗** ~~删~~ `码` [链](l)",
            "斜 粗 删 码 链",
            [
                (SPAN_EMPHASIS, "斜", None),
                (SPAN_STRONG, "粗", None),
                (SPAN_STRIKE, "删", None),
                (SPAN_CODE, "码", None),
                (SPAN_LINK, "链", "l"),
            ],
        ),
    ],
)
def test_inline_spans_cover_exactly_their_text(
    raw: str, shown: str, spans: list[tuple[str, str, str | None]]
) -> None:
    assert render_inline(raw).text == shown
    assert spans_of(raw) == spans


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # A soft break is a space between words, nothing beside Chinese text.
        ("a \n  b", "a b"),
        ("word\n中文", "word中文"),
        ("中文\nword", "中文word"),
        ("中文\n*强调*", "中文强调"),
        ("word\n**bold**", "word bold"),  # the next word is inside markup: still a space
        ("word\n<span>x</span>", "word x"),
        ("word\n![alt](x.png)", "word [image: alt]"),
        ("a\n`code`", "a code"),
        ("a\n\\*b", "a *b"),
        ("a\n&amp;b", "a &b"),
        ("末尾 \n", "末尾"),
        # A hard break (two spaces, a backslash, <br>) is a new line, no spaces round it.
        ("a  \nb", "a\nb"),
        ("a  \n  b", "a\nb"),
        ("a \\\nb", "a\nb"),
        ("a   <br>   b", "a\nb"),
        ("a  \nb *c* d", "a\nb c d"),  # only the first word after the break loses its spaces
        ("MAX  \nb", "MAX\nb"),  # only spaces are trimmed before a break
        ("a<BR>b", "a\nb"),
        ("a<br/>b", "a\nb"),
        ("a<span>b</span>", "ab"),  # other inline tags show their text only
        # An image shows its alt text, whatever markup is inside it.
        ("![a ![b](c) d](e)", "[image: a b d]"),
        ("![a `c` \\* &amp;\nx](y)", "[image: a c * & x]"),
        ("![](e.png)", "[image]"),
    ],
)
def test_inline_breaks_and_images_as_shown(raw: str, shown: str) -> None:
    assert render_inline(raw).text == shown


@pytest.mark.parametrize(
    ("raw", "shown", "spans"),
    [
        # * opens and closes inside words, Chinese ones included; _ never does.
        ("中文*强调*中文", "中文强调中文", [(SPAN_EMPHASIS, "强调", None)]),
        ("中文**强调**中文", "中文强调中文", [(SPAN_STRONG, "强调", None)]),
        ("a*b*c", "abc", [(SPAN_EMPHASIS, "b", None)]),
        ("snake_case_name", "snake_case_name", []),
        ("中文_强调_中文", "中文_强调_中文", []),
        ("中__粗__中", "中__粗__中", []),
        ("_a_", "a", [(SPAN_EMPHASIS, "a", None)]),
        ("__粗__", "粗", [(SPAN_STRONG, "粗", None)]),
        # A run with a space on its inner side neither opens nor closes.
        ("* a *", "* a *", []),
        ("**a **", "**a **", []),
        ("** a**", "** a**", []),
        # Punctuation beside the run: Chinese text outside still lets it open and close.
        ("（**强调**）", "（强调）", [(SPAN_STRONG, "强调", None)]),
        ("**强调**。", "强调。", [(SPAN_STRONG, "强调", None)]),
        ("。**强调**", "。强调", [(SPAN_STRONG, "强调", None)]),
        ("“**引**”", "“引”", [(SPAN_STRONG, "引", None)]),
        ("**!**中", "!中", [(SPAN_STRONG, "!", None)]),
        ("x*!*x", "x*!*x", []),  # punctuation inside, letters outside: no emphasis
        ("*!*", "!", [(SPAN_EMPHASIS, "!", None)]),
        # ~~ strikes through inside words too; a single ~ is text.
        ("a~~b~~c", "abc", [(SPAN_STRIKE, "b", None)]),
        ("中~~删~~中", "中删中", [(SPAN_STRIKE, "删", None)]),
        ("~~ 删 ~~", "~~ 删 ~~", []),
        ("~删~", "~删~", []),
    ],
)
def test_delimiter_runs_beside_chinese_text_and_punctuation(
    raw: str, shown: str, spans: list[tuple[str, str, str | None]]
) -> None:
    assert render_inline(raw).text == shown
    assert spans_of(raw) == spans


@pytest.mark.parametrize(
    ("raw", "shown", "spans"),
    [
        # An odd run of ~: one is text, the rest strike through (as markdown-it reads it).
        ("x ~~~a~~~ y", "x ~a~ y", [(SPAN_STRIKE, "a", None)]),
        ("~~~删掉~~~", "~删掉~", [(SPAN_STRIKE, "删掉", None)]),
        ("x ~~~~a~~~~ y", "x a y", [(SPAN_STRIKE, "a", None), (SPAN_STRIKE, "a", None)]),
        # Runs that can both open and close follow CommonMark's rule of three.
        (
            "*foo**bar**baz*",
            "foobarbaz",
            [(SPAN_EMPHASIS, "foobarbaz", None), (SPAN_STRONG, "bar", None)],
        ),
        (
            "foo***bar***baz",
            "foobarbaz",
            [(SPAN_STRONG, "bar", None), (SPAN_EMPHASIS, "bar", None)],
        ),
        ("*foo**bar*", "foo**bar", [(SPAN_EMPHASIS, "foo**bar", None)]),
        (
            "**foo*bar*baz**",
            "foobarbaz",
            [(SPAN_STRONG, "foobarbaz", None), (SPAN_EMPHASIS, "bar", None)],
        ),
    ],
)
def test_delimiter_runs_as_commonmark_reads_them(
    raw: str, shown: str, spans: list[tuple[str, str, str | None]]
) -> None:
    assert render_inline(raw).text == shown
    assert spans_of(raw) == spans
