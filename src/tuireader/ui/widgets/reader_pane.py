"""The reading pane: the article's title and metadata line above the reader widget.

The title block and the reader share one maximum width (``reading_width``) and are
centred together. Text from the article is handed over as ``Text`` objects only.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.reader_import import ArticleReader

NO_ARTICLE = "Choose an article in the list and press Enter."


def metadata_line(article: Any) -> Text:
    """Date, source, author and format of an article, separated by dots."""
    parts = [article.date, article.source, article.author]
    words = [one_line(part) for part in parts if part]
    words.append(article.format)
    if article.warnings:
        words.append(f"{len(article.warnings)} warning(s)")
    return Text(" · ".join(words), style="dim", end="")


class ReaderPane(Vertical):
    """Title, metadata and the reader, centred at the reading width."""

    def __init__(self, reading_width: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reading_width = reading_width

    def compose(self) -> ComposeResult:
        """The heading and the reader."""
        with Vertical(id="article-head"):
            yield Static(Text(NO_ARTICLE, style="dim"), id="article-title")
            yield Static("", id="article-meta")
        yield ArticleReader(id="reader")

    def on_mount(self) -> None:
        """Apply the reading width to the heading and the reader."""
        self.query_one("#article-head").styles.max_width = self._reading_width
        reader = self.query_one(ArticleReader)
        if hasattr(reader, "reading_width"):
            reader.reading_width = self._reading_width

    def show_heading(self, article: Any) -> None:
        """Show the title and metadata line of ``article``."""
        title = Text(one_line(article.title or article.path), style="bold", end="")
        self.query_one("#article-title", Static).update(title)
        self.query_one("#article-meta", Static).update(metadata_line(article))
