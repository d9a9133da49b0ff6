"""Line breaking with pinyin above the text (text.ruby): the wrap properties still hold.

The same guarantees as the plain wrapper's property tests (test_text_properties.py):
text kept, width kept, kinsoku, words whole; characters here take the width of their
reading, so lines hold fewer of them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.text.ruby import slot_widths, wrap_ruby
from tuireader.text.wrap import CLOSING, OPENING, wrap_lines

EXAMPLES = settings(max_examples=200, deadline=None)
PARAGRAPH = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=200)
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地"


def _readings(text: str) -> list[str | None]:
    """A made-up reading of 2-6 letters for every Han character (others none)."""
    return [("x" * (2 + ord(c) % 5)) if c in HAN else None for c in text]


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, non-overlapping, and only spaces fall between them."""
    position = 0
    for start, end in spans:
        assert position <= start <= end
        assert text[position:start].strip(" \t") == ""
        position = end
    assert text[position:].strip(" \t") == ""


@st.composite
def chinese_with_punctuation(draw: st.DrawFn) -> str:
    """Han runs separated by single punctuation marks (kinsoku always possible)."""
    pieces = []
    for _ in range(draw(st.integers(1, 30))):
        pieces.append(draw(st.text(st.sampled_from(HAN), min_size=1, max_size=8)))
        pieces.append(draw(st.sampled_from(["", "", "，", "。", "」", "「", "（", "）", "…"])))
    return "".join(pieces).rstrip("「（").lstrip("，。」）…")


def test_a_character_takes_the_width_of_its_reading() -> None:
    assert slot_widths("中a，", ["zhōng", None, None]) == [6, 1, 2]
    assert slot_widths("了", ["le"]) == [3]


def test_lines_hold_fewer_characters_with_readings() -> None:
    text = "经济发展很快"
    widths = slot_widths(text, ["jīng", "jì", "fā", "zhǎn", "hěn", "kuài"])
    assert [text[s:e] for s, e in wrap_ruby(text, widths, 12)] == ["经济发", "展很", "快"]


def _lines(text: str, readings: list[str | None], width: int) -> list[str]:
    return [text[s:e] for s, e in wrap_ruby(text, slot_widths(text, readings), width)]


def test_opening_punctuation_moved_down_stands_alone_when_it_does_not_fit() -> None:
    # 中 6 cells, （ 2, 国 7, a 1. （ may not end a line, so it moves down with 国; when
    # （ and 国 (9 cells) do not fit on one line, （ gets its own and 国 starts the next.
    readings = ["zhong", None, "zhuang", None]
    assert _lines("中（国a", readings, 9) == ["中", "（国", "a"]
    assert _lines("中（国a", readings, 8) == ["中", "（", "国a"]
    # Two opening marks move down together and stay together.
    assert _lines("中《（国a", ["zhong", None, None, "zhuang", None], 10) == ["中", "《（", "国a"]


def test_a_one_cell_line_holds_one_letter_and_empty_text_one_empty_line() -> None:
    assert wrap_ruby("ab", [1, 1], 1) == [(0, 1), (1, 2)]
    assert wrap_ruby("ab", [1, 1], 0) == [(0, 1), (1, 2)]
    assert wrap_ruby("", [], 5) == [(0, 0)]


def test_a_word_is_one_unit_whatever_its_letters() -> None:
    text = "Xu Xi"
    assert [text[s:e] for s, e in wrap_ruby(text, [1] * len(text), 2)] == ["Xu", "Xi"]
    # After 国 (7 cells) the word aX does not fit: it moves down whole.
    assert _lines("国aX", ["zhuang", None, None], 8) == ["国", "aX"]
    # A word after a character is a unit of its own, not glued to the character.
    assert _lines("中ab", ["zhong", None, None], 7) == ["中", "ab"]


@pytest.mark.parametrize(
    ("text", "readings", "width", "expected"),
    [
        ("aaa", [None] * 3, 2, ["aa", "a"]),  # cut where the cells run out
        ("aaaaa", [None] * 5, 2, ["aa", "aa", "a"]),
        ("中aaa", ["zhong", None, None, None], 2, ["中", "aa", "a"]),
        ("中", ["zhong"], 1, ["中"]),  # one character wider than the line: one line
        ("（中", [None, "zhong"], 1, ["（", "中"]),
        ("aa\u0301", [None] * 3, 1, ["a", "a\u0301"]),  # a mark stays with its letter
        # ... and with its character however wide its reading is.
        ("中\u0301a", ["zhong", None, None], 3, ["中\u0301", "a"]),
    ],
)
def test_a_unit_wider_than_the_line_is_cut_between_characters(
    text: str, readings: list[str | None], width: int, expected: list[str]
) -> None:
    assert _lines(text, readings, width) == expected


def test_a_space_after_a_variation_selector_belongs_to_no_line() -> None:
    # 葛 with an ideographic variation selector (zero cells: it joins the character),
    # then a space: the break falls on the space, which neither line keeps.
    text = "葛\U000e0100 ab"
    for readings, width in (([None] * 5, 3), (["ge2", None, None, None, None], 4)):
        spans = wrap_ruby(text, slot_widths(text, readings), width)
        assert [text[start:end] for start, end in spans] == ["葛\U000e0100", "ab"]


def test_readings_must_match_the_text() -> None:
    with pytest.raises(ValueError):
        slot_widths("中文", ["zhong"])


@EXAMPLES
@given(PARAGRAPH, st.integers(min_value=2, max_value=40))
def test_ruby_wrap_preserves_text_and_width(text: str, width: int) -> None:
    widths = slot_widths(text, _readings(text))
    spans = wrap_ruby(text, widths, width)
    _check_spans(text, spans)
    for start, end in spans:
        # Only a single unit wider than the line may overflow... and it is cut.
        assert sum(widths[start:end]) <= width or end - start == 1


@EXAMPLES
@given(chinese_with_punctuation(), st.integers(min_value=14, max_value=60))
def test_ruby_wrap_kinsoku_holds_when_possible(text: str, width: int) -> None:
    widths = slot_widths(text, _readings(text))
    spans = wrap_ruby(text, widths, width)
    lines = [text[start:end] for start, end in spans]
    assert "".join(lines) == text
    assert all(line[0] not in CLOSING for line in lines if line)
    assert all(line[-1] not in OPENING for line in lines if line)
    assert all(sum(widths[start:end]) <= width for start, end in spans)


@EXAMPLES
@given(st.from_regex(re.compile(r"[a-z0-9]{1,12}( [a-z0-9]{1,12}){0,20}"), fullmatch=True),
       st.integers(min_value=12, max_value=40))  # fmt: skip
def test_ruby_wrap_never_splits_a_word_that_fits(text: str, width: int) -> None:
    widths = slot_widths(text, [None] * len(text))
    assert wrap_ruby(text, widths, width) == wrap_lines(text, width)
