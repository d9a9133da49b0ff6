"""The reading pane: the reader widget, with a hint in its place until an article opens.

The reader draws the title and metadata line itself and centres the text at
``reading_width``; this pane passes the width on, swaps the hint for the reader, and
holds the two strips that appear under the reader when first needed: the find bar and
the note strip (mounted on demand, so a session that never uses them pays nothing).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.geometry import Spacing
from textual.widgets import Static

from tuireader.library.model import Anchor, Article
from tuireader.ui.widgets.find_bar import FindBar
from tuireader.ui.widgets.note_strip import NoteStrip
from tuireader.ui.widgets.reader.article_reader import ArticleReader

NO_ARTICLE = "Choose an article in the list and press Enter."


class ReaderPane(Vertical):
    """The reader, or a hint when nothing is open; the find bar and note strip below."""

    def __init__(self, reading_width: int, *, id: str | None = None) -> None:
        """Give the reader ``reading_width`` cells (at most) for its text column."""
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

    def show_article(self, article: Article, anchor: Anchor, complete: bool = True) -> None:
        """Show ``article`` at ``anchor`` (``complete=False``: its beginning, the rest
        to come: see :meth:`ArticleReader.show_article`)."""
        self.query_one("#reader-hint").display = False
        reader = self.query_one(ArticleReader)
        reader.display = True
        reader.show_article(article, anchor, complete)

    @property
    def find_bar_or_none(self) -> FindBar | None:
        """The find bar, if it was ever mounted."""
        try:
            return self.query_one(FindBar)
        except NoMatches:
            return None

    async def find_bar(self) -> FindBar:
        """The find bar, mounted under the reader the first time it is needed."""
        bar = self.find_bar_or_none
        if bar is None:
            bar = FindBar(id="find-bar")
            await self.mount(bar)
        return bar

    @property
    def note_strip_or_none(self) -> NoteStrip | None:
        """The note strip, if it was ever mounted."""
        try:
            return self.query_one(NoteStrip)
        except NoMatches:
            return None

    def note_strip(self) -> NoteStrip:
        """The note strip, mounted under the reader the first time it has something to say;
        its text starts and ends where the reader's text column does."""
        strip = self.note_strip_or_none
        if strip is None:
            strip = NoteStrip(id="note-strip")
            self.mount(strip)
        self._align(strip)
        return strip

    def on_resize(self) -> None:
        """A new width moves the text column: the note strip follows it."""
        strip = self.note_strip_or_none
        if strip is not None:
            self.call_after_refresh(self._align, strip)

    def _align(self, strip: NoteStrip) -> None:
        """Pad the strip so its text lies under the reader's text column."""
        reader = self.query_one(ArticleReader)
        start, width = reader.text_column
        left = max(0, reader.content_region.x - self.content_region.x + start)
        right = max(0, self.content_region.width - left - width)
        if strip.styles.padding != Spacing(0, right, 0, left):
            strip.styles.padding = (0, right, 0, left)
