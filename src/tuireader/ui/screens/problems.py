"""The problems view: each file that could not be read, and why."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tuireader.ui.safe_text import one_line

SHOWN_AT_MOST = 5000


class ProblemsScreen(Screen[None]):
    """A table of unreadable files with their error; escape or q goes back."""

    BINDINGS: ClassVar = [
        Binding("escape,q", "close", "Back", id="problems.close"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, problems: list[Any], library: object) -> None:
        super().__init__()
        self._problems = problems
        self._library = library

    def compose(self) -> ComposeResult:
        """A summary line and the table."""
        count = len(self._problems)
        summary = Text(f" {count} file(s) in ", style="bold")
        summary.append(one_line(self._library), style="italic")
        summary.append(" could not be read." if count else " — no problems.", style="bold")
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
