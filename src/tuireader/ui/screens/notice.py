"""Full screens for situations that leave nothing to browse: a missing path, an empty library."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static

from tuireader.ui.safe_text import one_line


def missing_path_text(path: object) -> Text:
    """What to say when the library folder does not exist."""
    text = Text("The library folder was not found\n\n", style="bold")
    text.append(one_line(path), style="italic")
    text.append(
        "\n\nCheck the path, or run `tuireader PATH` with a folder of article files"
        " (.txt, .md, .html).\nPress q to quit."
    )
    return text


def empty_library_text(path: object) -> Text:
    """What to say when the library holds no article files."""
    text = Text("This library is empty\n\n", style="bold")
    text.append(one_line(path), style="italic")
    text.append(
        "\n\nNo article files (.txt, .md, .html) were found in it or its subfolders."
        "\nAdd some and press r to rescan, or q to quit."
    )
    return text


class NoticeScreen(Screen[str]):
    """A centred message; q quits, r asks the app to rescan (when offered)."""

    BINDINGS: ClassVar = [
        Binding("q,escape", "app.quit", "Quit", id="notice.quit"),
        Binding("r", "rescan", "Rescan", id="notice.rescan"),
    ]

    def __init__(self, message: Text, can_rescan: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message = message
        self._can_rescan = can_rescan

    def compose(self) -> ComposeResult:
        """The message in the middle of the screen."""
        with Middle(), Center():
            yield Static(self._message, id="notice")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Rescan only where it can help."""
        return self._can_rescan if action == "rescan" else True

    def action_rescan(self) -> None:
        """Close this screen and let the library screen scan again."""
        self.dismiss("rescan")
