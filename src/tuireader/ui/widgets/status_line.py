"""The status line under the panes: where you are in the list and in the article."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tuireader.ui.safe_text import one_line


class StatusLine(Static):
    """One line: section, list position, order, filter and reading position."""

    def show(
        self,
        *,
        section: str,
        index: int,
        count: int,
        sort: str,
        unread_only: bool,
        percent: int | None,
    ) -> None:
        """Show the given facts (each built as plain text, never markup)."""
        line = Text(no_wrap=True, end="")
        line.append(f" {one_line(section)} ", style="bold")
        line.append(f" {index + 1 if count else 0:,}/{count:,}")
        line.append(f"  sort: {sort}")
        if unread_only:
            line.append("  unread only", style="bold")
        if percent is not None:
            line.append(f"  reading: {percent}%")
        line.append("   ? help  ctrl+p commands", style="dim")
        self.update(line)
