"""Markdown parsing: front matter of Jekyll / Hugo / Obsidian, blocks, inline reduction."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tuireader.library.formats.inline import join_lines
from tuireader.library.formats.markdown.fast import fast_blocks
from tuireader.library.formats.markdown.inline import render_inline
from tuireader.library.formats.markdown.page import blocks_from_markdown, parse_markdown
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


def reduce_inline(raw: str) -> str:
    """The shown text of an inline run (spans are tested on their own)."""
    return render_inline(raw).text


JEKYLL = """---
layout: post
title: "Notes from the river trail"
date: 2022-11-01 10:02:00 +0800
categories: travel/hiking
tags: [outdoors, autumn]
author: Mei Chen
description: A short walk along the river.
---
The path starts behind the old mill.

It ends at the ferry.
"""

HUGO = """+++
title = "Release notes"
date = 2023-05-02T09:00:00+02:00
categories = ["Software", "Releases"]
tags = ["cli"]
summary = "What changed."
canonical = "https://example.org/notes"
+++
## Fixed

- A crash on empty files.
"""

OBSIDIAN = """---
tags:
  - "#reading"
  - "#books/fiction"
created: 2024-01-15
source: Library copy
---
# 读书笔记

第一行
第二行
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def parse_file(path: Path):
    return parse_markdown(path.read_text(encoding="utf-8"), path.stem)


def test_jekyll_post(tmp_path: Path) -> None:
    page = parse_file(write(tmp_path, "2021-01-01-trail.md", JEKYLL))
    assert page.meta.title == "Notes from the river trail"
    assert page.meta.date == "2022-11-01T10:02"  # front matter wins over the file name
    assert page.meta.sections == ("travel", "hiking")
    assert page.meta.tags == ("outdoors", "autumn")
    assert page.meta.author == "Mei Chen"
    assert page.meta.description == "A short walk along the river."
    assert page.blocks == (
        Block(PARAGRAPH, "The path starts behind the old mill."),
        Block(PARAGRAPH, "It ends at the ferry."),
    )
    assert page.warnings == ()


def test_hugo_toml_post(tmp_path: Path) -> None:
    page = parse_file(write(tmp_path, "release.md", HUGO))
    assert page.meta.title == "Release notes"
    assert page.meta.date == "2023-05-02T09:00"
    assert page.meta.sections == ("Software", "Releases")
    assert page.meta.tags == ("cli",)
    assert page.meta.description == "What changed."
    assert page.meta.url == "https://example.org/notes"
    assert page.blocks == (Block(HEADING, "Fixed", 2), Block(LIST_ITEM, "A crash on empty files."))


def test_obsidian_note(tmp_path: Path) -> None:
    page = parse_file(write(tmp_path, "note.md", OBSIDIAN))
    assert page.meta.title == "读书笔记"  # first H1, kept out of the blocks
    assert page.meta.tags == ("reading", "books/fiction")
    assert page.meta.date == "2024-01-15"
    assert page.meta.source == "Library copy"
    assert page.blocks == (Block(PARAGRAPH, "第一行第二行"),)


@pytest.mark.parametrize(
    ("name", "expected_date"),
    [
        ("2022-11-01-slug.md", "2022-11-01"),
        ("20221101.md", "2022-11-01"),
        ("notes.md", None),
        ("2022-02-30-bad.md", None),
    ],
)
def test_date_from_file_name(tmp_path: Path, name: str, expected_date: str | None) -> None:
    page = parse_file(write(tmp_path, name, "Just text.\n"))
    assert page.meta.date == expected_date
    assert page.meta.title == Path(name).stem


def test_title_from_first_h1_without_front_matter() -> None:
    page = parse_markdown("# The Title\n\nBody.\n\n# Second H1\n", "stem")
    assert page.meta.title == "The Title"
    assert page.blocks == (Block(PARAGRAPH, "Body."), Block(HEADING, "Second H1", 1))


def test_h1_repeating_the_front_matter_title_is_dropped() -> None:
    page = parse_markdown("---\ntitle: Same\n---\n# Same\n\ntext", "s")
    assert page.blocks == (Block(PARAGRAPH, "text"),)


def test_h1_different_from_the_front_matter_title_is_kept() -> None:
    page = parse_markdown("---\ntitle: Meta\n---\n# Other\n\ntext", "s")
    assert page.meta.title == "Meta"
    assert page.blocks[0] == Block(HEADING, "Other", 1)


def test_title_no_stays_a_string() -> None:
    assert parse_markdown("---\ntitle: no\n---\nx", "s").meta.title == "no"


def test_invalid_front_matter_date_falls_back_to_the_stem_with_a_warning() -> None:
    page = parse_markdown("---\ndate: 2024-02-30\n---\nx", "20221101")
    assert page.meta.date == "2022-11-01"
    assert any("date" in warning for warning in page.warnings)


def test_front_matter_warning_reaches_the_page() -> None:
    page = parse_markdown("---\na: &x 1\nb: *x\n---\nbody", "s")
    assert page.warnings and "alias" in page.warnings[0]
    assert page.blocks == (Block(PARAGRAPH, "body"),)


@pytest.mark.parametrize(
    ("front", "sections", "tags"),
    [
        ("category: News, World", ("News", "World"), ()),
        ("section: 新闻/国际", ("新闻", "国际"), ()),
        ("sections: [a, a, b]", ("a", "b"), ()),
        ("tags: one two, three", (), ("one", "two", "three")),
        ("tags: '#x #y'", (), ("x", "y")),
        ("categories: {a: b}", (), ()),
    ],
)
def test_section_and_tag_shapes(front: str, sections: tuple, tags: tuple) -> None:
    page = parse_markdown(f"---\n{front}\n---\nx", "s")
    assert page.meta.sections == sections
    assert page.meta.tags == tags


def test_blocks_of_every_kind() -> None:
    text = """Intro.

> quoted one
> line two
>
> quoted two

1. first
2. second
   - nested
3. third

   third, more

```python
def f():
    return 1
```

    indented code

---

| a | b |
|---|---|
| 1 | 2 |

<div>html <b>block</b></div>
"""
    assert parse_markdown(text, "s").blocks == (
        Block(PARAGRAPH, "Intro."),
        Block(QUOTE, "quoted one line two"),
        Block(QUOTE, "quoted two"),
        Block(LIST_ITEM, "first", 0, 1),
        Block(LIST_ITEM, "second", 0, 2),
        Block(LIST_ITEM, "nested", 1, None),
        Block(LIST_ITEM, "third", 0, 3),
        Block(LIST_ITEM, "third, more", 0, None),
        Block(CODE, "def f():\n    return 1", language="python"),
        Block(CODE, "indented code"),
        Block(RULE, ""),
        Block(
            TABLE,
            "a | b\n1 | 2",
            table=TableShape((((0, 1), (4, 5)), ((6, 7), (10, 11))), 1, ("", "")),
        ),
        Block(PARAGRAPH, "html block"),
    )


def test_ordered_list_start_number() -> None:
    blocks = parse_markdown("7. seven\n8. eight\n", "s").blocks
    assert [block.ordinal for block in blocks] == [7, 8]


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("*em* and **strong** and ***both***", "em and strong and both"),
        ("__strong__ and _em_ but snake_case_name", "strong and em but snake_case_name"),
        ("`code *not em*` here", "code *not em* here"),
        ("``a ` b``", "a ` b"),
        ("[text](http://x.org 'title') and [ref][1]", "text and [ref][1]"),  # [1] undefined
        ("![alt text](i.png) and ![](j.png)", "[image: alt text] and [image]"),
        ("[![badge](b.svg)](http://ci)", "[image: badge]"),
        ("<http://x.org> <b>bold</b> &amp; &lt;", "http://x.org bold & <"),
        (r"\*literal\* and \_x\_", "*literal* and _x_"),
        ("~~gone~~ 中文*强调*中文", "gone 中文强调中文"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_inline_markup_is_reduced(raw: str, plain: str) -> None:
    assert reduce_inline(raw) == plain


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("中文第一行\n中文第二行", "中文第一行中文第二行"),
        ("English line\nnext line", "English line next line"),
        ("中文结尾\nEnglish", "中文结尾English"),
        ("ends in English\n中文开头", "ends in English中文开头"),
        ("句号。\n下一句", "句号。下一句"),
        ("hard break  \nnext", "hard break\nnext"),
        ("inline<br>break", "inline\nbreak"),
        ("中文<br/>中文", "中文\n中文"),
    ],
)
def test_soft_breaks_are_cjk_aware(raw: str, joined: str) -> None:
    assert reduce_inline(raw) == joined


def test_join_lines_drops_blank_lines() -> None:
    assert join_lines("  a \n\n  b ") == "a b"


def test_unbalanced_markup_in_a_huge_paragraph_stays_fast_enough() -> None:
    # Bounded spans keep this linear-ish; the assertion is about the output, not time.
    text = "*a " * 20000
    assert reduce_inline(text).startswith("*a")


def test_empty_and_whitespace_documents() -> None:
    assert parse_markdown("", "empty").blocks == ()
    assert parse_markdown("\n\n  \n", "blank").meta.title == "blank"


# Once failed: a lone fence made an empty code block.
@example("```")
@example("~~~\n\n~~~")
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中文\n\t-*_`[]()!<>#>|~\\&;:=+1.")), max_size=300))
def test_any_text_parses_without_error(text: str) -> None:
    page = parse_markdown(text, "stem")
    assert page.meta.title
    assert all(block.text or block.kind == RULE for block in page.blocks)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab 中文\n\n\t#*_`[]!<>&;\\~-=+1.)|\u3000\xa0")), max_size=80
    )
)
def test_fast_path_agrees_with_markdown_it(text: str) -> None:
    fast = fast_blocks(text)
    if fast is not None:
        assert fast == blocks_from_markdown(text, allow_fast=False)


def test_fast_path_is_taken_for_paragraphs_and_headings_only() -> None:
    assert fast_blocks("# Title\n\nPara one\nline two.\n\n## Sub\n\n#tag is text") == [
        Block(HEADING, "Title", 1),
        Block(PARAGRAPH, "Para one line two."),
        Block(HEADING, "Sub", 2),
        Block(PARAGRAPH, "#tag is text"),
    ]
    for other in ("- item", "> quote", "    code", "```\nx\n```", "a\n===", "| a |", "<div>"):
        assert fast_blocks(f"Text.\n\n{other}\n") is None, other


def test_text_past_the_nesting_limit_is_kept_as_plain_text() -> None:
    page = parse_markdown(">" * 100_000 + " deep words", "s")
    assert page.blocks and page.blocks[0].text.endswith("deep words")
    assert any("nested" in warning for warning in page.warnings)


def test_deep_lists_do_not_raise() -> None:
    page = parse_markdown("".join("  " * depth + "- x\n" for depth in range(400)), "s")
    assert page.blocks


def test_author_and_source_lines_of_a_reposted_post_fill_the_fields() -> None:
    text = (
        "---\ntitle: 城里的新公园\ndate: 2021-05-02\n---\n\n"
        "作者：陈小红\n\n来源：江城日报\n\n"
        "新公园开放的第一天，来了很多带孩子的家长。\n\n"
        "责任编辑：吴九\n"
    )
    page = parse_markdown(text, "post")
    assert (page.meta.author, page.meta.source, page.meta.editor) == ("陈小红", "江城日报", "吴九")
    assert [block.text for block in page.blocks] == ["新公园开放的第一天，来了很多带孩子的家长。"]


def test_html_block_entities_and_escaped_shortcodes_in_code(tmp_path: Path) -> None:
    text = (
        "# Menu\n\n<div>Fish &amp; chips</div>\n\n"
        'Use `{{</* figure src="boat.jpg" */>}}` to show a figure.\n\n'
        '```\n{{</* figure src="boat.jpg" */>}}\n```\n'
    )
    page = parse_file(write(tmp_path, "menu.md", text))
    assert [block.text for block in page.blocks] == [
        "Fish & chips",
        'Use {{< figure src="boat.jpg" >}} to show a figure.',
        '{{< figure src="boat.jpg" >}}',
    ]


def test_a_line_break_inside_marked_up_text_is_a_space_between_latin_only(tmp_path: Path) -> None:
    text = "Some *bold*\ntext here\n\n中文*强调*\n继续写\n\nSome *bold*\n\\*注意\\*\n"
    page = parse_file(write(tmp_path, "breaks.md", text))
    # An escaped "*" after the break is the next character shown: Latin, so a space.
    assert [block.text for block in page.blocks] == [
        "Some bold text here",
        "中文强调继续写",
        "Some bold *注意*",
    ]


def test_an_author_given_as_a_mapping_is_its_name(tmp_path: Path) -> None:
    # Hugo themes write author: {name: …, email: …}.
    text = "---\ntitle: Tides\nauthor:\n  name: Mara Quill\n  email: mara@harbour.example\n---\n\nThe tide tables are out.\n"
    page = parse_file(write(tmp_path, "tides.md", text))
    assert (page.meta.title, page.meta.author) == ("Tides", "Mara Quill")


EVERY_BLOCK = """# 小镇书店

第一段。

## 二级标题

- 甲
  - 乙
- 丙

  丙的第二段

3. 三
4. 四

> 引用的话
>
> > 更深的引用

```python extra
print(1)
```

```
```

    缩进的代码

---

| 左 | 中 | 右 | 无 |
|:---|:--:|---:|----|
| a | b | c | d |

<div>
HTML 块的文字

第二段
</div>

{% highlight ruby %}
puts 1
{% endhighlight %}

###### 六级
"""


def test_every_kind_of_block_with_its_level_number_and_language() -> None:
    page = parse_markdown(EVERY_BLOCK, "2024-03-01-slug")
    assert (page.meta.title, page.meta.date) == ("小镇书店", "2024-03-01")
    shown = [(b.kind, b.text, b.level, b.ordinal, b.language) for b in page.blocks]
    assert shown == [
        (PARAGRAPH, "第一段。", 0, None, None),
        (HEADING, "二级标题", 2, None, None),
        (LIST_ITEM, "甲", 0, None, None),
        (LIST_ITEM, "乙", 1, None, None),
        (LIST_ITEM, "丙", 0, None, None),
        (LIST_ITEM, "丙的第二段", 0, None, None),  # a later paragraph of the item
        (LIST_ITEM, "三", 0, 3, None),  # an ordered list counts from its start
        (LIST_ITEM, "四", 0, 4, None),
        (QUOTE, "引用的话", 0, None, None),
        (QUOTE, "更深的引用", 0, None, None),
        (CODE, "print(1)", 0, None, "python"),
        (CODE, "缩进的代码", 0, None, None),  # the empty fence made no block
        (RULE, "", 0, None, None),
        (TABLE, "左 | 中 | 右 | 无\na | b | c | d", 0, None, None),
        (PARAGRAPH, "HTML 块的文字", 0, None, None),
        (PARAGRAPH, "第二段", 0, None, None),
        (CODE, "puts 1", 0, None, "ruby"),  # Jekyll's highlight tag is a fence
        (HEADING, "六级", 6, None, None),
    ]
    table = page.blocks[13].table
    assert table is not None
    assert (table.header_rows, table.aligns) == (1, ("left", "center", "right", ""))


def test_an_html_table_in_markdown_is_a_table_without_its_scripts_and_styles() -> None:
    doc = (
        "前面的文字。\n\n<table>\n<tr><th>名</th><th>值</th></tr>\n<script>alert(1)</script>\n"
        "<tr><td>甲</td><td>1</td></tr>\n<style>td { color: red }</style>\n</table>\n\n后面的文字。\n"
    )
    page = parse_markdown(doc, "s")
    assert [(b.kind, b.text) for b in page.blocks] == [
        (PARAGRAPH, "前面的文字。"),
        (TABLE, "名 | 值\n甲 | 1"),
        (PARAGRAPH, "后面的文字。"),
    ]
    table = page.blocks[1].table
    assert table is not None and table.header_rows == 1


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("\n  \n", ""),  # blank lines only
        ("  a  ", "a"),
        ("中文\n中文", "中文中文"),  # nothing between Chinese characters
        ("a\nb", "a b"),
        ("中\nb", "中b"),
        ("a\n\n  b  ", "a b"),
    ],
)
def test_join_lines(text: str, joined: str) -> None:
    assert join_lines(text) == joined


def test_metadata_paragraphs_of_a_reposted_article_leave_the_body() -> None:
    text = "这是正文的一段话，讲的是河边小镇上新开的书店。"
    page = parse_markdown(f"作者：李明\n\n{text}\n\n来源：新华网\n", "2024-01-02-slug")
    assert (page.meta.author, page.meta.source, page.meta.date) == ("李明", "新华网", "2024-01-02")
    assert [(b.kind, b.text) for b in page.blocks] == [(PARAGRAPH, text)]


@pytest.mark.parametrize(
    ("markup", "kind"), [("- 作者：李明", LIST_ITEM), ("> 来源：新华网", QUOTE)]
)
def test_metadata_words_in_a_list_or_quote_are_text(markup: str, kind: str) -> None:
    text = "这是正文的一段话，讲的是河边小镇上新开的书店。"
    page = parse_markdown(f"{text}\n\n{markup}\n", "note")
    assert (page.meta.author, page.meta.source) == (None, None)
    assert [(b.kind, b.text) for b in page.blocks] == [(PARAGRAPH, text), (kind, markup[2:])]
