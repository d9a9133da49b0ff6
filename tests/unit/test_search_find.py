"""Find inside one article: folded matching on whole blocks, original offsets, regex."""

from __future__ import annotations

from pathlib import Path

from tuireader.library.loader import load_article
from tuireader.search.find import (
    FindResult,
    FoldedBlocks,
    find_in_text,
    find_terms,
    next_after,
    split_regex_prefix,
    step,
)


def texts(blocks, result: FindResult) -> list[str]:
    """The original text of every hit."""
    return [blocks[b][s:e] for b, s, e in result.matches]


def test_every_hit_in_reading_order():
    blocks = ["经济发展，经济向好", "没有", "经济"]
    result = find_in_text(blocks, "经济")
    assert result.matches == ((0, 0, 2), (0, 5, 7), (2, 0, 2))
    assert result.error is None


def test_case_and_width_are_ignored_and_offsets_are_original():
    blocks = ["Ａ ＡＢＣ and abc and ABC", "Ｔｅｘｔ text TEXT"]
    assert texts(blocks, find_in_text(blocks, "abc")) == ["ＡＢＣ", "abc", "ABC"]
    assert texts(blocks, find_in_text(blocks, "ＴＥＸＴ")) == ["Ｔｅｘｔ", "text", "TEXT"]


def test_a_folding_that_changes_length_maps_back():
    blocks = ["Die Straße und STRASSE"]
    assert texts(blocks, find_in_text(blocks, "strasse")) == ["Straße", "STRASSE"]


def test_a_phrase_wrapped_across_lines_in_the_file_is_found(tmp_path: Path):
    page = tmp_path / "a.md"
    page.write_text("# 标题\n\n中国经\n济发展很快。The river\ncity council.\n", encoding="utf-8")
    blocks = [block.text for block in load_article(page, tmp_path).blocks]
    assert texts(blocks, find_in_text(blocks, "经济发展")) == ["经济发展"]
    assert len(find_in_text(blocks, "river city").matches) == 1


def test_no_match_across_two_blocks():
    assert find_in_text(["ab", "cd"], "bc").matches == ()


def test_empty_query_finds_nothing():
    assert find_in_text(["a b   c"], "").matches == ()
    assert find_in_text(["a b   c"], "   ").matches == ()  # not the spaces in the text


def test_a_plain_query_is_never_a_regex_unless_asked():
    folded = FoldedBlocks(["a.c and abc"])
    assert folded.find("a.c").matches == ((0, 0, 3),)
    assert folded.find("a.c", regex=True).matches == ((0, 0, 3), (0, 8, 11))


def test_regex_on_request():
    blocks = ["Issue 12 and ISSUE 345", "数字 2022 年"]
    result = find_in_text(blocks, r"issue \d+", regex=True)
    assert texts(blocks, result) == ["Issue 12", "ISSUE 345"]
    assert texts(blocks, find_in_text(blocks, r"\d{4}", regex=True)) == ["2022"]
    assert texts(blocks, find_in_text(blocks, r"ISSUE \d+", regex=True)) == [
        "Issue 12",
        "ISSUE 345",
    ]


def test_regex_hits_after_a_folding_that_changes_length_map_back():
    blocks = ["Die Straße und STRASSE"]
    result = find_in_text(blocks, "stras+e", regex=True)
    assert texts(blocks, result) == ["Straße", "STRASSE"]


def test_re_prefix_makes_a_regex():
    assert split_regex_prefix("re:a.c", False) == ("a.c", True)
    assert split_regex_prefix("abc", True) == ("abc", True)
    assert split_regex_prefix("abc", False) == ("abc", False)


def test_regex_never_returns_empty_hits():
    assert find_in_text(["abc"], "x*", regex=True).matches == ()


def test_an_invalid_regex_is_an_error_not_an_exception():
    result = find_in_text(["abc"], "(unclosed", regex=True)
    assert result.matches == ()
    assert result.error.startswith("bad regex:")


def test_find_terms_merges_several_terms_in_order():
    assert find_terms(["b a b"], ["a", "b"]) == [(0, 0, 1), (0, 2, 3), (0, 4, 5)]


def test_find_terms_finds_every_repeat_of_a_term():
    assert find_terms(["经济，经济，经济"], ["经济"]) == [(0, 0, 2), (0, 3, 5), (0, 6, 8)]


def test_find_terms_maps_hits_after_a_folding_that_changes_length_back():
    blocks = ["Die Straße und STRASSE"]
    found = find_terms(blocks, ["strasse", "und"])
    assert [blocks[b][s:e] for b, s, e in found] == ["Straße", "und", "STRASSE"]


def test_step_wraps_around_both_ways():
    matches = [(0, 0, 1), (0, 5, 6), (1, 0, 1)]
    assert step(matches, None) == 0
    assert step(matches, 2) == 0
    assert step(matches, 0, forward=False) == 2
    assert step(matches, None, forward=False) == 2
    assert step([], 0) is None


def test_next_after_a_position():
    matches = [(0, 0, 1), (0, 5, 6), (2, 0, 1)]
    assert next_after(matches, 0, 3) == 1
    assert next_after(matches, 0, 5) == 1  # a hit exactly at the position is the next one
    assert next_after(matches, 1, 0) == 2
    assert next_after(matches, 3, 0) == 0
    assert next_after([], 0, 0) is None
