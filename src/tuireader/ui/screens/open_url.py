"""Opening an article's source URL: only http(s), only when asked, after a confirmation.

Addresses come from the articles' own files, so they are data, not trusted: which ones
may reach the browser is the core's rule, :func:`tuireader.library.links.browser_url` (plain
http/https with a host; no user:password@, controls or bidi characters, no over-long
address). The confirmation shows the whole address and its host first, so a misleading
link text cannot hide where it goes.
"""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tuireader.ui.safe_text import one_line


def confirm_text(url: str) -> Text:
    """The question, the host on its own line, then the whole address."""
    host = urlsplit(url).hostname or ""
    text = Text("Open this address in your browser?\n\n", style="bold")
    text.append("host  ")
    text.append(one_line(host), style="bold")
    text.append("\n\n")
    text.append(one_line(url), style="italic")
    return text


class ConfirmUrlScreen(ModalScreen[bool]):
    """Ask before opening a URL; dismisses with True to open it."""

    BINDINGS: ClassVar = [
        Binding("y,enter", "answer(True)", "Open", id="open_url.yes"),
        Binding("n,escape,q", "answer(False)", "Cancel", id="open_url.no"),
    ]
    DEFAULT_CSS = """
    ConfirmUrlScreen { align: center middle; }
    #url-frame {
        width: 80; max-width: 95%; height: auto; padding: 1 2;
        border: heavy $accent; background: $surface;
    }
    #url-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    #url-buttons Button { margin-left: 2; }
    """

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        """The address and two buttons."""
        with Vertical(id="url-frame"):
            yield Static(confirm_text(self.url), id="url-text")
            with Horizontal(id="url-buttons"):
                yield Button("Open (y)", id="url-open", variant="primary")
                yield Button("Cancel (n)", id="url-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click on either button answers."""
        self.dismiss(event.button.id == "url-open")

    def action_answer(self, answer: bool) -> None:
        """y / enter opens, n / escape cancels."""
        self.dismiss(answer)
