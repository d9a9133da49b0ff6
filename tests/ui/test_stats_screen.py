"""The reading statistics screen: snapshots at 80x24 and 120x36 of a simulated fortnight
(fixed dates, so the pictures do not change with the calendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.conftest import settle
from tuireader.state import StateStore
from tuireader.state.reading import Reading
from tuireader.ui.screens.stats import StatsScreen, bar

TODAY = dt.date(2024, 3, 17)
# (days ago, title, section, minutes, characters)
READING = [
    (13, "Harbour cranes return", "news › world", 12, 4000),
    (12, "River levels fall", "news › world", 5, 1500),
    (10, "茶馆的故事", "essays", 25, 9000),
    (9, "茶馆的故事", "essays", 8, 3000),
    (8, "On tea", "essays", 15, 5000),
    (4, "Night market opens", "news › local", 30, 12000),
    (3, "The Keeper's Log › Fog", "books › The Keeper's Log", 45, 20000),
    (2, "The Keeper's Log › Spring", "books › The Keeper's Log", 20, 8000),
    (1, "Rooftop gardens", "news › local", 3, 900),
    (0, "茶馆的故事", "essays", 10, 2500),
]


def seeded_report(paths):
    store = StateStore.open(paths.state_db, backups=False)
    for back, title, section, minutes, chars in READING:
        when = dt.datetime.combine(TODAY - dt.timedelta(days=back), dt.time(20))
        store.stats.add(
            Reading(f"fp-{title}", f"{title}.md", title, section, minutes * 60, chars), when
        )
    store.stats.finish("fp-On tea", "On tea.md", "On tea", dt.datetime(2024, 3, 9, 20))
    report = store.stats.report(days=30, today=TODAY)
    store.close()
    return report


def test_bars_scale_to_the_largest_value() -> None:
    assert bar(10, 10, 8) == "█" * 8
    assert bar(5, 10, 8) == "█" * 4
    assert bar(1, 16, 8) == "▌"
    assert bar(0, 10, 8) == ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_stats_screen(snap_compare, library, make_app, paths, size):
    report = seeded_report(paths)
    assert report.streak == 5 and report.finished == 1

    async def show(pilot) -> None:
        await settle(pilot)
        await pilot.app.push_screen(StatsScreen(report))
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(library), terminal_size=size, run_before=show)
