"""Spans of HTML paragraphs found by their text: repeated words, nested marks, order."""

from __future__ import annotations

import lxml.html

from tuireader.library.formats.html.blocks import blocks_from_elements
from tuireader.library.model import SPAN_EMPHASIS, SPAN_LINK, SPAN_STRONG


def _spans(html: str) -> list[tuple[int, int, str, str | None]]:
    (block,) = blocks_from_elements([lxml.html.fragment_fromstring(html)])
    return [(span.start, span.end, span.kind, span.target) for span in block.spans]


def test_a_repeated_word_marks_its_own_place_not_the_first() -> None:
    # "tea" twice: the emphasis is the second one, after the strong one ends.
    assert _spans("<p><b>tea</b> and more <i>tea</i></p>") == [
        (0, 3, SPAN_STRONG, None),
        (13, 16, SPAN_EMPHASIS, None),
    ]


def test_a_mark_inside_a_link_is_looked_for_from_the_links_start() -> None:
    # The bold "rain" is the one inside the link, not the later plain one.
    spans = _spans('<p>Say <a href="/r"><b>rain</b> falls</a> and rain</p>')
    assert spans == [(4, 14, SPAN_LINK, "/r"), (4, 8, SPAN_STRONG, None)]


def test_a_mark_after_a_nested_pair_is_looked_for_after_the_inner_one() -> None:
    # The emphasised "go" is looked for after the bold one, not from the link's start.
    spans = _spans('<p><a href="/a">go <b>on</b></a>, <i>go</i> on</p>')
    assert spans == [
        (0, 5, SPAN_LINK, "/a"),
        (3, 5, SPAN_STRONG, None),
        (7, 9, SPAN_EMPHASIS, None),
    ]


def test_marks_over_the_same_text_list_the_link_first() -> None:
    assert _spans('<p>x <b><a href="/l">same</a></b> y</p>') == [
        (2, 6, SPAN_LINK, "/l"),
        (2, 6, SPAN_STRONG, None),
    ]
    assert _spans('<p>x <a href="/l"><i>same</i></a> y</p>') == [
        (2, 6, SPAN_LINK, "/l"),
        (2, 6, SPAN_EMPHASIS, None),
    ]


def test_a_mark_after_a_link_holding_a_mark_is_looked_for_after_the_link() -> None:
    # The emphasised "go" is the one after the link, not the link's own last word.
    spans = _spans('<p><a href="/a">see <b>it</b> go</a>, <i>go</i> now</p>')
    assert spans == [
        (0, 9, SPAN_LINK, "/a"),
        (4, 6, SPAN_STRONG, None),
        (11, 13, SPAN_EMPHASIS, None),
    ]


def test_a_mark_deep_inside_two_marks_is_looked_for_from_the_inner_ones_start() -> None:
    spans = _spans('<p>x x <a href="/a">x <b>y <i>x</i></b></a> x</p>')
    assert spans == [
        (4, 9, SPAN_LINK, "/a"),
        (6, 9, SPAN_STRONG, None),
        (8, 9, SPAN_EMPHASIS, None),
    ]


def test_a_second_mark_inside_a_link_is_looked_for_after_the_first() -> None:
    assert _spans('<p><a href="/a">so <b>be</b> it, <i>be</i></a> be</p>') == [
        (0, 12, SPAN_LINK, "/a"),
        (3, 5, SPAN_STRONG, None),
        (10, 12, SPAN_EMPHASIS, None),
    ]
