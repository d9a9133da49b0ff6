"""Markdown documents end to end: what becomes the title, code blocks as written, raw
HTML blocks, deep nesting kept as text, front matter shapes and the parser's own state."""

from __future__ import annotations

import gc

import pytest

from tuireader.library.formats.markdown.fast import fast_blocks
from tuireader.library.formats.markdown.frontmatter import MAX_DEPTH, split_front_matter
from tuireader.library.formats.markdown.meta import meta_from_front_matter
from tuireader.library.formats.markdown.page import blocks_from_markdown, parse_markdown
from tuireader.library.model import (
    CODE,
    HEADING,
    PARAGRAPH,
    SPAN_ANCHOR,
    SPAN_LINK,
    TABLE,
    Block,
    Span,
)


def test_a_leading_h2_is_no_title() -> None:
    page = parse_markdown("## Setup\n\nInstall it first.\n", "notes")
    assert page.meta.title == "notes"
    assert page.blocks == (Block(HEADING, "Setup", 2), Block(PARAGRAPH, "Install it first."))


def test_a_whitespace_only_document_has_no_blocks_and_no_warning() -> None:
    page = parse_markdown("  \n\n\t\n  ", "blank")
    assert (page.blocks, page.warnings) == ((), ())


def test_text_past_the_nesting_limit_keeps_its_paragraphs() -> None:
    deep = ">" * 100_000
    page = parse_markdown(f"{deep} first\n  \t\n{deep} second", "s")
    assert [block.text for block in page.blocks] == [f"{deep} first", f"{deep} second"]
    assert [block.kind for block in page.blocks] == [PARAGRAPH, PARAGRAPH]  # shown as text
    assert page.warnings == ("Markdown nested too deeply; shown as plain text",)


def test_code_keeps_trailing_spaces_and_a_long_language_is_cut_to_forty() -> None:
    fence = "```" + "x" * 45 + " linenos\nprint(1)  \n```\n"
    assert blocks_from_markdown(fence) == [Block(CODE, "print(1)  ", language="x" * 40)]
    assert blocks_from_markdown("Text.\n\n    indented  \n") == [
        Block(PARAGRAPH, "Text."),
        Block(CODE, "indented  "),
    ]
    assert blocks_from_markdown("```\n\n```\n") == []  # an empty fence shows nothing


def test_raw_html_blocks() -> None:
    # A table in any case is drawn as a table; other HTML shows its text, a blank line
    # inside it separating paragraphs.
    (table,) = blocks_from_markdown("<TABLE><tr><td>a</td><td>b</td></tr></TABLE>\n")
    assert (table.kind, table.text) == (TABLE, "a | b")
    assert blocks_from_markdown("<pre>\nline one\n\nline two\n</pre>\n") == [
        Block(PARAGRAPH, "line one"),
        Block(PARAGRAPH, "line two"),
    ]
    assert blocks_from_markdown("<div>{{< note >}}Kept words{{< /note >}}</div>\n") == [
        Block(PARAGRAPH, "Kept words")
    ]


def test_parsing_leaves_the_garbage_collector_as_it_found_it() -> None:
    text = "- a list\n- of items\n\n> and a quote\n"
    assert gc.isenabled()
    blocks_from_markdown(text)
    assert gc.isenabled()
    gc.disable()
    try:
        blocks_from_markdown(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_line_of_other_whitespace_is_not_a_blank_line() -> None:
    # Only spaces and tabs make a blank line: a line of an ideographic space does not
    # end the paragraph (and shows nothing inside it).
    text = "第一行\n\u3000\n第二行\n"
    assert fast_blocks(text) == [Block(PARAGRAPH, "第一行第二行")]
    assert blocks_from_markdown(text, allow_fast=False) == fast_blocks(text)


def test_front_matter_that_is_no_mapping_is_text_with_a_warning() -> None:
    text = "---\njust a sentence\n---\nBody.\n"
    assert split_front_matter(text) == (
        {},
        text,
        ("front matter is not a mapping; read as text",),
    )


def test_sections_and_tags_have_their_inner_spaces_collapsed() -> None:
    meta, warnings = meta_from_front_matter(
        {"categories": "Data  Science / Field\tNotes", "tags": ["a  b", "c"]}
    )
    assert meta.sections == ("Data Science", "Field Notes")
    assert meta.tags == ("a b", "c")
    assert warnings == ()


def yaml_nested(levels: int) -> str:
    """YAML mappings ``levels`` deep, the innermost holding one value."""
    lines = "".join(" " * depth + f"k{depth}:\n" for depth in range(levels - 1))
    return lines + " " * (levels - 1) + "k: v\n"


def toml_nested(levels: int) -> str:
    """TOML tables ``levels`` deep (the document counting as one), holding one value."""
    return "a = " + "{b = " * (levels - 1) + "1" + "}" * (levels - 1) + "\n"


@pytest.mark.parametrize(("levels", "read"), [(MAX_DEPTH - 1, True), (MAX_DEPTH, False)])
def test_yaml_and_toml_front_matter_have_one_depth_limit(levels: int, read: bool) -> None:
    # The value is one level below the innermost mapping: 64 levels in all is the most.
    refused = (f"front matter ignored: nested deeper than {MAX_DEPTH} levels",)
    for fence, raw in (("---", yaml_nested(levels)), ("+++", toml_nested(levels))):
        meta, body, warnings = split_front_matter(f"{fence}\n{raw}{fence}\nbody")
        assert body == "body", fence
        assert (bool(meta), warnings) == ((True, ()) if read else (False, refused)), fence


def test_invalid_yaml_is_named_by_the_first_line_of_its_error() -> None:
    assert split_front_matter("---\na: [1, 2\n---\nbody") == (
        {},
        "body",
        ("front matter ignored: while parsing a flow sequence",),
    )


def test_carriage_returns_and_nul_characters_take_the_full_parser() -> None:
    assert fast_blocks("第一段\r\r第二段") is None
    assert blocks_from_markdown("第一段\r\r第二段") == [
        Block(PARAGRAPH, "第一段"),
        Block(PARAGRAPH, "第二段"),
    ]
    assert fast_blocks("a\0b") is None
    assert blocks_from_markdown("a\0b") == [Block(PARAGRAPH, "a\ufffdb")]


def test_a_heading_showing_nothing_is_no_block() -> None:
    for fast in (True, False):
        assert blocks_from_markdown("# {{< toc >}}\n\ntext\n", allow_fast=fast) == [
            Block(PARAGRAPH, "text")
        ]


def test_reference_links_in_headings_resolve() -> None:
    page = parse_markdown(
        "# Intro\n\n## Read [the guide][g]\n\n## Then [more][g] {#more}\n\n[g]: guide.md\n", "s"
    )
    assert page.blocks == (
        Block(HEADING, "Read the guide", 2, spans=(Span(5, 14, SPAN_LINK, "guide.md"),)),
        Block(
            HEADING,
            "Then more",
            2,
            spans=(Span(5, 9, SPAN_LINK, "guide.md"), Span(0, 9, SPAN_ANCHOR, "more")),
        ),
    )
