"""Search result snippets: a slice of the first hit's paragraph, with the hits marked.

The long paragraphs here put many characters that folding lengthens (ﬁ folds to fi)
before the hits, so offsets in the folded text run ahead of the original ones: the
snippet must still be cut around the first hit, at its place in the original text.
"""

from __future__ import annotations

import pytest

from tuireader.search.snippets import ELLIPSIS, make_snippet
from tuireader.text.fold import fast_fold

TERM = "目标"
LEAD = 30  # characters shown before the first hit
WIDTH = 120


def snippet_of(
    line: str, terms: list[str] | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet of an article whose first paragraph has no hit and whose second is ``line``."""
    body = "前言没有那个词。\n" + line
    return make_snippet(body, fast_fold(body), terms or [TERM])


def around(line: str, start: int) -> str:
    """The snippet expected for a first hit at ``start`` of ``line``."""
    begin = max(0, start - LEAD)
    prefix = ELLIPSIS if begin else ""
    suffix = ELLIPSIS if begin + WIDTH < len(line) else ""
    return prefix + line[begin : begin + WIDTH] + suffix


def marked(snippet: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    """The text of every marked span."""
    return [snippet[start:end] for start, end in spans]


def test_the_snippet_is_cut_around_the_first_hit_not_a_later_one():
    line = "开头" + "字" * 40 + TERM + "字" * 200 + TERM + "字" * 50
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 42)
    assert marked(snippet, spans) == [TERM]


def test_every_hit_inside_the_snippet_is_marked():
    line = "字" * 50 + TERM + "，" + TERM + "和" + TERM + "字" * 200
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 50)
    assert marked(snippet, spans) == [TERM, TERM, TERM]


def test_in_a_long_paragraph_the_first_hit_is_found_after_lengthening_folds():
    # Hits at 1500 and 1602 (folded: 3000 and 3102), and one far after them at 5104.
    line = "ﬁ" * 1500 + TERM + "字" * 100 + TERM + "字" * 3500 + TERM + "字" * 100
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 1500)
    assert marked(snippet, spans) == [TERM]


def test_a_long_paragraph_starting_with_the_hit_shows_its_beginning():
    line = TERM + "字" * 10 + TERM + "字" * 6000
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 0)
    assert spans == ((0, 2), (12, 14))


def test_a_hit_far_from_its_folded_offset_is_still_marked():
    # The only hit is at 2100, its folded offset 4200: nowhere near where the folded
    # text says it is, so the whole paragraph is folded to find it.
    line = "ﬁ" * 2100 + TERM + "字" * 2000
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 2100)
    assert marked(snippet, spans) == [TERM]


def test_a_paragraph_of_4000_characters_is_folded_whole():
    line = "ﬁ" * 2100 + TERM + "字" * 100 + TERM
    line += "字" * (4000 - len(line))
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 2100)
    assert marked(snippet, spans) == [TERM]


def test_a_common_term_never_crowds_out_the_marks_of_another():
    line = "经济" + "的" * 300
    snippet, spans = snippet_of(line, ["的", "经济"])
    assert snippet == around(line, 0)
    assert marked(snippet, spans) == ["经济"] + ["的"] * (WIDTH - 2)


@pytest.mark.parametrize("trail", ["", "\n后记。"])
@pytest.mark.parametrize("lead", ["", "前言。\n", "\n", "一\n二\n"])
@pytest.mark.parametrize("ahead", [0, 1, 500, 1998, 1999, 2000])
def test_the_first_hit_is_found_while_folds_run_up_to_2000_characters_ahead(lead, trail, ahead):
    # Each ﬁ folds to two characters: the folded offset of the first hit (at 2000) runs
    # ``ahead``; the second hit (at 2102) is past the snippet, and past a window that
    # would start too late to hold the first.
    line = "ﬁ" * ahead + "字" * (2000 - ahead) + TERM + "字" * 100 + TERM + "字" * 3000
    body = lead + line + trail
    snippet, spans = make_snippet(body, fast_fold(body), [TERM])
    assert snippet == around(line, 2000)
    assert marked(snippet, spans) == [TERM]


def test_the_hit_is_found_in_a_middle_paragraph():
    body = "第一段。\n第二段有目标。\n第三段。\n第四段也有目标。"
    snippet, spans = make_snippet(body, fast_fold(body), [TERM])
    assert snippet == "第二段有目标。"
    assert marked(snippet, spans) == [TERM]


def test_an_empty_first_line_counts_as_a_line():
    body = "\n第一段。\n有目标的一段。"
    snippet, spans = make_snippet(body, fast_fold(body), [TERM])
    assert snippet == "有目标的一段。"
    assert marked(snippet, spans) == [TERM]


@pytest.mark.parametrize(("gap", "marks"), [(86, [TERM, TERM]), (87, [TERM, "目"]), (88, [TERM])])
def test_hits_at_the_cut_are_marked_only_as_far_as_the_snippet_shows_them(gap, marks):
    # The snippet shows line[20:140]; the second hit starts at 138, 139 or 140.
    line = "字" * 50 + TERM + "字" * gap + TERM + "字" * 50
    snippet, spans = snippet_of(line)
    assert snippet == around(line, 50)
    assert marked(snippet, spans) == marks


def test_a_hit_ending_the_paragraph_is_marked_whole():
    snippet, spans = snippet_of("开头" + TERM)
    assert snippet == "开头" + TERM
    assert spans == ((2, 4),)


def test_a_paragraph_of_exactly_the_snippet_width_is_not_cut():
    line = TERM + "字" * (WIDTH - 2)
    snippet, spans = snippet_of(line)
    assert snippet == line
    assert spans == ((0, 2),)


def test_a_folded_body_out_of_step_with_the_body_gives_a_plain_snippet():
    # A stale stored row: the folded text holds the hit, the body does not (or has fewer
    # lines). The snippet is then the body's first line, unmarked, never an error.
    assert make_snippet("一行。", "一行。\n目标", [TERM]) == ("一行。", ())
    assert make_snippet("没有。", "目标。", [TERM]) == ("没有。", ())


def test_a_blank_body_gives_an_empty_snippet():
    assert make_snippet(" \n  ", " \n  ", ["字"]) == ("", ())


def test_empty_terms_are_ignored():
    line = "字" * 10 + TERM + "字" * 10
    snippet, spans = snippet_of(line, ["", TERM])
    assert snippet == line
    assert marked(snippet, spans) == [TERM]


def test_without_a_hit_the_first_nonblank_paragraph_is_shown():
    body = "  \n第一段。\n第二段。"
    assert make_snippet(body, fast_fold(body), ["没有"]) == ("第一段。", ())
