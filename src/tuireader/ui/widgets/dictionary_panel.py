"""The dictionary popup: a box floating over the reader on the screen's overlay layer.

It is mounted once with the library screen and only shown and filled on a lookup, which
costs one repaint of its own region: pushing a modal screen for each lookup took about
70 ms, three times this. The reader underneath keeps its place. Focused while shown, so
escape (or ``d``, or ``q``) closes it and gives the focus back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tuireader.dictionary.cedict import SHORT_ATTRIBUTION
from tuireader.ui.bindings import bindings


class DictionaryPanel(VerticalScroll, can_focus=True):
    """Entries for the word looked up; hidden until a lookup shows it."""

    BINDINGS: ClassVar = bindings("dictionary")

    class Closed(Message):
        """The panel was closed (the screen gives the focus back)."""

    def compose(self):
        """The entries and the source line."""
        yield Static(id="dictionary-entries")
        yield Static(id="dictionary-source")

    def on_mount(self) -> None:
        """Hidden, titled."""
        self.display = False
        self.border_title = "Dictionary"
        self.border_subtitle = "escape closes"

    def show_entries(self, body: Text, saved: int = 0) -> None:
        """Fill the panel, show it and take the focus."""
        self.query_one("#dictionary-entries", Static).update(body)
        note = f"{saved} word(s) kept for `tuireader vocab export` · " if saved else ""
        self.query_one("#dictionary-source", Static).update(
            Text(note + SHORT_ATTRIBUTION, style="dim")
        )
        self.scroll_home(animate=False)
        self.display = True
        self.focus()

    def action_close(self) -> None:
        """Hide the panel."""
        self.display = False
        self.post_message(self.Closed())
