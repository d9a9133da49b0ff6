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
