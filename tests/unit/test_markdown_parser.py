"""The Markdown inline parser as built (CJK-friendly emphasis and strikethrough, tables,
the nesting cap, the linear link-label scan) and how soft line breaks join the words
around markup."""

from __future__ import annotations

import pytest

from tuireader.library.formats.markdown import link_label
from tuireader.library.formats.markdown.inline import (
    MAX_MARKUP_RUN,
    Rendered,
    make_parser,
    render_heading,
    render_inline,
)
from tuireader.library.model import (
    SPAN_ANCHOR,
    SPAN_CODE,
    SPAN_EMPHASIS,
    SPAN_LINK,
    SPAN_STRIKE,
    SPAN_STRONG,
    Span,
)


def inline_types(markdown: str) -> list[str]:
    """The inline token types a freshly made parser gives ``markdown``."""
    (block,) = [token for token in make_parser().parse(markdown) if token.type == "inline"]
    return [token.type for token in block.children or []]


def test_a_fresh_parser_reads_cjk_friendly_emphasis_and_strikethrough() -> None:
    assert inline_types("这是**“重点”**的") == [
        "text",
        "strong_open",
        "text",
        "strong_close",
        "text",
    ]
    assert inline_types("中~~删~~中") == ["text", "s_open", "text", "s_close", "text"]
    # Punctuation inside the run, CJK text outside: CommonMark's rule alone refuses these.
    assert inline_types("中~~“删”~~中") == ["text", "s_open", "text", "s_close", "text"]
    assert inline_types("中*“强”*中") == ["text", "em_open", "text", "em_close", "text"]
    # Latin letters outside and punctuation inside: no emphasis, as CommonMark says.
    assert inline_types('a**"foo"**') == ["text"]
    assert inline_types('**"foo"**b') == ["text"]
    assert inline_types("a ~b~ c") == ["text"]  # one ~ is text


def test_a_fresh_parser_reads_pipe_tables() -> None:
    types = [token.type for token in make_parser().parse("| a | b |\n|---|---|\n| 1 | 2 |\n")]
    assert types[0] == "table_open"
    assert "th_open" in types and "td_open" in types


def test_a_fresh_parser_caps_nesting_at_sixty_levels() -> None:
    parser = make_parser()
    assert parser.options["maxNesting"] == 60
    assert parser.helpers is link_label


def test_a_fresh_parser_finds_link_labels_holding_brackets() -> None:
    assert inline_types("[a [b] c](x)") == ["link_open", "text", "link_close"]
    assert inline_types("[[[a](x)") == ["text", "link_open", "text", "link_close"]


@pytest.mark.parametrize(
    ("raw", "shown", "spans"),
    [
        # The join is decided by the first character the next line shows.
        ("one\ntwo", "one two", ()),
        ("one\n中文", "one中文", ()),
        ("one\n`中文`", "one中文", (Span(3, 5, SPAN_CODE),)),
        ("one\n`two`", "one two", (Span(4, 7, SPAN_CODE),)),
        ("one\n\\*two", "one *two", ()),
        ("one\n&#x4E2D;文", "one中文", ()),
        ("one\n**中文**", "one中文", (Span(3, 5, SPAN_STRONG),)),
        ("one\n~~two~~", "one two", (Span(4, 7, SPAN_STRIKE),)),
        ("one\n<b>中文</b>", "one中文", ()),
        ("one\n![图](p.png)", "one [image: 图]", ()),
        # A line showing nothing before the next break: the break decides alone.
        ("one\n<b>\ntwo", "one two", ()),
        ("one\n<b>\n中文", "one中文", ()),
        ("one\n<b>  \ntwo", "one\ntwo", ()),
        ("one\n\\\ntwo", "one\ntwo", ()),
        # A link whose text starts on the next line holds the space that joins it.
        ("See the\n[\nguide](g.md)", "See the guide", (Span(7, 13, SPAN_LINK, "g.md"),)),
        ("See the\n[\\\nguide](g.md)", "See the\nguide", (Span(7, 13, SPAN_LINK, "g.md"),)),
        ("看\n[\n指南](g.md)", "看指南", (Span(1, 3, SPAN_LINK, "g.md"),)),
        # A next line opening with a space shows that one space, never two.
        ("See the\n[ 中文指南](g.md)", "See the 中文指南", (Span(7, 12, SPAN_LINK, "g.md"),)),
        ("See the\n[ guide](g.md)", "See the guide", (Span(7, 13, SPAN_LINK, "g.md"),)),
        ("one\n<b> </b>two", "one two", ()),
        ("one\n` two`", "one two", (Span(3, 7, SPAN_CODE),)),
    ],
)
def test_soft_breaks_join_by_the_next_shown_character(
    raw: str, shown: str, spans: tuple[Span, ...]
) -> None:
    assert render_inline(raw) == Rendered(shown, spans)
    # The same lines after markup earlier in the paragraph (text without any markup
    # takes a shortcut past the inline parser).
    moved = tuple(Span(s.start + 2, s.end + 2, s.kind, s.target) for s in spans)
    assert render_inline(f"*甲* {raw}") == Rendered(
        f"甲 {shown}", (Span(0, 1, SPAN_EMPHASIS), *moved)
    )


def test_runs_longer_than_the_markup_limit_are_shown_as_written() -> None:
    within = "*" + "a" * (MAX_MARKUP_RUN - 2) + "*"
    assert render_inline(within).text == "a" * (MAX_MARKUP_RUN - 2)
    beyond = "*" + "a" * (MAX_MARKUP_RUN - 1) + "*"
    assert render_inline(beyond) == Rendered(beyond)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # Markup showing nothing at either end leaves no span behind.
        ("[ ](u) x", Rendered("x")),
        ("[ ](u)x", Rendered("x")),
        ("x [ ](u)", Rendered("x")),
        ("x[ ](u)", Rendered("x")),
        ("&#32;*a*", Rendered("a", (Span(0, 1, SPAN_EMPHASIS),))),
        ("*a* &#32;", Rendered("a", (Span(0, 1, SPAN_EMPHASIS),))),
        # Only spaces are trimmed before a hard break: other blanks are text.
        ("*x* a\u3000  \nb", Rendered("x a\u3000\nb", (Span(0, 1, SPAN_EMPHASIS),))),
        ("*x* a\u3000 <br>b", Rendered("x a\u3000\nb", (Span(0, 1, SPAN_EMPHASIS),))),
        ("*x* a\t <br>b", Rendered("x a\t\nb", (Span(0, 1, SPAN_EMPHASIS),))),
        # A run opening the text has nothing before it: it may open, "_" included.
        ("__bold__ text", Rendered("bold text", (Span(0, 4, SPAN_STRONG),))),
        ("_a_ b", Rendered("a b", (Span(0, 1, SPAN_EMPHASIS),))),
    ],
)
def test_the_shown_text_is_trimmed_and_spans_kept_inside_it(raw: str, shown: Rendered) -> None:
    assert render_inline(raw) == shown


def test_a_heading_attribute_block_before_trailing_spaces_is_found() -> None:
    assert render_heading("Setup {#install}  ") == Rendered(
        "Setup", (Span(0, 5, SPAN_ANCHOR, "install"),)
    )


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # Entities and escapes may decode to controls: the shown text never holds them.
        ("*a* &#x202E;b", Rendered("a b", (Span(0, 1, SPAN_EMPHASIS),))),
        ("*a* &#x2028;b", Rendered("a \nb", (Span(0, 1, SPAN_EMPHASIS),))),
        ("![a&#x202E;b](x.png)", Rendered("[image: ab]")),
        # A figure shortcode shows its caption, in either quotes, or a bare [image].
        ("{{< figure src='a.jpg' caption='A boat' >}}", Rendered("[image: A boat]")),
        ('{{< figure src="a.jpg" caption="A boat" >}}', Rendered("[image: A boat]")),
        ('{{< figure src="a.jpg" >}}', Rendered("[image]")),
    ],
)
def test_decoded_text_is_sanitized_and_figures_show_their_captions(
    raw: str, shown: Rendered
) -> None:
    assert render_inline(raw) == shown


def test_a_heading_of_only_an_attribute_block_shows_nothing() -> None:
    assert render_heading("{#install}") == Rendered("")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # After a hard break the next line starts at its first word, whatever shows it.
        ("a\\\n&#32;b", Rendered("a\nb")),
        ("x  \n[ y](u)", Rendered("x\ny", (Span(2, 3, SPAN_LINK, "u"),))),
        ("*a*  \nX marks the spot", Rendered("a\nX marks the spot", (Span(0, 1, SPAN_EMPHASIS),))),
        # Spaces trimmed before a break move the spans after it back.
        ("x   <br>*y*", Rendered("x\ny", (Span(2, 3, SPAN_EMPHASIS),))),
    ],
)
def test_text_after_a_hard_break(raw: str, shown: Rendered) -> None:
    assert render_inline(raw) == shown
