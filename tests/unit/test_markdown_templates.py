"""Site-generator tags in Markdown text, and what the Markdown parser is set up to read
(strikethrough, tables, CJK-friendly emphasis, deep nesting)."""

from __future__ import annotations

import pytest

from tuireader.library.formats.markdown.inline import render_inline, strip_templates
from tuireader.library.formats.markdown.page import parse_markdown
from tuireader.library.model import (
    LIST_ITEM,
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_STRIKE,
    SPAN_STRONG,
    TABLE,
)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a {{< note >}} b", "a b"),
        ("x  y {{ t }} z  w", "x y z w"),  # a tag gone: each gap is one space
        ("two  spaces {no tag}", "two  spaces {no tag}"),  # no tag: left as written
        ("keep {{< a >}}text{{< /a >}} end", "keep text end"),
        ("a{% if x %}b{% endif %}c", "abc"),
        ("plain words", "plain words"),
    ],
)
def test_template_tags_leave_no_trace(raw: str, shown: str) -> None:
    assert strip_templates(raw) == shown


def test_escaped_shortcodes_show_as_code_each_in_its_place() -> None:
    raw = "see {{</* ref x */>}} and {{%/* pin y */%}} here"
    assert strip_templates(raw) == "see `{{< ref x >}}` and `{{% pin y %}}` here"
    rendered = render_inline(raw)
    assert rendered.text == "see {{< ref x >}} and {{% pin y %}} here"
    shown = [(span.kind, rendered.text[span.start : span.end]) for span in rendered.spans]
    assert shown == [(SPAN_CODE, "{{< ref x >}}"), (SPAN_CODE, "{{% pin y %}}")]


def test_strikethrough_and_cjk_emphasis_are_read() -> None:
    rendered = render_inline("~~旧~~，**“重点”**的")
    assert rendered.text == "旧，“重点”的"
    shown = [(span.kind, rendered.text[span.start : span.end]) for span in rendered.spans]
    assert shown == [(SPAN_STRIKE, "旧"), (SPAN_STRONG, "“重点”")]
    emphasised = render_inline("，*注意*：")
    assert [(s.kind, s.start, s.end) for s in emphasised.spans] == [(SPAN_EMPHASIS, 1, 3)]
    struck = render_inline("旧话~~“作废”~~的")
    assert struck.text == "旧话“作废”的"
    assert [(s.kind, s.start, s.end) for s in struck.spans] == [(SPAN_STRIKE, 2, 6)]


def test_a_table_is_a_table_block() -> None:
    page = parse_markdown("| 名 | 值 |\n|---|--:|\n| 甲 | 1 |\n", "s")
    assert [(block.kind, block.text) for block in page.blocks] == [(TABLE, "名 | 值\n甲 | 1")]


def test_lists_nested_25_deep_keep_every_level() -> None:
    text = "".join("  " * depth + f"- level {depth}\n" for depth in range(25))
    page = parse_markdown(text, "s")
    assert [block.text for block in page.blocks] == [f"level {depth}" for depth in range(25)]
    assert {block.kind for block in page.blocks} == {LIST_ITEM}
    assert page.warnings == ()
