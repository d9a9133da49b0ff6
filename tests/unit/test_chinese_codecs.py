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


# 人 is GBK's C8 CB, a pair Big5 does not have: GBK text holding it has one reading only.
ONE_READING = "人们说小镇上新开了一家书店。"


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("人" + "龘" * 3, False),  # a quarter common: not above the bar
        ("人人" + "龘" * 3, True),
        ("人人" + "龘" * 6, False),
        ("人" * 26 + "龘" * 74, True),  # 26 in 100: just above the bar
        (ONE_READING, True),
    ],
)
def test_a_text_only_gbk_decodes_must_still_read_as_common_characters(
    text: str, chinese: bool
) -> None:
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    assert decode_chinese(data) == ((text, "gbk", ()) if chinese else None)


def test_only_the_first_characters_decide_a_reading_too() -> None:
    """Like frequency_score: Chinese after a sample's worth of ASCII is not looked at."""
    late = b"a" * SAMPLE_CHARS + ONE_READING.encode("gbk")
    assert decode_chinese(late) is None
    in_time = b"a" * (SAMPLE_CHARS - len(ONE_READING)) + ONE_READING.encode("gbk")
    assert decode_chinese(in_time) == (in_time.decode("gbk"), "gbk", ())


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("安啊阿挨", False),  # one common character in four: a quarter is not enough
        ("安按啊阿挨", True),  # two in five
    ],
)
def test_of_two_readings_the_better_must_score_above_a_quarter(text: str, chinese: bool) -> None:
    data = text.encode("gbk")
    assert data.decode("big5") != text  # Big5 reads these bytes too, as other characters
    assert decode_chinese(data) == ((text, "gbk", ()) if chinese else None)


def test_a_broken_pair_in_big5_text_names_big5_not_its_microsoft_twin() -> None:
    # Big5 and cp950 read a plain Traditional text alike and replace the same bad pair:
    # on the tie the narrower, standard name is the one reported.
    body = ("今天我們在這裡召開會議，討論經濟發展的問題。" * 5).encode("big5")
    body += b"\xa1\x20" + "大家都同意了。".encode("big5")
    decoded = decode_chinese(body)
    assert decoded is not None
    text, codec, warnings = decoded
    assert codec == "big5"
    assert warnings == ("invalid big5 bytes replaced (1 places)",)
    assert text.count("\ufffd") == 1 and text.endswith("大家都同意了。")
