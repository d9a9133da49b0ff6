"""简/繁 display: converted text whose offsets map back to the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tuireader.text.script import ORIGINAL, SIMPLIFIED, TRADITIONAL, Converted, convert

ORIGINAL_TEXT = "他说：“经济发展需要耐心。”後來，銀行行長寫了一本書。Words stay as they are."


def test_display_scripts_convert_han_and_keep_the_rest() -> None:
    traditional = convert(ORIGINAL_TEXT, TRADITIONAL).text
    simplified = convert(ORIGINAL_TEXT, SIMPLIFIED).text
    assert "經濟發展" in traditional and "銀行行長" in traditional
    assert "经济发展" in simplified and "银行行长" in simplified and "后来" in simplified
    assert traditional.endswith("Words stay as they are.")
    assert convert(ORIGINAL_TEXT, ORIGINAL).text == ORIGINAL_TEXT


def test_a_passage_chosen_in_simplified_is_the_same_place_in_every_display() -> None:
    simplified = convert(ORIGINAL_TEXT, SIMPLIFIED)
    start = simplified.text.index("银行行长")
    end = start + len("银行行长写了一本书")
    # The bookmark stores original offsets.
    orig_start, orig_end = simplified.to_original(start), simplified.to_original(end)
    assert ORIGINAL_TEXT[orig_start:orig_end] == "銀行行長寫了一本書"
    traditional = convert(ORIGINAL_TEXT, TRADITIONAL)
    shown = traditional.text[traditional.to_display(orig_start) : traditional.to_display(orig_end)]
    assert shown == "銀行行長寫了一本書"
    again = simplified.text[simplified.to_display(orig_start) : simplified.to_display(orig_end)]
    assert again == "银行行长写了一本书"


def test_pieces_whose_length_changes_map_offsets_to_their_edges() -> None:
    # 内存 (2) shown as 記憶體 (3) at original 2..4, display 2..5; then "ab".
    converted = Converted("x 記憶體ab", ((2, 4, 2, 5),))
    assert [converted.to_display(o) for o in range(7)] == [0, 1, 2, 3, 5, 6, 7]
    assert [converted.to_original(d) for d in range(8)] == [0, 1, 2, 3, 4, 4, 5, 6]


@given(st.text(alphabet="经济发展後來銀行长乾干头髮 ab，。", max_size=40))
def test_offsets_round_trip_where_lengths_agree(text: str) -> None:
    for script in (SIMPLIFIED, TRADITIONAL):
        converted = convert(text, script)
        assert len(converted.text) == len(text) or converted.pieces
        for offset in range(len(text) + 1):
            assert converted.to_original(converted.to_display(offset)) == offset
