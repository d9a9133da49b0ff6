"""The article info view: everything the open article says about itself.

Title, date (and how exact it is), source and issue, authors and editors, keywords,
abstract, every other label the file carried (文献号, 分类号 …), and the file's own facts
(path, format, encoding, warnings). Values pass through ``one_line``: nothing from a file
reaches the terminal raw.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.library.model import Article
from tuireader.ui.safe_text import one_line

# Field → the name shown for it, in the order shown.
_SHOWN = (
    ("title", "Title"),
    ("date", "Date"),
    ("date_precision", "Date precision"),
    ("source", "Source"),
    ("issue", "Issue"),
    ("page", "Page"),
    ("author", "Author"),
    ("editor", "Editor"),
    ("sections", "Sections"),
    ("keywords", "Keywords"),
    ("tags", "Tags"),
    ("url", "Address"),
    ("description", "Description"),
    ("abstract", "Abstract"),
)


def info_rows(article: Article) -> list[tuple[str, str]]:
    """(name, value) of every field the article has, its other labels, its file facts."""
    data = article.meta.to_json()
    rows: list[tuple[str, str]] = []
    for key, name in _SHOWN:
        value = data.get(key)
        if isinstance(value, list):
            value = " · ".join(str(item) for item in value)
        if value:
            rows.append((name, str(value)))
    rows += list(article.meta.labels)
    rows += [("File", article.path), ("Format", article.format), ("Encoding", article.encoding)]
    rows += [("Warning", warning) for warning in article.warnings]
    return rows


class ArticleInfoScreen(ModalScreen[None]):
    """A scrollable list of the article's metadata; escape, q or I closes it."""

    BINDINGS: ClassVar = [Binding("escape,q,I", "close", "Back", id="info.close")]
    DEFAULT_CSS = """
    ArticleInfoScreen { align: center middle; }
    ArticleInfoScreen > VerticalScroll {
        width: 90%; height: 80%; border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, article: Article) -> None:
        """Show ``article``'s metadata."""
        super().__init__()
        self._rows = info_rows(article)

    def compose(self) -> ComposeResult:
        """One line per field: its name in bold, then its value."""
        with VerticalScroll():
            for name, value in self._rows:
                line = Text(f"{one_line(name)}: ", style="bold")
                line.append(one_line(value))
                yield Static(line)

    def action_close(self) -> None:
        """Back to the reader."""
        self.app.pop_screen()
