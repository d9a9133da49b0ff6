"""Reading statistics (``store.stats``): time and characters per day, article and section.

The app reports what a stretch of reading gave (seconds, characters passed) with
:meth:`ReadingStats.add`; each report is one small upsert into ``reading_time`` keyed by
the local day and the article. :class:`ReadingClock` decides how much of the time an
article was open counts as reading: the time between two actions, at most
:data:`IDLE_SECONDS` (a reader who walked away is not reading). Nothing leaves the
machine: the totals are computed from state.db when asked (:meth:`ReadingStats.report`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from tuireader.state.connection import StateDb

#: Longest gap between two actions that still counts as reading.
IDLE_SECONDS = 120.0

_ADD = """INSERT INTO reading_time(day, fingerprint, path, title, section, seconds, chars)
    VALUES (?,?,?,?,?,?,?) ON CONFLICT(day, fingerprint) DO UPDATE SET
    path=excluded.path, title=excluded.title, section=excluded.section,
    seconds=seconds + excluded.seconds, chars=chars + excluded.chars"""


@dataclass(frozen=True, slots=True)
class Reading:
    """What one article was read for: the article, seconds, characters passed."""

    fingerprint: str
    path: str
    title: str
    section: str
    seconds: float
    chars: int = 0


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Totals over a span of days, for the statistics screen and ``tuireader stats``.

    ``days`` lists every day of the span, oldest first, as (ISO day, seconds, chars);
    ``articles`` and ``sections`` are (name, seconds) with the most read first.
    ``streak`` counts the days in a row up to today (or up to yesterday when today has
    no reading yet); ``longest_streak`` is the longest run ever.
    """

    seconds: float
    chars: int
    finished: int
    days: list[tuple[str, float, int]] = field(default_factory=list)
    articles: list[tuple[str, float]] = field(default_factory=list)
    sections: list[tuple[str, float]] = field(default_factory=list)
    streak: int = 0
    longest_streak: int = 0
    days_read: int = 0

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (for ``tuireader stats --json``)."""
        return {
            "seconds": round(self.seconds, 1),
            "chars": self.chars,
            "finished": self.finished,
            "streak": self.streak,
            "longest_streak": self.longest_streak,
            "days_read": self.days_read,
            "days": [{"day": d, "seconds": round(s, 1), "chars": c} for d, s, c in self.days],
            "articles": [{"title": t, "seconds": round(s, 1)} for t, s in self.articles],
            "sections": [{"section": n, "seconds": round(s, 1)} for n, s in self.sections],
        }


class ReadingStats:
    """Time, characters and finished articles kept in state.db."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def add(self, reading: Reading, when: dt.datetime | None = None) -> None:
        """Count ``reading`` on the local day of ``when`` (now by default)."""
        if reading.seconds <= 0 and reading.chars <= 0:
            return
        day = _day(when)
        values = (day, reading.fingerprint, reading.path, reading.title, reading.section,
                  max(reading.seconds, 0.0), max(reading.chars, 0))  # fmt: skip
        self._db.write(lambda c: c.execute(_ADD, values))

    def finish(
        self, fingerprint: str, path: str, title: str, when: dt.datetime | None = None
    ) -> bool:
        """Count an article as finished (once, on the first day); whether it was new."""
        values = (fingerprint, _day(when), path, title)
        sql = (
            "INSERT OR IGNORE INTO reading_finished(fingerprint, day, path, title) VALUES (?,?,?,?)"
        )
        return bool(self._db.write(lambda c: c.execute(sql, values).rowcount))

    def report(self, days: int = 30, today: dt.date | None = None, top: int = 10) -> StatsReport:
        """Totals of the last ``days`` days up to ``today``, and the streaks."""
        today = today or dt.date.today()
        first = (today - dt.timedelta(days=days - 1)).isoformat()
        last = today.isoformat()
        span = (first, last)
        where = "WHERE day BETWEEN ? AND ?"
        per_day = {
            day: (seconds, chars)
            for day, seconds, chars in self._db.all(
                f"SELECT day, sum(seconds), sum(chars) FROM reading_time {where} GROUP BY day", span
            )
        }
        listed = [
            (day, *per_day.get(day, (0.0, 0)))
            for day in (
                (today - dt.timedelta(days=back)).isoformat() for back in range(days - 1, -1, -1)
            )
        ]
        finished = self._db.one(f"SELECT count(*) FROM reading_finished {where}", span)
        read_days = [row[0] for row in self._db.all(
            "SELECT day FROM reading_time GROUP BY day HAVING sum(seconds) > 0 ORDER BY day"
        )]  # fmt: skip
        streak, longest = _streaks(read_days, today)
        return StatsReport(
            seconds=sum(seconds for _, seconds, _ in listed),
            chars=sum(chars for _, _, chars in listed),
            finished=int(finished[0]) if finished else 0,
            days=listed,
            articles=self._top("title", where, span, top),
            sections=self._top("section", where, span, top),
            streak=streak,
            longest_streak=longest,
            days_read=sum(1 for _, seconds, _ in listed if seconds > 0),
        )

    def dump(self) -> dict[str, list[list[object]]]:
        """Every statistics row, for backups: ``reading_time`` and ``reading_finished``."""
        times = self._db.all(f"SELECT {_TIME_COLUMNS} FROM reading_time ORDER BY day")
        done = self._db.all(f"SELECT {_FINISHED_COLUMNS} FROM reading_finished ORDER BY day")
        return {
            "reading_time": [list(row) for row in times],
            "reading_finished": [list(row) for row in done],
        }

    def restore(self, dumped: dict[str, list[list[object]]]) -> int:
        """Add dumped rows not yet present (a day and article already counted is kept)."""
        times, finished = dumped_rows(dumped)

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO reading_time({_TIME_COLUMNS}) VALUES (?,?,?,?,?,?,?)", times
            )
            conn.executemany(
                f"INSERT OR IGNORE INTO reading_finished({_FINISHED_COLUMNS}) VALUES (?,?,?,?)",
                finished,
            )
            return int(conn.total_changes - before)

        return self._db.write(insert)

    def _top(
        self, column: str, where: str, span: tuple[str, str], top: int
    ) -> list[tuple[str, float]]:
        # column is one of two names written here, never user input.
        rows = self._db.all(
            f"SELECT {column}, sum(seconds) AS total FROM reading_time {where} "
            f"GROUP BY {column} ORDER BY total DESC, {column} LIMIT ?",
            (*span, top),
        )
        return [(str(name), float(seconds)) for name, seconds in rows]


_TIME_COLUMNS = "day, fingerprint, path, title, section, seconds, chars"
_FINISHED_COLUMNS = "fingerprint, day, path, title"


def dumped_rows(dumped: object) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The ``reading_time`` and ``reading_finished`` rows of a :meth:`ReadingStats.dump`,
    checked: ValueError when one is not a row (a backup is checked whole before any of it
    is restored)."""
    if not isinstance(dumped, dict):
        raise ValueError("not reading statistics")
    times = [_checked_row(row, 7) for row in dumped.get("reading_time", [])]
    finished = [_checked_row(row, 4) for row in dumped.get("reading_finished", [])]
    return times, finished


def _checked_row(row: object, size: int) -> tuple[object, ...]:
    """A dumped row, refused unless it is a list of ``size`` plain values."""
    if not isinstance(row, list) or len(row) != size:
        raise ValueError("not a statistics row")
    if not all(isinstance(value, str | int | float) for value in row):
        raise ValueError("not a statistics row")
    return tuple(row)


def _day(when: dt.datetime | None) -> str:
    moment = when or dt.datetime.now()
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the reader's own day, in local time
    return moment.date().isoformat()


def _streaks(read_days: list[str], today: dt.date) -> tuple[int, int]:
    """(current streak, longest streak) from the sorted days that have reading."""
    dates = [dt.date.fromisoformat(day) for day in read_days]
    longest = run = 0
    previous: dt.date | None = None
    for date in dates:
        run = run + 1 if previous is not None and (date - previous).days == 1 else 1
        longest = max(longest, run)
        previous = date
    current = 0
    present = set(dates)
    cursor = today if today in present else today - dt.timedelta(days=1)
    while cursor in present:
        current += 1
        cursor -= dt.timedelta(days=1)
    return current, longest


class ReadingClock:
    """How long an article has been read: time between actions, each gap capped.

    ``start(now)`` when an article opens, ``touch(now)`` on each key or scroll,
    ``take(now)`` for the seconds counted since the last take (and a restart).
    """

    def __init__(self, idle: float = IDLE_SECONDS) -> None:
        """A stopped clock; gaps longer than ``idle`` seconds count as ``idle``."""
        self._idle = idle
        self._last: float | None = None
        self._counted = 0.0

    def start(self, now: float) -> None:
        """Begin counting at ``now`` (monotonic seconds)."""
        self._last = now
        self._counted = 0.0

    def touch(self, now: float) -> None:
        """The reader did something at ``now``: count the gap since the last action."""
        if self._last is None:
            self._last = now
            return
        self._counted += min(max(now - self._last, 0.0), self._idle)
        self._last = now

    def take(self, now: float) -> float:
        """The seconds counted up to ``now``, and start counting afresh."""
        self.touch(now)
        counted, self._counted = self._counted, 0.0
        return counted
