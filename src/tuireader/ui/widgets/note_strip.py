"""A strip under the reader: the note of the bookmarked passage in view, or selection keys.

Hidden when there is nothing to say, so it takes no room from the text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tuireader.ui.safe_text import one_line


class NoteStrip(Static):
    """Up to three lines: a note (✎) or what the keys do while selecting."""

    DEFAULT_CSS = """
    NoteStrip {
        height: auto; max-height: 4; padding: 0 1;
        background: $boost; color: $text; border-top: solid $panel-lighten-2;
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, ...] = ()

    def show_note(self, note: str, more: int = 0) -> None:
        """Show a bookmark's note (its lines kept, each made safe)."""
        key = ("note", note, str(more))
        if key == self._shown:
            return
        text = Text("✎ ", style="bold")
        text.append(" / ".join(one_line(line) for line in note.splitlines() if line.strip()))
        if more:
            text.append(f"   (+{more} more in view)", style="dim")
        self._set(key, text)

    def show_selecting(self, characters: int) -> None:
        """Say how big the selection is and which keys act on it."""
        key = ("selecting", str(characters))
        if key == self._shown:
            return
        text = Text(f"Selected {characters:,} characters", "bold")
        text.append("  j/k grow or shrink · b bookmark · a note · y copy · esc cancel", "dim")
        self._set(key, text)

    def hide(self) -> None:
        """Show nothing (and take no room)."""
        if self._shown:
            self._shown = ()
            self.display = False

    def _set(self, key: tuple[str, ...], text: Text) -> None:
        self._shown = key
        self.update(text)
        self.display = True
