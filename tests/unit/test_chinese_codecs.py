"""GBK or Big5: the reading made of common characters wins; a few broken bytes are
replaced and counted."""

from __future__ import annotations

import pytest

from tuireader.library.encoding.chinese import (
    COMMON_SIMPLIFIED,
    SAMPLE_CHARS,
    decode_chinese,
    frequency_score,
    replaced_places,
)

TEXT = "小镇上新开了一家书店，老板说开这家店是为了让孩子们有地方看书。" * 3


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("", 0.0),
        ("abc", 0.0),  # no Chinese at all
        ("的一是", 1.0),
        ("的一a", 1.0),  # ASCII does not count
        ("的龘", 0.5),  # a rare character
        ("的ア", 0.0),  # kana count against
        ("的。，“”—", 1 / 6),  # punctuation is neither common nor odd
    ],
)
def test_frequency_score(text: str, score: float) -> None:
    assert frequency_score(text, COMMON_SIMPLIFIED) == pytest.approx(score)


def test_frequency_score_looks_at_the_first_characters_only() -> None:
    assert frequency_score("龘" * SAMPLE_CHARS + "的" * 10, COMMON_SIMPLIFIED) == 0.0
    assert frequency_score("龘" * (SAMPLE_CHARS - 10) + "的" * 10, COMMON_SIMPLIFIED) > 0.0


def test_gbk_and_big5_each_read_as_themselves() -> None:
    assert decode_chinese(TEXT.encode("gbk")) == (TEXT, "gbk", ())
    big5 = "小鎮上新開了一家書店，老闆說開這家店是為了讓孩子們有地方看書。" * 3
    assert decode_chinese(big5.encode("big5")) == (big5, "big5", ())


def test_a_broken_byte_is_replaced_and_counted() -> None:
    data = TEXT.encode("gbk")
    broken = data[:20] + b"\xff" + data[20:]
    text, codec, warnings = decode_chinese(broken)  # type: ignore[misc]
    assert (codec, warnings) == ("gbk", ("invalid gbk bytes replaced (1 places)",))
    assert text.count("\ufffd") == 1
    assert (replaced_places(broken), replaced_places(data)) == (1, 0)


@pytest.mark.parametrize(
    "data",
    [
        "龘齉靐".encode("gbk") * 5,  # rare characters only: no reading is plausible
        b"\xff\xff" * 10 + TEXT.encode("gbk"),  # too many broken bytes
    ],
)
def test_no_chinese_reading(data: bytes) -> None:
    assert decode_chinese(data) is None
