"""The reading pane: the reader widget, with a hint in its place until an article opens.

The reader draws the title and metadata line itself and centres the text at
``reading_width``; this pane only passes the width on and swaps the hint for the reader.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tuireader.ui.widgets.reader import ArticleReader

NO_ARTICLE = "Choose an article in the list and press Enter."


class ReaderPane(Vertical):
    """The reader, or a hint when nothing is open."""

    def __init__(self, reading_width: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reading_width = reading_width

    def compose(self) -> ComposeResult:
        """The hint and the (hidden) reader."""
        yield Static(Text(NO_ARTICLE, style="dim"), id="reader-hint")
        yield ArticleReader(id="reader")

    def on_mount(self) -> None:
        """Apply the reading width; hide the reader until there is something to read."""
        reader = self.query_one(ArticleReader)
        reader.reading_width = self._reading_width
        reader.display = False

    def show_article(self, article: Any, anchor: Any) -> None:
        """Show ``article`` at ``anchor``."""
        self.query_one("#reader-hint").display = False
        reader = self.query_one(ArticleReader)
        reader.display = True
        reader.show_article(article, anchor)
