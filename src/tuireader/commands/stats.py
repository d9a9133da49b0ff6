"""``tuireader stats [--days N] [--json]``: reading time, characters, finished, streak.

Read from state.db only; nothing is sent anywhere.
"""

from __future__ import annotations

import argparse

from tuireader.commands import common
from tuireader.state import StateStore
from tuireader.state.reading import StatsReport


def register(subparsers) -> None:
    """Add the ``stats`` subcommand."""
    parser = common.add_command(subparsers, "stats", help="reading statistics")
    parser.add_argument("--days", type=int, default=30, help="how many days back (default 30)")
    parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the report of the last ``--days`` days."""
    if not 1 <= args.days <= 36_600:
        common.error("--days must be between 1 and 36600")
        return 2
    store = StateStore.open(common.paths_from(args).state_db, backups=False)
    try:
        for notice in store.notices:
            common.error(notice)
        report = store.stats.report(days=args.days)
    finally:
        store.close()
    if args.json:
        print(common.json_line(report.to_json()))
    else:
        print("\n".join(report_lines(report)))
    return 0


def report_lines(report: StatsReport) -> list[str]:
    """The report for people: totals, then the most read sections and articles."""
    lines = [
        f"last {len(report.days)} days: {duration(report.seconds)} on {report.days_read} days, "
        f"{report.chars:,} characters, {report.finished} finished",
        f"streak: {report.streak} days (longest {report.longest_streak})",
    ]
    for heading, rows in (("sections", report.sections), ("articles", report.articles)):
        if rows:
            lines.append(f"{heading}:")
            lines.extend(
                f"  {duration(seconds):>8}  {common.show_path(name) or '-'}"
                for name, seconds in rows
            )
    return lines


def duration(seconds: float) -> str:
    """``1 h 05 min``, ``12 min``, ``40 s``."""
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = whole // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"
