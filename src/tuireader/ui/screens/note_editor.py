"""The note editor: a modal multi-line text box for a bookmark's note.

``ctrl+s`` saves (the screen is dismissed with the text), ``escape`` cancels (None).
The text area takes whatever the terminal delivers, so Chinese typed through an input
method or pasted arrives as ordinary characters. Notes are the user's own words but may
be pasted from anywhere, so escape sequences and control characters are removed both
when a note is shown and when it is saved.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tuireader.ui.bindings import bindings
from tuireader.ui.safe_text import one_line

HINT = "ctrl+s save · escape cancel · an empty note removes it"


def clean_note(text: str) -> str:
    """``text`` without escapes or controls, keeping its line breaks; trailing space cut."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(one_line(line).rstrip() for line in lines).strip("\n")


class NoteEditor(ModalScreen[str | None]):
    """Edit one note; dismissed with the cleaned text, or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > #note-frame {
        width: 80%; max-width: 100; height: 60%; min-height: 10;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteEditor #note-about {
        height: auto; max-height: 3; color: $text-muted; text-style: italic; margin-bottom: 1;
    }
    NoteEditor #note-text { height: 1fr; border: none; }
    NoteEditor #note-hint { height: 1; color: $text-muted; }
    """

    BINDINGS: ClassVar = bindings("editor")

    def __init__(self, note: str, about: str, title: str = "Note") -> None:
        """``note`` is the text to start from; ``about`` says what it is attached to."""
        super().__init__()
        self._note = clean_note(note)
        self._about = about
        self._title = title

    def compose(self) -> ComposeResult:
        """What the note belongs to, the text box and the keys."""
        with Vertical(id="note-frame") as frame:
            frame.border_title = Text(one_line(self._title))  # never markup: titles are data
            yield Static(Text(one_line(self._about), overflow="ellipsis"), id="note-about")
            yield TextArea(self._note, soft_wrap=True, id="note-text", show_line_numbers=False)
            yield Static(Text(HINT), id="note-hint")

    def on_mount(self) -> None:
        """Put the cursor at the end of the text, ready to type."""
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Close with the text typed."""
        self.dismiss(clean_note(self.query_one("#note-text", TextArea).text))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
