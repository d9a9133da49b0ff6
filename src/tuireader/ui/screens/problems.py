"""The problems view: each file that could not be read, and why; then each file that was
read but decoded with warnings (bytes replaced, an encoding guessed), with the count."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tuireader.library.model import DECODED_WITH_WARNINGS, FileProblem
from tuireader.ui.safe_text import one_line

SHOWN_AT_MOST = 5000


class ProblemsScreen(Screen[None]):
    """A table of unreadable files with their error; escape or q goes back."""

    BINDINGS: ClassVar = [
        Binding("escape,q", "close", "Back", id="problems.close"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, problems: list[FileProblem], library: object) -> None:
        super().__init__()
        self._problems = problems
        self._library = library

    def compose(self) -> ComposeResult:
        """A summary line and the table."""
        decoded = sum(1 for p in self._problems if p.kind == DECODED_WITH_WARNINGS)
        unreadable = len(self._problems) - decoded
        summary = Text(f" {unreadable or decoded} file(s) in ", style="bold")
        summary.append(one_line(self._library), style="italic")
        if unreadable:
            summary.append(" could not be read", style="bold")
            summary.append(f"; {decoded} decoded with warnings." if decoded else ".", style="bold")
        elif decoded:
            summary.append(" decoded with warnings.", style="bold")
        else:
            summary.append(" — no problems.", style="bold")
        yield Static(summary, id="problems-summary")
        yield DataTable(id="problems-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table (paths and messages as plain Text)."""
        table = self.query_one(DataTable)
        table.add_columns("File", "Problem")
        for problem in self._problems[:SHOWN_AT_MOST]:
            table.add_row(Text(one_line(problem.path)), Text(one_line(problem.error)))
        table.focus()

    def action_cursor_down(self) -> None:
        """Next file."""
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous file."""
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        """Back to where the user came from (quit if nothing is under this screen)."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()
