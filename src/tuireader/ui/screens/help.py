"""The help screen: every key binding, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.bindings import SCOPE_TITLES, key_label, specs
from tuireader.ui.safe_text import one_line, plain


def _wrapping(value: str) -> Text:
    """Plain text that may wrap in its column (descriptions can be long)."""
    return Text(one_line(value))


def keys_table(keymap: dict[str, str]) -> Table:
    """A table of every binding: keys and what they do."""
    table = Table(show_header=False, box=None, padding=(0, 2), expand=False)
    # Both columns may wrap (keys at their commas), so a narrow terminal still reads
    # every line; the description keeps room for a few words.
    table.add_column(style="bold")
    table.add_column(min_width=20)
    titles = list(SCOPE_TITLES.items())
    for number, (scope, title) in enumerate(titles):
        if number == 0 or titles[number - 1][1] != title:  # a screen and its list share one
            table.add_row(Text(title, style="bold underline"), "")
        for spec in specs(scope):
            # Keys come from the user's config: plain Text, never parsed as markup.
            table.add_row(
                plain(key_label(spec, keymap)), _wrapping(spec.tooltip or spec.description)
            )
        if number + 1 == len(titles) or titles[number + 1][1] != title:
            table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A scrolling list of every key; any of escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        """The key table in a scrolling frame."""
        with VerticalScroll(id="help-frame") as frame:
            frame.border_title = "Keys  (escape closes)"
            yield Static(keys_table(self._keymap), id="help-keys")

    def action_scroll_down(self) -> None:
        """Scroll the table down."""
        self.query_one("#help-frame").scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the table up."""
        self.query_one("#help-frame").scroll_up(animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
