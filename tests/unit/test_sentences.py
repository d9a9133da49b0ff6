"""Sentence spans for passage selection (Chinese and English)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.library.model import PARAGRAPH, Anchor, Block
from tuireader.library.sentences import (
    next_sentence,
    previous_sentence,
    sentence_around,
    sentence_at,
    sentence_spans,
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("他说：“走吧。”然后走了。", ["他说：“走吧。”", "然后走了。"]),
        ("「好。」她答。", ["「好。」", "她答。"]),
        ("等等……好吧。", ["等等……", "好吧。"]),
        ("真的吗？！是的", ["真的吗？！", "是的"]),
        ("没有句号的段落", ["没有句号的段落"]),
        ("Pi is 3.14 today. Next one.", ["Pi is 3.14 today.", "Next one."]),
        ("Fruit, e.g. Apples, are fine. Yes.", ["Fruit, e.g. Apples, are fine.", "Yes."]),
        ("Ask Mr. Smith. He knows.", ["Ask Mr. Smith.", "He knows."]),
        ('He said "Go." Then left.', ['He said "Go."', "Then left."]),
        ("Really? yes! ok", ["Really?", "yes!", "ok"]),
        ("a lowercase. continues here", ["a lowercase. continues here"]),
        ("J. R. Tolkien wrote it.", ["J. R. Tolkien wrote it."]),
        ("line one\nline two。", ["line one", "line two。"]),
        ("It is done. ", ["It is done."]),  # spaces after the last dot
        ("", []),
        ("   ", []),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("han", ["中", "\u9fff", "\uf900", "\ufaff", "\U00020000"])
def test_a_dot_before_a_han_character_ends_the_english_sentence(han: str) -> None:
    # Han has no capitals: after "done." a Han character (the blocks' first and last ones
    # included: 鿿 U+9FFF, 豈 U+F900, 﫿 U+FAFF, 𠀀 U+20000) starts the next sentence.
    assert sentences(f"It is done. {han}是下一句。") == ["It is done.", f"{han}是下一句。"]


def test_a_dot_before_a_letter_past_the_han_blocks_does_not_end_the_sentence() -> None:
    # U+A000 (Yi) follows the unified ideographs' block; it has no capitals either.
    assert sentences("It is done. \ua000 and more.") == ["It is done. \ua000 and more."]


def test_the_sentence_after_the_end_of_a_block_may_be_one_character() -> None:
    blocks = [Block(PARAGRAPH, "他问：好吗？"), Block(PARAGRAPH, "嗯")]
    assert sentence_around(blocks, Anchor(0, 6)) == (Anchor(1, 0), Anchor(1, 1))


def test_spans_skip_whitespace_between_sentences() -> None:
    text = "One.  Two.   Three."
    assert sentence_spans(text) == [(0, 4), (6, 10), (13, 19)]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "第一句。第二句！"
    assert sentence_at(text, 0) == (0, 4)
    assert sentence_at(text, 5) == (4, 8)
    assert sentence_at(text, 99) == (4, 8)
    assert sentence_at("", 0) is None


_ALPHABET = st.sampled_from(list('ab AZ。！？!?….,」”"\n3e.g中文'))


@given(st.text(_ALPHABET, max_size=60))
def test_spans_cover_every_visible_character_once(text: str) -> None:
    spans = sentence_spans(text)
    covered = [False] * len(text)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] = True
        last_end = end
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


BLOCKS = (
    Block("paragraph", "第一句。第二句！"),
    Block("rule", ""),
    Block("paragraph", "Third one. Fourth?"),
)


def test_sentence_around_an_anchor() -> None:
    assert sentence_around(BLOCKS, Anchor(0, 5)) == (Anchor(0, 4), Anchor(0, 8))
    assert sentence_around(BLOCKS, Anchor(1, 0)) == (Anchor(2, 0), Anchor(2, 10))
    assert sentence_around(BLOCKS, Anchor(2, 99)) is None


def test_next_sentence_crosses_paragraphs_and_empty_blocks() -> None:
    assert next_sentence(BLOCKS, Anchor(0, 4)) == (Anchor(0, 4), Anchor(0, 8))
    assert next_sentence(BLOCKS, Anchor(0, 8)) == (Anchor(2, 0), Anchor(2, 10))
    assert next_sentence(BLOCKS, Anchor(2, 10)) == (Anchor(2, 11), Anchor(2, 18))
    assert next_sentence(BLOCKS, Anchor(2, 18)) is None


def test_previous_sentence_crosses_paragraphs() -> None:
    assert previous_sentence(BLOCKS, Anchor(2, 11)) == (Anchor(2, 0), Anchor(2, 10))
    assert previous_sentence(BLOCKS, Anchor(2, 0)) == (Anchor(0, 4), Anchor(0, 8))
    assert previous_sentence(BLOCKS, Anchor(0, 0)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said. "Go now."', ["He said.", '"Go now."']),
        ("It ended. (Then more.)", ["It ended.", "(Then more.)"]),
        ("It ended. 「下一句」", ["It ended.", "「下一句」"]),
        ("It ended. ‘Quote’", ["It ended.", "‘Quote’"]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("完了． Next one.", ["完了．", "Next one."]),  # a full-width dot
        ("Prof. Lee came. Dr. Wu too.", ["Prof. Lee came.", "Dr. Wu too."]),
        ("It was approx. Ten. No.", ["It was approx. Ten.", "No."]),
        ("ST. Next", ["ST. Next"]),  # abbreviations in any case
        ("Vs. Next", ["Vs. Next"]),
        ("I. Then.", ["I. Then."]),  # a capital initial
        ("a. Then", ["a.", "Then"]),  # a lower-case letter is no initial
        ("end. 1 more", ["end. 1 more"]),  # a digit after the dot: no new sentence
        ("Done.\nNext", ["Done.", "Next"]),
        ("Dot.\n\nNext", ["Dot.", "Next"]),
        ("All done.)\nok", ["All done.)", "ok"]),
        ("Go!) Next", ["Go!)", "Next"]),
        ("完了。  \n  下一句", ["完了。", "下一句"]),
        ("End.   ", ["End."]),
    ],
)
def test_more_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
