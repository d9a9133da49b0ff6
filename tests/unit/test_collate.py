"""Title order: Chinese by pinyin (syllable, then tone), among Latin titles."""

from __future__ import annotations

import pytest

from tuireader.text.collate import title_sort_key, tone3


@pytest.mark.parametrize(
    ("reading", "spelt"),
    [("zhōng", "zhong1"), ("hé", "he2"), ("wǒ", "wo3"), ("lǜ", "lv4"), ("nǚ", "nv3"),
     ("de", "de5"), ("lü", "lv5")],
)  # fmt: skip
def test_tone3_spells_tone_marks_as_digits(reading: str, spelt: str) -> None:
    assert tone3(reading) == spelt


def test_keys_spell_han_characters_and_fold_the_rest() -> None:
    assert title_sort_key("中国 ABC") == "zhong1guo2 abc"
    assert title_sort_key("Ｒｉｖｅｒ City") == "river city"  # no Han: the folded title


def test_syllables_order_before_the_tone_and_the_next_syllable() -> None:
    titles = ["先", "西安", "马", "妈", "麻", "骂"]
    assert sorted(titles, key=title_sort_key) == ["妈", "麻", "马", "骂", "西安", "先"]


def test_the_ideographic_zero_sorts_as_ling() -> None:
    # 〇 (U+3007) lies below the CJK blocks but is read líng: 林 lin2 < 〇 ling2 < 刘 liu2,
    # and a year written 二〇二四 sorts before 二十 (líng before shí).
    assert sorted(["刘", "〇", "林"], key=title_sort_key) == ["林", "〇", "刘"]
    assert sorted(["二十年", "二〇二四年"], key=title_sort_key) == ["二〇二四年", "二十年"]


def test_the_first_character_of_extension_a_is_spelt() -> None:
    assert title_sort_key("\u3400") == "qiu1"  # 㐀, the first of CJK Extension A
