"""The reading pane: a Line-API widget that typesets an :class:`Article` lazily.

Only visible rows are drawn; blocks are wrapped when they first show (or in the
background, a slice at a time) and cached for the current width. The reading position is
an :class:`Anchor` (block, offset), never a row, so a resize or a change of reading width
keeps the reader on the same paragraph.
"""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from tuireader.model import Anchor, Article
from tuireader.ui.widgets.reader_draw import LAYERS, Highlights, draw_row
from tuireader.ui.widgets.reader_layout import DocumentLayout
from tuireader.ui.widgets.reader_scroll import ReaderScrolling
from tuireader.ui.widgets.reader_select import SentenceSelection

# Style role -> component classes added (in order) on top of the widget's base style.
ROLE_CLASSES: dict[str, tuple[str, ...]] = {
    "title": ("reader--title",),
    "meta": ("reader--meta",),
    "rule": ("reader--rule",),
    "paragraph": (),
    "list": (),
    "marker": ("reader--marker",),
    "heading": ("reader--heading",),
    "heading1": ("reader--heading", "reader--heading-1"),
    "heading2": ("reader--heading", "reader--heading-2"),
    "quote": ("reader--quote",),
    "code": ("reader--code",),
}
MIN_READING_WIDTH = 10
LAYER_CLASSES = {layer: f"reader--{layer.replace('_', '-')}" for layer in LAYERS}


class ArticleReader(ReaderScrolling, ScrollView, can_focus=True):
    """Shows one article; scrolls by line, page, half page, top and bottom."""

    COMPONENT_CLASSES = {
        *(name for names in ROLE_CLASSES.values() for name in names),
        *LAYER_CLASSES.values(),
    }

    DEFAULT_CSS = """
    ArticleReader {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        background: $surface;
        color: $foreground;
        & > .reader--title { text-style: bold; color: $text; }
        & > .reader--meta { color: $text-muted; }
        & > .reader--rule { color: $text-muted; }
        & > .reader--marker { color: $text-accent; }
        & > .reader--heading { text-style: bold; color: $text; }
        & > .reader--heading-1 { text-style: bold underline; color: $text-accent; }
        & > .reader--heading-2 { color: $text-accent; }
        & > .reader--quote { text-style: italic; color: $text-muted; }
        & > .reader--code { background: $panel; color: $text; }
        & > .reader--bookmark { background: $success 25%; }
        & > .reader--selection { background: $primary 45%; }
        & > .reader--search { background: $warning 35%; }
        & > .reader--search-current { background: $warning 80%; color: $text; text-style: bold; }
    }
    """

    BINDINGS = [
        Binding("j,down", "line_down", "Line down", show=False, id="reader.line_down"),
        Binding("k,up", "line_up", "Line up", show=False, id="reader.line_up"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", id="reader.page_down"),
        Binding("shift+space,pageup,ctrl+b", "page_up", "Page up", id="reader.page_up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False, id="reader.half_down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="reader.half_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("escape", "clear_selection", "Cancel selection", show=False, id="reader.unselect"),
    ]

    reading_width: reactive[int] = reactive(80, init=False)
    """Widest the text column gets, in cells; the column is centred in the pane."""

    class PositionChanged(Message):
        """The reading position settled after a scroll."""

        def __init__(self, anchor: Anchor, percent: int) -> None:
            super().__init__()
            self.anchor = anchor
            self.percent = percent

    class ReachedEnd(Message):
        """The last line of the article became visible (once per article shown)."""

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
            base = self.rich_style
            palette = {"base": base}
            for role, names in ROLE_CLASSES.items():
                palette[role] = base + sum((self._component(n) for n in names), Style())
            for layer, name in LAYER_CLASSES.items():
                palette[layer] = self._component(name)
            self._palette = palette
        return self._palette

    def _component(self, name: str) -> Style:
        """A component's own rules, with colours blended as the theme intends."""
        full = self.get_component_rich_style(name)
        own = self.get_component_rich_style(name, partial=True)
        colours = Style(
            color=full.color if own.color else None,
            bgcolor=full.bgcolor if own.bgcolor else None,
        )
        return colours + own.without_color
