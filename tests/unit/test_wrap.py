"""CJK-aware line breaking: widths in cells, word integrity, kinsoku."""

from __future__ import annotations

import pytest

from tuireader.text.wrap import OPENING, cell_width, wrap_items, wrap_lines


def lines(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap_lines(text, width)]


@pytest.mark.parametrize(
    ("text", "cells"),
    [("abc", 3), ("中文", 4), ("中a", 3), ("👨\u200d👩\u200d👧", 2), ("e\u0301", 1), ("", 0)],
)
def test_cell_width(text: str, cells: int) -> None:
    assert cell_width(text) == cells


def test_chinese_breaks_between_characters() -> None:
    assert lines("一二三四五六七", 6) == ["一二三", "四五六", "七"]


def test_english_breaks_at_spaces_and_drops_them() -> None:
    assert lines("Hello world, this is a test.", 12) == ["Hello world,", "this is a", "test."]


def test_latin_word_inside_chinese_is_not_split() -> None:
    assert lines("使用Python语言", 8) == ["使用", "Python语", "言"]


def test_number_is_not_split() -> None:
    assert lines("共计12345678元", 8) == ["共计", "12345678", "元"]


def test_word_wider_than_line_is_hard_split() -> None:
    assert lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]


@pytest.mark.parametrize(
    "text", ["alpha beta gamma\tdelta", "gamma\tdelta epsilon", "a\tbc\tdefgh"]
)
def test_tab_breaks_like_a_space_and_never_cuts_a_word(text: str) -> None:
    # Tabs are not printable: such text must not take the printable-ASCII fast path,
    # whose only break is a space (it would cut ``gamma\tdelt`` | ``a``).
    for width in range(max(map(len, text.split())), len(text) + 1):
        wrapped = lines(text, width)
        assert [word for line in wrapped for word in line.split()] == text.split(), width
        assert all(len(line) <= width for line in wrapped)


def test_hard_split_accented_word_leaves_the_next_word_to_its_own_line() -> None:
    # Not ASCII, so the cut is made grapheme by grapheme: it must stop at the word's end.
    assert lines("ééééééééééééé xy", 5) == ["ééééé", "ééééé", "ééé", "xy"]


def test_hard_split_starts_on_a_new_line() -> None:
    assert lines("中 abcdefghij", 4) == ["中", "abcd", "efgh", "ij"]


@pytest.mark.parametrize("closer", ["，", "。", "」", "）", "！", "…", "”", ",", "."])
def test_line_never_starts_with_closing_punctuation(closer: str) -> None:
    assert lines(f"一二三{closer}四五", 6) == ["一二", f"三{closer}四", "五"]


@pytest.mark.parametrize("opener", ["「", "（", "《", "“", "("])
def test_line_never_ends_with_opening_punctuation(opener: str) -> None:
    result = lines(f"一二{opener}三四", 6)
    assert all(line[-1] not in OPENING for line in result)
    assert "".join(result) == f"一二{opener}三四"


def test_two_closers_move_down_together() -> None:
    assert lines("一二三四」。", 8) == ["一二三", "四」。"]


def test_kinsoku_gives_way_when_impossible() -> None:
    # "三」" needs 4 cells; at width 2 the closer must start a line.
    assert lines("三」", 2) == ["三", "」"]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("一二「（abcd", 6, ["一二", "「", "（abcd"]),  # one opener moves down, not both
        ("一「abcd", 4, ["一「", "abcd"]),  # moving 「 would overflow: it stays
        ("中文「abcdef」", 6, ["中文「", "abcdef", "」"]),
        # Moving 文 (or 中) down with what follows would overflow: the line stays whole.
        ("中文,abc", 5, ["中文", ",abc"]),
        ("a中。", 3, ["a中", "。"]),
        # A word too long for any line: 中 moves down so that "," does not start a line,
        # and the word goes on beside it as far as it fits.
        ("中中,⌚⌚", 4, ["中", "中,", "⌚⌚"]),
        (",中,,⌚", 3, [",", "中,", ",⌚"]),
        (",⌚", 1, [",", "⌚"]),  # a two-cell character gets a one-cell line of its own
        # What moves down sits at the start of the next line: the space before it is gone.
        ("中 中,中", 5, ["中", "中,中"]),
        ("中 中,", 5, ["中", "中,"]),
        ("中,,,", 2, ["中", ",,", ","]),
        ("中中 ,", 4, ["中中", ","]),  # after a space any break is allowed
        ("ab「中文", 4, ["ab", "「中", "文"]),  # 「 moves down with the first ideograph
    ],
)
def test_kinsoku_moves_what_fits_and_gives_way_otherwise(
    text: str, width: int, expected: list[str]
) -> None:
    assert lines(text, width) == expected


@pytest.mark.parametrize("text", ["中文", "😀😀", "あい"])
def test_width_one_puts_each_wide_character_alone(text: str) -> None:
    assert lines(text, 1) == list(text)


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_paragraph_is_one_empty_line(text: str) -> None:
    assert wrap_lines(text, 10) == [(0, 0)]


def test_leading_and_trailing_spaces_are_outside_spans() -> None:
    assert lines("  ab cd  ", 10) == ["ab cd"]


def test_emoji_sequence_is_never_split() -> None:
    family = "👨\u200d👩\u200d👧"
    assert lines(family * 3, 3) == [family] * 3


def test_combining_mark_stays_with_its_letter() -> None:
    assert lines("aaae\u0301bbb", 4) == ["aaae\u0301", "bbb"]


@pytest.mark.parametrize("char", ["\u3041", "\u4e00", "\uac00", "\U0002fffd", "\U0002fffe"])
def test_a_line_holds_what_the_terminal_draws_in_its_width(char: str) -> None:
    # Ideographs are two cells; the noncharacters at the end of plane 2 are one.
    per_line = 2 // cell_width(char)
    assert lines(char * 4, 2) == [char * per_line] * (4 // per_line)


def test_a_letter_with_many_marks_is_never_cut() -> None:
    # A hard split goes between graphemes, however many marks one has (Zalgo text).
    zalgo = "a" + "\u0301" * 40
    assert lines(zalgo + "bcdefgh", 2) == [zalgo + "b", "cd", "ef", "gh"]


def test_long_single_line_is_fast_enough_to_finish() -> None:
    text = "x" * 1_000_000
    spans = wrap_lines(text, 80)
    assert len(spans) == 12_500
    assert spans[-1] == (999_920, 1_000_000)


@pytest.mark.parametrize("width", [2, 3, 5, 10, 40])
def test_no_line_is_wider_than_width(width: int) -> None:
    text = "党的二十大报告（全文）指出：“高质量发展是首要任务。”Python 3.11 is fast, 很快！😀"
    assert all(cell_width(line) <= width for line in lines(text, width))


META = ["新闻 › 国内 › 经济", "田野观察", "2024-10-15 10:40", "杨静文 李玉洁"]
JOIN = "  ·  "


@pytest.mark.parametrize("width", [18, 20, 30, 48, 60, 200])
def test_items_break_between_items_never_inside_one(width: int) -> None:
    text = JOIN.join(META)
    shown = [text[start:end] for start, end in wrap_items(META, JOIN, width)]
    assert all(cell_width(line) <= width for line in shown)
    # Each line is whole items joined: no name, no date and time split across lines.
    for line in shown:
        assert all(item in META for item in line.split(JOIN)), line
    assert JOIN.join(shown) == text


def test_item_wider_than_the_line_breaks_at_its_spaces() -> None:
    items = ["杨静文 李玉洁 王小明", "2024-10-15 10:40"]
    text = JOIN.join(items)
    shown = [text[start:end] for start, end in wrap_items(items, JOIN, 14)]
    assert shown == ["杨静文 李玉洁", "王小明", "2024-10-15", "10:40"]
    assert [text[s:e] for s, e in wrap_items(items, JOIN, 17)] == [
        "杨静文 李玉洁", "王小明", "2024-10-15 10:40"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("items", "width", "expected"),
    [
        (["ab", "c"], 4, ["ab/c"]),  # an item that just fits stays beside the one before
        (["中文字"], 2, ["中", "文", "字"]),  # one word wider than the line: cut like prose
        (["a", "中文字"], 2, ["a", "中", "文", "字"]),
        (["中文字", "a"], 4, ["中文", "字/a"]),  # what follows a cut word may go beside its end
        (["中文字词甲", "a"], 4, ["中文", "字词", "甲/a"]),
        (["中文字词甲", "ab"], 4, ["中文", "字词", "甲", "ab"]),
        # An item broken at its spaces leaves its last words open for the next item.
        (["x", "ab cd", "e"], 4, ["x", "ab", "cd/e"]),
        (["x", "ab cd", "ef"], 4, ["x", "ab", "cd", "ef"]),
        (["aa"], 1, ["a", "a"]),
        (["aa"], 0, ["a", "a"]),  # a width under one cell is one cell
    ],
)
def test_items_fill_each_line_as_far_as_they_fit(
    items: list[str], width: int, expected: list[str]
) -> None:
    text = "/".join(items)
    assert [text[start:end] for start, end in wrap_items(items, "/", width)] == expected


def test_items_joined_by_spaces_break_like_prose() -> None:
    assert wrap_items(["ab  cd"], " ", 3) == [(0, 2), (4, 6)]
    assert wrap_items([], " · ", 10) == [(0, 0)]


def test_an_item_broken_at_its_spaces_keeps_a_double_space_in_place() -> None:
    items = ["2024-01-02", "Anne  Marie Smith"]
    text = " · ".join(items)
    shown = [text[start:end] for start, end in wrap_items(items, " · ", 12)]
    assert shown == ["2024-01-02", "Anne  Marie", "Smith"]


def test_an_empty_item_takes_no_line_of_its_own() -> None:
    text = " · ".join(["", "作者"])
    assert [text[s:e] for s, e in wrap_items(["", "作者"], " · ", 20)] == [text]
