"""Search folding: NFKC + casefold, and the map back to original offsets."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tuireader.text.fold import fold, fold_with_map, fold_with_patch, unfold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ＡＢＣ", "abc"),
        ("Hello WORLD", "hello world"),
        ("Straße", "strasse"),
        ("１２３４", "1234"),
        ("中国经济发展", "中国经济发展"),
        ("ﬁle", "file"),
        ("e\u0301", "é"),
        ("ｶﾞ", "ガ"),
        ("\u3000", " "),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "plain ascii",
        "ＡＢＣ中文",
        "Straße",
        "e\u0301x",
        "か\u3099",
        "\u1100\u1161\u11a8",
        "Ⅻ章",
    ],
)
def test_fold_with_map_agrees_with_fold(raw: str) -> None:
    folded, origins = fold_with_map(raw)
    assert folded == fold(raw)
    assert len(origins) == len(folded)


def test_map_points_expanded_characters_at_their_source() -> None:
    folded, origins = fold_with_map("Aß中")
    assert folded == "ass中"
    assert origins == [0, 1, 1, 2]


def test_map_points_composed_character_at_its_first_source() -> None:
    folded, origins = fold_with_map("xe\u0301y")
    assert folded == "xéy"
    assert origins == [0, 1, 3]


def test_hit_in_folded_text_maps_back_to_original_span() -> None:
    original = "报告：ＧＤＰ增长"
    folded, origins = fold_with_map(original)
    hit = folded.index("gdp")
    start, end = origins[hit], origins[hit + len("gdp") - 1] + 1
    assert original[start:end] == "ＧＤＰ"


def test_map_is_monotonic() -> None:
    _folded, origins = fold_with_map("Ａb\u0301ßﬁ中Ⅻ\u1100\u1161z")
    assert origins == sorted(origins)


@pytest.mark.parametrize(("raw", "folded"), [("かﾞ", "が"), ("ABCﾞ", "abc\u3099"), ("Ａ\u0301", "á")])
def test_composition_at_the_edge_of_a_simple_run(raw: str, folded: str) -> None:
    assert fold_with_map(raw)[0] == fold(raw) == folded


def test_every_simple_character_folds_to_one_independent_character() -> None:
    from tuireader.text.fold import _SIMPLE_RUN, _joins_previous

    wrong = [
        hex(code)
        for code in range(0x10000)
        if _SIMPLE_RUN.fullmatch(chr(code))
        and (
            len(fold(chr(code))) != 1
            or _joins_previous(chr(code))
            or _joins_previous(fold(chr(code)))
        )
    ]
    assert wrong == []


# --- the folded text plus its edits back (what the catalog stores instead of two copies)

_FOLDING_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("ＡＢＣａｂｃ１２３　經濟发展ﬁ①℃…ⅡＧＤＰ㈱ｶﾞかﾞ가각\u0301\u0308\u3099ßİΣς"),
    ),
    max_size=60,
)


@given(_FOLDING_TEXT)
@example("Ａ\u0301")  # a combining mark composes with the folded letter before it
@example("가\u11a8")  # a final jamo composes with the syllable before it
@example("e\u0301\u0301x")
@example("Ａ e\u0301")  # a mark composing with a kept letter after an earlier edit
def test_the_folded_text_and_its_edits_give_back_the_original(text: str) -> None:
    folded, patch = fold_with_patch(text)
    assert folded == fold(text)
    assert unfold(folded, patch) == text


def test_every_character_folds_alone_as_fold_does_and_comes_back() -> None:
    wrong = []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        # Beside a letter and a combining mark too, in the BMP (most text is there).
        for text in (char, "a" + char, char + "\u0301") if code < 0x10000 else (char,):
            folded, patch = fold_with_patch(text)
            if folded != fold(text) or unfold(folded, patch) != text:
                wrong.append(hex(code))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "edits"),
    [
        ("中国经济发展", 0),  # nothing changes: nothing to record
        ("plain lower case", 0),
        ("Hello World", 2),  # one edit per capital run
        ("ＧＤＰ增长５％", 2),  # full-width runs
    ],
)
def test_edits_are_recorded_only_where_folding_changed_the_text(text: str, edits: int) -> None:
    assert len(fold_with_patch(text)[1].starts) == edits
