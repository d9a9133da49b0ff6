"""The reading statistics screen: totals, a streak, and bars drawn with Rich.

Bars are plain Rich text (``█`` blocks scaled to the widest value), so the screen needs
no plotting library and looks the same in a terminal and in the browser. Everything is
read from state.db when the screen opens; nothing leaves the machine.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tuireader.state.reading import StatsReport
from tuireader.ui.bindings import bindings
from tuireader.ui.safe_text import one_line

BAR = "█"
_PARTS = " ▏▎▍▌▋▊▉"


def duration(seconds: float) -> str:
    """``1 h 05``, ``12 min``, ``40 s``."""
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = whole // 60
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d}"


def bar(value: float, top: float, cells: int) -> str:
    """A horizontal bar of ``value`` out of ``top`` in at most ``cells`` cells (eighths)."""
    if top <= 0 or value <= 0:
        return ""
    eighths = round(value / top * cells * 8)
    return BAR * (eighths // 8) + _PARTS[eighths % 8].strip()


def bar_rows(rows: list[tuple[str, float]], width: int, label_cells: int = 16) -> Text:
    """One line per (label, seconds): label, bar, duration."""
    text = Text(no_wrap=True, overflow="crop")
    top = max((seconds for _, seconds in rows), default=0.0)
    cells = max(4, width - label_cells - 11)
    for number, (label, seconds) in enumerate(rows):
        if number:
            text.append("\n")
        name = one_line(label) or "-"
        if cell_len(name) > label_cells:
            name = set_cell_size(name, label_cells - 1) + "…"
        text.append(set_cell_size(name, label_cells) + " ", style="bold")
        text.append(f"{bar(seconds, top, cells):<{cells}}", style="green")
        text.append(f" {duration(seconds):>9}")
    return text


def summary_text(report: StatsReport) -> Text:
    """Totals of the span and the streaks."""
    text = Text()
    text.append(f"{duration(report.seconds)}", style="bold")
    text.append(f" read on {report.days_read} of the last {len(report.days)} days · ")
    text.append(f"{report.chars:,}", style="bold")
    text.append(" characters · ")
    text.append(f"{report.finished}", style="bold")
    text.append(" finished\nStreak: ")
    text.append(f"{report.streak} day(s)", style="bold")
    text.append(f" (longest {report.longest_streak})")
    return text


def day_rows(report: StatsReport, days: int = 14) -> list[tuple[str, float]]:
    """The last ``days`` days as (``Mon 03-04``, seconds)."""
    rows = []
    for day, seconds, _ in report.days[-days:]:
        date = dt.date.fromisoformat(day)
        rows.append((date.strftime("%a %m-%d"), seconds))
    return rows


class StatsScreen(Screen[None]):
    """Reading statistics: per day, per section, per article."""

    BINDINGS: ClassVar = bindings("stats")

    def __init__(self, report: StatsReport) -> None:
        """Show ``report`` (read by the caller from state.db)."""
        super().__init__()
        self._report = report

    def compose(self) -> ComposeResult:
        """Summary, then bars per day, section and article."""
        with VerticalScroll(id="stats"):
            yield Static(summary_text(self._report), id="stats-summary")
            yield Static(id="stats-days", classes="stats-bars")
            yield Static(id="stats-sections", classes="stats-bars")
            yield Static(id="stats-articles", classes="stats-bars")
        yield Footer()

    def action_close(self) -> None:
        """Back to the library."""
        self.dismiss(None)

    def on_mount(self) -> None:
        """Titles, then bars sized to the screen."""
        self.query_one("#stats-days").border_title = "Last 14 days"
        self.query_one("#stats-sections").border_title = "Sections"
        self.query_one("#stats-articles").border_title = "Articles"
        self._draw()

    def on_resize(self) -> None:
        """Bars follow the width."""
        self._draw()

    def _draw(self) -> None:
        # Screen padding, the box border and padding, and room for a scroll bar.
        width = max(30, self.size.width - 8)
        report = self._report
        parts = (
            ("#stats-days", day_rows(report)),
            ("#stats-sections", report.sections),
            ("#stats-articles", report.articles),
        )
        for selector, rows in parts:
            body = bar_rows(rows, width) if rows else Text("Nothing read yet.", style="dim")
            self.query_one(selector, Static).update(body)
