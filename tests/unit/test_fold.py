"""Search folding: NFKC + casefold, and the map back to original offsets."""

from __future__ import annotations

import pytest

from tuireader.text.fold import fold, fold_with_map


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
