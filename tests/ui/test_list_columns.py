"""The article list's columns: the title first, the date short or gone, the source only in
the room the title leaves, every row exactly as wide as the list."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tuireader.ui.widgets.article_list import MARKS_WIDTH, fit_row

TITLE = "数字经济走进菜园子"  # 18 cells
SOURCE = "田野观察"  # 8 cells


@pytest.mark.parametrize("width", range(0, 130, 3))
@pytest.mark.parametrize(
    ("title", "source", "date"),
    [
        (TITLE, SOURCE, "2024-10-15"),
        ("Port towns rethink their economy as shipping changes", "The Coastal Ledger", None),
        ("", "", "2001-06"),
        ("x" * 300, "报" * 40, "a label, not a date at all"),
    ],
)
def test_a_row_is_exactly_as_wide_as_the_list(title, source, date, width) -> None:
    row = "".join(fit_row(title, source, date, width))
    assert cell_len(row) == max(0, width - MARKS_WIDTH)
    assert not row or row.endswith(" ")  # one blank cell before the border


def test_an_empty_source_takes_no_room() -> None:
    # 40 cells of title: a source column kept for an empty source would cut it.
    title, source, date = fit_row("Searching Chinese text with SQLite, fast", "", "2024-08-19", 60)
    assert source == ""
    assert title.rstrip() == "Searching Chinese text with SQLite, fast"
    assert date == " 24-08-19 "


def test_the_title_comes_before_the_source() -> None:
    long_title = "Port towns rethink their economy as shipping changes"
    title, source, _ = fit_row(long_title, "The Coastal Ledger", "2023-11-21", 81)
    assert title.strip() == long_title and source.strip() == "The Coastal…"
    title, source, _ = fit_row(long_title, "The Coastal Ledger", "2023-11-21", 60)
    assert source == "" and title.endswith("…")  # no room left: the source gives way


def test_the_source_sits_against_the_date() -> None:
    title, source, date = fit_row(TITLE, SOURCE, "2024-10-15", 80)
    assert (source, date) == (" " + SOURCE, " 2024-10-15 ")
    assert title.startswith(TITLE) and title[len(TITLE) :].strip() == ""


@pytest.mark.parametrize(
    ("width", "date"),
    [
        (120, " 2024-10-15 "),
        (64, " 2024-10-15 "),
        (63, " 24-10-15 "),
        (32, " 24-10-15 "),
        (31, " "),
    ],
)
def test_the_date_goes_short_then_goes(width, date) -> None:
    assert fit_row(TITLE, "", "2024-10-15", width)[2] == date


def test_dates_share_one_column() -> None:
    month = fit_row(TITLE, SOURCE, "2001-06", 80)
    day = fit_row(TITLE, SOURCE, "2001-06-12", 80)
    assert cell_len(month[2]) == cell_len(day[2])
    assert month[1] == day[1]


def test_a_month_alone_goes_short_too() -> None:
    assert fit_row(TITLE, "", "2001-06", 50)[2] == " 01-06    "
    assert fit_row(TITLE, "", "2001-06", 80)[2] == " 2001-06    "
