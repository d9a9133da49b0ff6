"""The find bar: a one-line input under the reader, with the hit count beside it.

It only reports what the person does (``Changed`` as they type, ``Submitted`` on Enter,
``Closed`` on escape) and shows what the screen tells it (:meth:`show_count`); the
matching itself runs elsewhere, off the UI thread. ``ctrl+r`` toggles regex matching; a
query starting ``re:`` is a regex too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from tuireader.ui.bindings import bindings


class FindBar(Horizontal):
    """``/`` label, the query input and the count (``3/17``, ``no match``, …)."""

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        dock: bottom;
        background: $panel;
        display: none;
    }
    FindBar.-open { display: block; }
    FindBar > #find-label { width: auto; padding: 0 1; color: $text-muted; }
    FindBar > #find-input { width: 1fr; border: none; height: 1; padding: 0; }
    FindBar > #find-count { width: auto; max-width: 60%; padding: 0 1; color: $text-muted; }
    FindBar > #find-count.-error { color: $error; }
    """

    BINDINGS: ClassVar = bindings("find")

    regex: reactive[bool] = reactive(False, init=False)

    @dataclass
    class Changed(Message):
        """The query was edited."""

        query: str
        regex: bool

    @dataclass
    class Submitted(Message):
        """Enter was pressed: go to the next hit."""

        query: str
        regex: bool

    class Closed(Message):
        """Escape: clear the hits and close the bar."""

    def compose(self) -> ComposeResult:
        """Label, input, count."""
        yield Static(Text("/"), id="find-label")
        yield Input(
            placeholder="find in the article (ctrl+r: regex)", id="find-input", compact=True
        )
        yield Static(Text(""), id="find-count")

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one("#find-input", Input)

    @property
    def is_open(self) -> bool:
        """Whether the bar is showing."""
        return self.has_class("-open")

    @property
    def value(self) -> str:
        """The query as typed."""
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor in it (the old query selected)."""
        self.add_class("-open")
        self.input.focus()

    def close(self) -> None:
        """Hide the bar and empty it."""
        self.remove_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.show_count("")

    def show_query(self, query: str) -> None:
        """Show ``query`` (a library search's) without reporting it as an edit."""
        self.add_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = query

    def show_count(self, text: str, error: bool = False) -> None:
        """Show the count or the problem, plainly."""
        label = self.query_one("#find-count", Static)
        label.set_class(error, "-error")
        label.update(Text(text))

    def watch_regex(self, regex: bool) -> None:
        """Say which mode the bar is in, and search again in it."""
        self.query_one("#find-label", Static).update(Text("re/" if regex else "/"))
        if self.value:
            self.post_message(self.Changed(self.value, regex))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, self.regex))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value, self.regex))

    def action_close(self) -> None:
        """Escape: let the screen clear the hits."""
        self.post_message(self.Closed())

    def action_toggle_regex(self) -> None:
        """ctrl+r: plain text or regular expression."""
        self.regex = not self.regex
