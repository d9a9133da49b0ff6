"""A yes/no question over the screen (``A`` on a big section asks one first)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tuireader.ui.safe_text import one_line


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question``; dismisses with True for yes (y, Enter), False for no (n, Esc)."""

    BINDINGS: ClassVar = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,q", "answer(False)", "No", id="confirm.no"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    #confirm-frame {
        width: 70; max-width: 95%; height: auto; padding: 1 2;
        border: heavy $accent; background: $surface;
    }
    #confirm-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    #confirm-buttons Button { margin-left: 2; }
    """

    def __init__(self, question: str, yes: str = "Yes") -> None:
        """``question`` is plain text (section names come from files: never markup)."""
        super().__init__()
        self.question = one_line(question)
        self._yes = one_line(yes)

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(id="confirm-frame"):
            yield Static(Text(self.question, style="bold"), id="confirm-text")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="confirm-yes", variant="primary")
                yield Button("Cancel (n)", id="confirm-no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click on either button answers."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """y / Enter says yes, n / Esc no."""
        self.dismiss(answer)
