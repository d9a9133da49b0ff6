"""The status line under the panes: where you are in the list and in the article."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tuireader.ui.safe_text import one_line


class StatusLine(Widget):
    """One line: section, list position, order, filter and reading position.

    It changes on every cursor move, so it repaints without asking for a new layout
    (a ``Static.update`` would re-lay out the screen on each key press).
    """

    DEFAULT_CSS = "StatusLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()

    def render(self) -> Text:
        """The current line."""
        return self._line

    def show(
        self,
        *,
        section: str,
        index: int,
        count: int,
        sort: str,
        unread_only: bool,
        percent: int | None,
        book_percent: int | None = None,
        link: str | None = None,
    ) -> None:
        """Show the given facts (each built as plain text, never markup); ``link`` is
        where the chosen link of the article leads, as written."""
        line = Text(no_wrap=True, end="", overflow="ellipsis")
        line.append(f" {one_line(section)} ", style="bold")
        # "32 of 34", never "32/34": the tree writes unread/all that way.
        line.append(f" {index + 1 if count else 0:,} of {count:,}")
        line.append(f"  sort: {sort}")
        if unread_only:
            line.append("  unread only", style="bold")
        if percent is not None:
            line.append(f"  reading: {percent}%")
        if book_percent is not None:
            line.append(f" · book {book_percent}%")
        if link is not None:
            line.append("  link → ", style="bold")
            line.append(one_line(link)[:300], style="underline")
        line.append("   ? help  ctrl+p commands", style="dim")
        if line != self._line:
            self._line = line
            self.refresh()
