"""Which panes show, and how big: the pure rules of ``ui.pane_plan``."""

from __future__ import annotations

import pytest

from tuireader.ui.pane_plan import (
    AWAY,
    BAR,
    PaneSizes,
    clamp,
    mode_for,
    next_choice,
    plan,
)


@pytest.mark.parametrize(
    ("size", "mode"),
    [
        ((120, 36), "wide"),
        ((100, 28), "wide"),
        ((99, 36), "medium"),
        ((160, 27), "medium"),
        ((80, 24), "medium"),
        ((60, 16), "medium"),
        ((59, 24), "reader"),
        ((80, 15), "reader"),
        ((50, 20), "reader"),
    ],
)
def test_auto_picks_the_layout_by_cells(size, mode) -> None:
    assert mode_for("auto", *size) == mode


@pytest.mark.parametrize("choice", ["wide", "medium", "reader"])
def test_a_chosen_layout_holds_at_every_size(choice) -> None:
    assert {mode_for(choice, *size) for size in [(200, 60), (80, 24), (30, 10)]} == {choice}


def test_choices_cycle() -> None:
    assert [next_choice(c) for c in ("auto", "wide", "medium", "reader", "junk")] == [
        "wide", "medium", "reader", "auto", "auto"
    ]  # fmt: skip


def test_the_reader_keeps_the_most_room() -> None:
    sizes = clamp(PaneSizes(tree_width=90, list_rows=40, stacked_list_rows=40), 120, 34)
    assert sizes.tree_width == 40  # a third of the width
    list_height = sizes.list_rows + 2
    assert list_height <= 34 - 1 - list_height  # the reader below is at least as tall
    assert clamp(PaneSizes(tree_width=1, list_rows=0), 120, 34).tree_width == 16


def test_medium_folds_the_list_to_a_bar_while_reading() -> None:
    reading = plan("medium", PaneSizes(), "reader", width=80, height=22)
    assert (reading.tree, reading.list, reading.reader) == (AWAY, BAR, None)
    choosing = plan("medium", PaneSizes(), "list", width=80, height=22)
    assert (choosing.tree, choosing.list, choosing.reader) == (AWAY, 10, None)
    assert choosing.list_splitter
    nothing_open = plan("medium", PaneSizes(), "list", reading=False, width=80, height=22)
    assert (nothing_open.list, nothing_open.reader) == (None, AWAY)


@pytest.mark.parametrize("focus", ["tree", "list", "reader"])
def test_reader_layout_shows_one_pane(focus) -> None:
    layout = plan("reader", PaneSizes(), focus, width=50, height=18)
    sizes = {"tree": layout.tree, "list": layout.list, "reader": layout.reader}
    assert [pane for pane, size in sizes.items() if size != AWAY] == [focus]


def test_full_screen_is_the_reader_alone() -> None:
    for mode in ("wide", "medium", "reader"):
        layout = plan(mode, PaneSizes(), "list", fullscreen=True, width=120, height=34)
        assert (layout.tree, layout.list, layout.reader) == (AWAY, AWAY, None)
        assert not layout.tree_splitter and not layout.list_splitter


def test_medium_on_a_wide_short_terminal_puts_the_list_beside_the_reader() -> None:
    layout = plan("medium", PaneSizes(), "reader", width=140, height=22)
    assert layout.beside and not layout.stacked
    assert (layout.tree, layout.list, layout.reader) == (AWAY, 44, None)
    assert layout.list_splitter
    choosing = plan("medium", PaneSizes(), "tree", width=140, height=22)
    assert (choosing.tree, choosing.list) == (44, AWAY)  # the tree in the list's place
    assert not plan("medium", PaneSizes(), "reader", width=129, height=22).beside
    side = clamp(PaneSizes(side_list_width=100), 140, 22).side_list_width
    assert side == 140 // 3
