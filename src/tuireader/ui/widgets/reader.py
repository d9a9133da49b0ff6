"""The reading pane: a Line-API widget that typesets an :class:`Article` lazily.

Only visible rows are drawn; blocks are wrapped when they first show (or in the
background, a slice at a time) and cached for the current width. The reading position is
an :class:`Anchor` (block, offset), never a row, so a resize or a change of reading width
keeps the reader on the same paragraph.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from tuireader.library.model import Anchor, Article
from tuireader.ui.widgets.reader_aids import DisplayAids
from tuireader.ui.widgets.reader_draw import Highlights, draw_row
from tuireader.ui.widgets.reader_keys import READER_BINDINGS, ReaderKeys
from tuireader.ui.widgets.reader_layout import DocumentLayout
from tuireader.ui.widgets.reader_scroll import ReaderScrolling
from tuireader.ui.widgets.reader_select import SentenceSelection
from tuireader.ui.widgets.reader_style import COMPONENT_CLASSES, READER_CSS, build_palette

MIN_READING_WIDTH = 10


class ArticleReader(ReaderKeys, ReaderScrolling, ScrollView, can_focus=True):
    """Shows one article; scrolls by line, page, half page, top and bottom."""

    COMPONENT_CLASSES = COMPONENT_CLASSES

    DEFAULT_CSS = READER_CSS

    BINDINGS = READER_BINDINGS

    reading_width: reactive[int] = reactive(80, init=False)
    """Widest the text column gets, in cells; the column is centred in the pane."""

    class PositionChanged(Message):
        """The reading position settled after a scroll."""

        def __init__(
            self, anchor: Anchor, percent: int, reader: ArticleReader | None = None
        ) -> None:
            super().__init__()
            self.anchor = anchor
            self.percent = percent
            self.reader = reader

        @property
        def control(self) -> ArticleReader | None:
            """The reader that posted this (lets ``@on(..., "#id")`` match)."""
            return self.reader

    class ReachedEnd(Message):
        """The last line of the article became visible (once per article shown)."""

        def __init__(self, reader: ArticleReader | None = None) -> None:
            super().__init__()
            self.reader = reader

        @property
        def control(self) -> ArticleReader | None:
            """The reader that posted this (lets ``@on(..., "#id")`` match)."""
            return self.reader

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._article: Article | None = None
        self._layout: DocumentLayout | None = None
        self._highlights = Highlights()
        self._selection: SentenceSelection | None = None
        self._hint = Anchor(0, 0)
        self._end_reported = False
        self._posted: tuple[Anchor, int] | None = None
        self._position_timer: Timer | None = None
        self._palette: dict[str, Style] | None = None
        self._generation = 0
        self._aids = DisplayAids()

    def validate_reading_width(self, width: int) -> int:
        """Keep the column at least a few words wide."""
        return max(MIN_READING_WIDTH, width)

    # -- public API ------------------------------------------------------------------
    def show_article(self, article: Article, anchor: Anchor | None = None) -> None:
        """Show ``article`` from ``anchor`` (the top when None); highlights are reset."""
        self._article = article
        self._highlights.clear()
        self._selection = SentenceSelection(article.blocks)
        self._hint = anchor or Anchor(0, 0)
        self._end_reported = False
        self._posted = None
        self._relayout()

    def set_aids(self, aids: DisplayAids) -> None:
        """Show the text in another script or with pinyin, keeping the reading position."""
        if aids == self._aids:
            return
        self._hint = self.anchor
        self._aids = aids
        if self._article is not None:
            self._relayout()

    @property
    def aids(self) -> DisplayAids:
        """The display choices in force (script, pinyin)."""
        return self._aids

    def clear(self) -> None:
        """Show nothing."""
        self._article = self._layout = self._selection = None
        self._highlights.clear()
        self._generation += 1
        self.virtual_size = Size(0, 0)
        if self.is_mounted:
            self.scroll_to(y=0, animate=False, force=True)
        self.refresh()

    @property
    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    def set_highlights(self, layer: str, spans: list[tuple[int, int, int]]) -> None:
        """Highlight (block, start, end) spans in ``layer`` (replacing its spans)."""
        self._highlights.set(layer, spans)
        self.refresh()

    @property
    def selection(self) -> tuple[Anchor, Anchor] | None:
        """The selected passage as (start, end) anchors, end exclusive."""
        return self._selection.bounds() if self._selection else None

    def start_selection(self) -> None:
        """Select the sentence at the reading position."""
        if self._selection and self._selection.start(self.anchor):
            self._show_selection()

    def extend_selection(self, step: int) -> None:
        """Move the selection's moving end by ``step`` sentences (starting one if none)."""
        if self._selection is None:
            return
        if self._selection.head is None:
            self.start_selection()
        self._selection.extend(step)
        self._show_selection()

    def clear_selection(self) -> None:
        """Drop the selection and its highlight."""
        if self._selection:
            self._selection.clear()
        self.set_highlights("selection", [])

    def _show_selection(self) -> None:
        """Highlight the selection and bring its moving end into view."""
        assert self._selection is not None
        self.set_highlights("selection", self._selection.spans())
        head = self._selection.head_span()
        if head and self._layout:
            self._reveal_rows(*self._layout.rows_of_span(*head))

    # -- drawing ---------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw row ``y`` of the viewport."""
        width = self.scrollable_content_region.width
        layout = self._layout
        if layout is None:
            return Strip.blank(width, self.rich_style)
        row = layout.row(self.scroll_offset.y + y)
        segments = draw_row(layout, row, self._get_palette(), self._highlights)
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def notify_style_update(self) -> None:
        """Forget the cached styles when the CSS or the theme changes."""
        super().notify_style_update()
        self._palette = None

    def _get_palette(self) -> dict[str, Style]:
        """Role → Rich style, built once per style change."""
        if self._palette is None:
            self._palette = build_palette(self)
        return self._palette
