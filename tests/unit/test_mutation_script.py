"""scripts/mutation.py's sampling: which mutants a seeded sample holds, and its interval."""

from __future__ import annotations

import pytest
from project_scripts import load_script

mutation = load_script("mutation")

NAMES = [f"tuireader.library.formats.x_parse__mutmut_{n}" for n in range(1, 201)]


@pytest.mark.parametrize(
    ("killed", "counted", "low", "high"),
    [
        # Published values of the 95% Wilson interval (z = 1.96).
        (5, 10, 0.2366, 0.7634),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
    ],
)
def test_wilson_interval_matches_the_published_values(
    killed: int, counted: int, low: float, high: float
) -> None:
    found = mutation.wilson_interval(killed, counted)
    assert found == pytest.approx((low, high), abs=5e-5)


def test_wilson_interval_narrows_with_the_sample_size_around_the_same_score() -> None:
    small = mutation.wilson_interval(90, 100)
    large = mutation.wilson_interval(540, 600)
    assert small[0] < large[0] < 0.9 < large[1] < small[1]


def test_an_empty_sample_says_nothing_about_the_score() -> None:
    assert mutation.wilson_interval(0, 0) == (0.0, 1.0)


def test_a_sample_is_the_same_for_one_seed_whatever_the_order_of_the_names() -> None:
    drawn = mutation.sample_names(NAMES, 20, 17)
    assert drawn == mutation.sample_names(list(reversed(NAMES)), 20, 17)
    assert len(set(drawn)) == 20
    assert set(drawn) <= set(NAMES)


def test_another_seed_draws_another_sample() -> None:
    assert mutation.sample_names(NAMES, 20, 17) != mutation.sample_names(NAMES, 20, 18)


def test_a_sample_larger_than_the_target_is_the_whole_target() -> None:
    assert mutation.sample_names(NAMES[:5], 600, 17) == sorted(NAMES[:5])
