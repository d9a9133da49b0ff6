"""Dates for people in the reader's metadata line and the article list's date column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.ui import date_format as dates
from tuireader.ui.date_format import show_date, use_format


@pytest.fixture(autouse=True)
def _default_format():
    """Every test starts and ends with the default format (it is module-wide)."""
    use_format(dates.DEFAULT_FORMAT)
    yield
    use_format(dates.DEFAULT_FORMAT)


def test_iso_date_time_loses_its_t():
    assert show_date("2024-02-08T19:05") == "2024-02-08 19:05"
    assert show_date("2024-02-08T19:05:33+08:00") == "2024-02-08 19:05"
    assert show_date("2024-02-08") == "2024-02-08"
    assert show_date("2024-02-08T19:05", with_time=False) == "2024-02-08"


def test_other_text_is_left_alone():
    assert show_date("spring 2024") == "spring 2024"
    assert show_date("2024-02-30") == "2024-02-30"  # not a real day
    assert show_date(None) == ""


def test_date_format_is_honoured():
    use_format("%d.%m.%Y")
    assert show_date("2024-02-08T19:05") == "08.02.2024 19:05"
    assert show_date("2024-02-08") == "08.02.2024"


@pytest.fixture
def timed_library(tmp_path: Path) -> Path:
    """One article dated with a time of day."""
    root = tmp_path / "timed"
    root.mkdir()
    (root / "a.md").write_text(
        "---\ntitle: Evening train\ndate: 2024-02-08T19:05\n---\n\nThe train left late.\n",
        encoding="utf-8",
    )
    return root


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("date_format", "meta", "column"),
    [
        ("%Y-%m-%d", "2024-02-08 19:05", "2024-02-08"),
        ("%d.%m.%Y", "08.02.2024 19:05", "08.02.2024"),
    ],
)
async def test_reader_and_list_show_readable_dates(
    timed_library, make_app, date_format, meta, column
):
    app = make_app(timed_library, date_format=date_format)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("enter")
        await settle(pilot)
        header = " ".join(screen.reader.render_line(y).text for y in range(4))
        assert meta in header and "T19" not in header
        line = "".join(segment.text for segment in screen.article_list.render_line(0))
        assert column in line


def test_a_format_with_escapes_never_prints_them():
    # The config refuses such a format; this is the net under it.
    use_format("\x1b]0;PW\x07\x1b[2J%y\x9b2J")
    shown = show_date("2024-02-08")
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "24" in shown
