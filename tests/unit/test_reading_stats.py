"""Reading statistics in state.db: a simulated week, streaks, idle time, safety."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tuireader.state import StateStore, StateWriteError
from tuireader.state.reading import IDLE_SECONDS, Reading, ReadingClock
from tuireader.state.schema import SCHEMA_VERSION

MONDAY = dt.date(2024, 3, 4)


def _at(day: int, hour: int = 20) -> dt.datetime:
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(hour))


def _reading(name: str, section: str, seconds: float, chars: int) -> Reading:
    return Reading(f"fp-{name}", f"{section}/{name}.md", name.title(), section, seconds, chars)


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    opened = StateStore.open(tmp_path / "state.db", backups=False)
    yield opened
    opened.close()


def test_a_simulated_week_of_reading_gives_the_right_totals(store: StateStore) -> None:
    # Mon-Wed, then a gap on Thursday, then Fri-Sun: 6 days, with two stretches a day.
    week = {0: 600, 1: 300, 2: 900, 4: 120, 5: 60, 6: 1200}
    for day, seconds in week.items():
        store.stats.add(_reading("tea", "essays", seconds / 2, 1000), _at(day, 9))
        store.stats.add(_reading("river", "news", seconds / 2, 500), _at(day, 21))
    store.stats.finish("fp-tea", "essays/tea.md", "Tea", _at(2))
    store.stats.finish("fp-tea", "essays/tea.md", "Tea", _at(5))  # counted once
    store.stats.finish("fp-river", "news/river.md", "River", _at(6))
    report = store.stats.report(days=7, today=MONDAY + dt.timedelta(days=6))
    assert report.seconds == sum(week.values())
    assert report.chars == 6 * 1500
    assert report.finished == 2
    assert report.days_read == 6
    assert report.streak == 3 and report.longest_streak == 3
    assert [day for day, _, _ in report.days] == [
        (MONDAY + dt.timedelta(days=n)).isoformat() for n in range(7)
    ]
    assert [seconds for _, seconds, _ in report.days] == [600, 300, 900, 0, 120, 60, 1200]
    assert report.sections == [("essays", 1590.0), ("news", 1590.0)]
    assert [title for title, _ in report.articles] == ["River", "Tea"]


def test_the_span_leaves_out_older_days_but_the_streak_counts_them(store: StateStore) -> None:
    for day in range(10):
        store.stats.add(_reading("tea", "essays", 60, 10), _at(day))
    report = store.stats.report(days=3, today=MONDAY + dt.timedelta(days=9))
    assert report.seconds == 180 and report.chars == 30
    assert report.streak == 10 and report.longest_streak == 10


def test_a_streak_survives_until_today_has_reading(store: StateStore) -> None:
    store.stats.add(_reading("tea", "essays", 60, 0), _at(0))
    store.stats.add(_reading("tea", "essays", 60, 0), _at(1))
    assert store.stats.report(today=MONDAY + dt.timedelta(days=2)).streak == 2
    assert store.stats.report(today=MONDAY + dt.timedelta(days=3)).streak == 0


def test_nothing_read_adds_no_row(store: StateStore) -> None:
    store.stats.add(_reading("tea", "essays", 0, 0), _at(0))
    assert store.stats.report(today=MONDAY).days_read == 0


def test_a_state_from_a_newer_version_refuses_statistics(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    StateStore.open(path, backups=False).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    store = StateStore.open(path, backups=False)
    assert store.read_only
    with pytest.raises(StateWriteError):
        store.stats.add(_reading("tea", "essays", 60, 10), _at(0))
    store.close()


def test_the_clock_counts_gaps_between_actions_capped_when_idle() -> None:
    clock = ReadingClock()
    clock.start(100.0)
    clock.touch(130.0)  # 30 s reading
    clock.touch(130.0 + 10 * IDLE_SECONDS)  # walked away: one idle cap
    assert clock.take(130.0 + 10 * IDLE_SECONDS + 5) == 30 + IDLE_SECONDS + 5
    assert clock.take(130.0 + 10 * IDLE_SECONDS + 6) == 1


def test_a_reading_counts_when_either_its_time_or_its_characters_do(store: StateStore) -> None:
    # Characters read in no measurable time (a quick page-down), time on a page that
    # adds no characters (re-reading), and nothing at all. A day read is a day with time.
    store.stats.add(_reading("tea", "essays", 0, 40), _at(0))
    store.stats.add(_reading("river", "news", 30, 0), _at(1))
    store.stats.add(_reading("idle", "news", 0, 0), _at(2))
    report = store.stats.report(days=3, today=MONDAY + dt.timedelta(days=2))
    assert (report.seconds, report.chars, report.days_read) == (30, 40, 1)
    assert [(seconds, chars) for _, seconds, chars in report.days] == [(0, 40), (30, 0), (0, 0)]
