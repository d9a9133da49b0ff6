"""The reading pane: a Line-API widget that typesets an :class:`Article` lazily.

Only visible rows are drawn; blocks are wrapped when they first show (or in the
background, a slice at a time) and cached for the current width. The reading position is
an :class:`Anchor` (block, offset), never a row, so a resize or a change of reading width
keeps the reader on the same paragraph: after a re-layout the row of the anchor hint is
found again and scrolled to. Moves are measured from the text on the top row rather than
from the scroll offset, so wrapping an estimated block on the way never makes the reader
skip or repeat a line. The rows themselves are :class:`DocumentLayout`'s (pure); this
class is the glue between them and the scroll offset, the keys and the mouse.

Code and tables wider than the column scroll sideways together (← →, the horizontal
wheel or shift+wheel) while prose stays wrapped. Links are chosen with ``l`` / ``L``
(a highlight layer marks the chosen one) and followed with Enter or a click: the reader
only posts :class:`ArticleReader.LinkChosen`; the screen decides where the link leads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from tuireader.library.model import SPAN_LINK, Anchor, Article
from tuireader.ui.widgets.reader.aids import DisplayAids
from tuireader.ui.widgets.reader.draw import MORE, Highlights, draw_row
from tuireader.ui.widgets.reader.keys import READER_BINDINGS
from tuireader.ui.widgets.reader.layout import DocumentLayout
from tuireader.ui.widgets.reader.select import SentenceSelection
from tuireader.ui.widgets.reader.style import COMPONENT_CLASSES, READER_CSS, build_palette

MIN_READING_WIDTH = 10
POSITION_DELAY = 0.25  # seconds of stillness before PositionChanged is posted
REFINE_SLICE = 0.012  # seconds of background wrapping per step
REFINE_PAUSE = 0.02  # seconds between background steps
MIN_SIDEWAYS_STEP = 4  # cells a sideways key moves at least (else half the column)

#: A link of the article: (block, start, end, target), in reading order.
Link = tuple[int, int, int, str]


class ArticleReader(ScrollView, can_focus=True):
    """Shows one article; scrolls by line, page, half page, top and bottom."""

    COMPONENT_CLASSES = COMPONENT_CLASSES

    DEFAULT_CSS = READER_CSS

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

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

    class SelectionChanged(Message):
        """The person changed the selection here (keys while selecting, a mouse drag)."""

    class LinkChosen(Message):
        """A link was followed (Enter on the chosen link, or a click on one)."""

        def __init__(self, target: str, reader: ArticleReader | None = None) -> None:
            super().__init__()
            self.target = target
            self.reader = reader

        @property
        def control(self) -> ArticleReader | None:
            """The reader that posted this (lets ``@on(..., "#id")`` match)."""
            return self.reader

    class LinkFocused(Message):
        """Another link was chosen (``target`` None: none is chosen any more)."""

        def __init__(self, target: str | None, reader: ArticleReader | None = None) -> None:
            super().__init__()
            self.target = target
            self.reader = reader

        @property
        def control(self) -> ArticleReader | None:
            """The reader that posted this (lets ``@on(..., "#id")`` match)."""
            return self.reader

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        background_wrap: bool = True,
    ) -> None:
        """``background_wrap=False`` leaves unshown blocks at their estimated height
        (tests of the lazy layout use it); otherwise they are wrapped between frames."""
        super().__init__(name=name, id=id, classes=classes)
        self._article: Article | None = None
        self._layout: DocumentLayout | None = None
        self._highlights = Highlights()
        self._selection: SentenceSelection | None = None
        self._hint = Anchor(0, 0)
        self._end_reported = False
        self._complete = True  # False while the article shown is its beginning only
        self._bottom_pending = False  # G before the rest of the article was there
        self._posted: tuple[Anchor, int] | None = None
        self._position_timer: Timer | None = None
        self._palette: dict[str, Style] | None = None
        self._generation = 0
        self._background_wrap = background_wrap
        self._drag: Anchor | None = None  # where a mouse drag started
        self._dragged = False  # the drag selected something (its click follows nothing)
        self._aids = DisplayAids()
        self._sideways = 0  # cells wide code and tables are scrolled by
        self._links: list[Link] | None = None  # found on first use
        self._link: int | None = None  # the chosen link's index in _links

    def validate_reading_width(self, width: int) -> int:
        """Keep the column at least a few words wide."""
        return max(MIN_READING_WIDTH, width)

    # -- the article -----------------------------------------------------------------
    def show_article(
        self, article: Article, anchor: Anchor | None = None, complete: bool = True
    ) -> None:
        """Show ``article`` from ``anchor`` (the top when None); highlights are reset.

        ``complete=False``: ``article`` is the beginning of a longer one (its first
        blocks, ``anchor`` among them), shown while the rest loads; the rest comes with
        :meth:`complete_article`. Until then its end is not the article's end: ``G``
        waits for the rest and :class:`ReachedEnd` is not posted.
        """
        self._article = article
        self._complete = complete
        self._bottom_pending = False
        self._highlights.clear()
        self._selection = SentenceSelection(article.blocks)
        self._hint = anchor or Anchor(0, 0)
        self._end_reported = False
        self._posted = None
        self._sideways = 0
        self._links = None
        self._link = None
        self._relayout()
        self.refresh_bindings()  # "l" shows in the footer only when there are links

    def complete_article(self, article: Article) -> None:
        """The whole article whose beginning is shown (its first blocks are the ones
        shown): the text stays where it is on screen, and a ``G`` pressed meanwhile
        goes to the end now."""
        self._article = article
        self._complete = True
        self._links = None  # found again in the whole text (the chosen one keeps its index)
        selection, self._selection = self._selection, SentenceSelection(article.blocks)
        if selection is not None:  # (block, sentence) positions are the same in the whole
            self._selection.fixed, self._selection.head = selection.fixed, selection.head
        if self._layout is not None:
            self._generation += 1
            self._layout = self._layout.extended(article)
            self._sync_virtual_size()
            self.refresh()
            if self._background_wrap:
                self.set_timer(REFINE_PAUSE, self._refine_step(self._generation))
        if self._bottom_pending:
            self._bottom_pending = False
            self.action_bottom()
        else:
            self._check_end()
        self.refresh_bindings()  # links further on may have arrived

    @property
    def complete(self) -> bool:
        """Whether the article shown is all there (not its beginning, the rest loading)."""
        return self._complete

    def set_aids(self, aids: DisplayAids) -> None:
        """Show the text in another script or with pinyin, keeping the reading position."""
        if aids == self._aids:
            return
        self._hint = self.position
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
        self._complete, self._bottom_pending = True, False
        self._links, self._link = None, None
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

    @property
    def is_typeset(self) -> bool:
        """Whether the article is laid out for the pane's present width."""
        return self._layout is not None and self._layout.pane_width == self._pane_width()

    @property
    def fully_wrapped(self) -> bool:
        """Whether every block is wrapped (no height is an estimate any more)."""
        return self._layout is not None and not self._layout.unwrapped

    @property
    def document_height(self) -> int:
        """Rows of the whole article as laid out now (0 with nothing shown)."""
        return self._layout.height if self._layout is not None else 0

    # -- highlights and selection ----------------------------------------------------
    def set_highlights(self, layer: str, spans: list[tuple[int, int, int]]) -> None:
        """Highlight (block, start, end) spans in ``layer`` (replacing its spans)."""
        self._highlights.set(layer, spans)
        self.refresh()

    def highlights_in(self, block: int, start: int, end: int) -> list[tuple[str, int, int]]:
        """(layer, start, end) of the highlighted pieces of text ``start:end`` of ``block``."""
        return self._highlights.in_line(block, start, end)

    @property
    def selection(self) -> tuple[Anchor, Anchor] | None:
        """The selected passage as (start, end) anchors, end exclusive."""
        return self._selection.bounds() if self._selection else None

    def start_selection(self) -> None:
        """Select the sentence at the reading position."""
        if self._selection and self._selection.start(self.position):
            self._show_selection()

    def extend_selection(self, step: int) -> None:
        """Move the selection's moving end by ``step`` sentences (starting one if none)."""
        if self._selection is None:
            return
        if self._selection.head is None:
            self.start_selection()
        self._selection.extend(step)
        self._show_selection()

    def select_between(self, start: Anchor, end: Anchor) -> bool:
        """Select the sentences from the one at ``start`` to the one at ``end``."""
        selection = self._selection
        if selection is None or not selection.start(start):
            return False
        selection.head = selection.position_at(end)
        self._show_selection()
        return True

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

    # -- where the reader is ---------------------------------------------------------
    @property
    def position(self) -> Anchor:
        """The reading position: the anchor of the first visible line."""
        layout = self._layout
        if layout is None or not self.is_typeset:
            return self._hint
        top = self.scroll_offset.y
        if layout.row_of(self._hint) == top:
            return self._hint  # keeps a mid-line anchor exact across re-layouts
        return layout.anchor_at(top)

    @property
    def percent(self) -> int:
        """How far through the article the reader is, 0..100 (100 at the end)."""
        if self._layout is None:
            return 0
        bottom, top = self.max_scroll_y, self.scroll_offset.y
        if bottom <= 0 or top >= bottom:
            return 100
        return min(99, 100 * top // bottom)

    @property
    def text_column(self) -> tuple[int, int]:
        """Where the text column lies: (cells from the reader's left edge, its width)."""
        if self._layout is not None and self.is_typeset:
            return self._layout.margin, self._layout.column
        width = max(1, self._pane_width())
        column = min(self.reading_width, width)
        return (width - column) // 2, column

    def visible_range(self) -> tuple[Anchor, Anchor] | None:
        """Anchors of the first and the last row on screen (None with nothing shown)."""
        layout = self._layout
        if layout is None or not self.display:
            return None
        top = self.scroll_offset.y
        bottom = min(layout.height - 1, top + self._view_height() - 1)
        return layout.anchor_at(top), layout.anchor_at(bottom)

    def in_view(self, anchor: Anchor) -> bool:
        """Whether the line holding ``anchor`` is on screen."""
        if self._layout is None:
            return False
        top = self.scroll_offset.y
        return top <= self._layout.row_of(anchor) < top + self._view_height()

    def anchor_at_offset(self, offset: Offset) -> Anchor | None:
        """The text position under ``offset`` (relative to the content), if over text."""
        if self._layout is None or self._article is None:
            return None
        return self._layout.anchor_at_cell(offset.y + self.scroll_offset.y, offset.x)

    def scroll_to_anchor(
        self, anchor: Anchor, *, center: bool = False, animate: bool = False
    ) -> None:
        """Bring ``anchor`` to the top of the view (or its middle with ``center``)."""
        if self._layout is None or not self.is_typeset:
            self._hint = anchor
            return
        layout = self._layout
        row = layout.row_of(anchor)
        if center:
            half = self._view_height() // 2
            row = layout.settle(anchor, -half, half)
        self._scroll_to_row(row, animate=animate)
        self._reveal_sideways(anchor)
        if not center:
            self._hint = anchor

    def _reveal_sideways(self, anchor: Anchor) -> None:
        """Scroll wide code or a wide table sideways so ``anchor`` (a find hit, a
        bookmark) shows, a third of the way in; nothing for ordinary text."""
        layout = self._layout
        cell = None if layout is None else layout.cell_of(anchor)
        if layout is None or cell is None:
            return
        width = layout.geometries[anchor.block].text_width
        if self._sideways <= cell < self._sideways + width - len(MORE):
            return
        self._set_sideways(min(layout.overflow(anchor.block), max(0, cell - width // 3)))

    # -- keys ------------------------------------------------------------------------
    def action_line_down(self) -> None:
        """One line down (or one more sentence while selecting)."""
        self._line(1)

    def action_line_up(self) -> None:
        """One line up (or one sentence less while selecting)."""
        self._line(-1)

    def action_page_down(self) -> None:
        """A page down, keeping one line of context."""
        self._move(max(1, self._view_height() - 1))

    def action_page_up(self) -> None:
        """A page up, keeping one line of context."""
        self._move(-max(1, self._view_height() - 1))

    def action_half_page_down(self) -> None:
        """Half a page down."""
        self._move(max(1, self._view_height() // 2))

    def action_half_page_up(self) -> None:
        """Half a page up."""
        self._move(-max(1, self._view_height() // 2))

    def action_top(self) -> None:
        """To the title."""
        self._bottom_pending = False
        self._scroll_to_row(0)

    def action_bottom(self) -> None:
        """To the last line (once the article is all there: see :meth:`show_article`)."""
        if not self._complete:
            self._bottom_pending = True
            return
        if self._layout is not None:
            self._layout.wrap_tail(self._view_height())
            self._sync_virtual_size()
            self._scroll_to_row(self.max_scroll_y)

    def action_clear_selection(self) -> None:
        """Cancel the selection."""
        self.clear_selection()
        self.post_message(self.SelectionChanged())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        """Escape only cancels a selection; otherwise it goes on to the screen. The link
        keys are there only when the article has links."""
        if action == "clear_selection":
            return self.selection is not None
        if action in ("next_link", "previous_link", "follow_link"):
            return bool(self.links)
        return True

    # -- sideways: code and tables wider than the column -----------------------------
    def action_sideways(self, step: int) -> None:
        """Scroll the wide code and tables on screen by half a column (``step`` ±1)."""
        layout = self._layout
        if layout is None:
            return
        widest = layout.widest_overflow(self.scroll_offset.y, self._view_height())
        amount = max(MIN_SIDEWAYS_STEP, layout.column // 2)
        self._set_sideways(min(widest, max(0, self._sideways + step * amount)))

    @property
    def sideways(self) -> int:
        """Cells the wide code and tables are scrolled by (0: at their start)."""
        return self._sideways

    def _set_sideways(self, cells: int) -> None:
        if cells != self._sideways:
            self._sideways = cells
            if self._layout is not None:
                self._layout.sideways = cells
            self.refresh()

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        """A sideways wheel (or touchpad) scrolls the wide blocks."""
        self._wheel_sideways(1, event)

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        """A sideways wheel (or touchpad) scrolls the wide blocks back."""
        self._wheel_sideways(-1, event)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """shift+wheel scrolls sideways, as in other terminal programs."""
        if event.shift or event.ctrl:
            self._wheel_sideways(1, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """shift+wheel scrolls sideways, as in other terminal programs."""
        if event.shift or event.ctrl:
            self._wheel_sideways(-1, event)

    def _wheel_sideways(self, step: int, event: events.MouseEvent) -> None:
        layout = self._layout
        if layout is None:
            return
        widest = layout.widest_overflow(self.scroll_offset.y, self._view_height())
        self._set_sideways(min(widest, max(0, self._sideways + step * MIN_SIDEWAYS_STEP)))
        event.stop()

    # -- links -------------------------------------------------------------------------
    @property
    def links(self) -> list[Link]:
        """The article's links in reading order: (block, start, end, target)."""
        if self._links is None:
            article = self._article
            self._links = [
                (index, span.start, span.end, span.target)
                for index, block in enumerate(article.blocks if article else ())
                for span in block.spans
                if span.kind == SPAN_LINK and span.target
            ]
        return self._links

    @property
    def chosen_link(self) -> Link | None:
        """The link Enter would follow, if one is chosen."""
        return None if self._link is None else self.links[self._link]

    @property
    def chosen_link_index(self) -> int | None:
        """The chosen link's index in :attr:`links` (None: none is chosen)."""
        return self._link

    def action_next_link(self) -> None:
        """Choose the next link (from the top of the screen when the chosen one is out
        of view), wrapping past the last; scroll it into view."""
        self._step_link(1)

    def action_previous_link(self) -> None:
        """Choose the previous link, wrapping before the first."""
        self._step_link(-1)

    def action_follow_link(self) -> None:
        """Follow the chosen link (the screen opens what it leads to)."""
        link = self.chosen_link
        if link is None:
            self.notify("Press l to choose a link first.", timeout=3, markup=False)
            return
        self.post_message(self.LinkChosen(link[3], self))

    def choose_link(self, index: int | None) -> None:
        """Choose link ``index`` of :attr:`links` (None: none), highlighted and in view."""
        self._link = index
        link = self.chosen_link
        self.set_highlights("link", [link[:3]] if link else [])
        if link is not None and self._layout is not None:
            self._reveal_rows(*self._layout.rows_of_span(*link[:3]))
        self.post_message(self.LinkFocused(link[3] if link else None, self))

    def _step_link(self, step: int) -> None:
        links = self.links
        if not links or self._layout is None:
            return
        current = self._link
        if current is None or not self.in_view(Anchor(links[current][0], links[current][1])):
            self.choose_link(self._first_link_from_screen(step))
            return
        self.choose_link((current + step) % len(links))

    def _first_link_from_screen(self, step: int) -> int:
        """The first link on screen or below it (``step`` 1), or the last one on screen
        or above it (``step`` -1); wrapping round when there is none that way."""
        layout, links = self._layout, self.links
        assert layout is not None
        top = self.scroll_offset.y
        if step > 0:
            start = layout.anchor_at(top)
            for index, (block, begin, _, _) in enumerate(links):
                if (block, begin) >= (start.block, start.offset):
                    return index
            return 0
        below = layout.anchor_at(top + self._view_height())  # the first row under it
        for index in range(len(links) - 1, -1, -1):
            if links[index][:2] < (below.block, below.offset):
                return index
        return len(links) - 1

    def link_at(self, anchor: Anchor) -> int | None:
        """The index of the link covering ``anchor``, if one does."""
        for index, (block, start, end, _) in enumerate(self.links):
            if block == anchor.block and start <= anchor.offset < end:
                return index
        return None

    def _line(self, step: int) -> None:
        if self.selection is not None:
            self.extend_selection(step)
            self.post_message(self.SelectionChanged())
        else:
            self._move(step)

    def _move(self, rows: int) -> None:
        """Scroll by ``rows`` relative to the text now on top, even if wrapping the
        target region (an estimate above) shifts the rows under the reader."""
        layout = self._layout
        if layout is None:
            return
        anchor, height = self.position, self._view_height()
        # The top row may be a gap or header row just before the anchor's line.
        rows += self.scroll_offset.y - layout.row_of(anchor)
        self._scroll_to_row(layout.settle(anchor, rows, height))

    # -- the mouse: a drag selects whole sentences, as v and j do --------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Remember where a drag starts."""
        self._drag = self._anchor_at_event(event) if event.button == 1 else None
        self._dragged = False

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """While the button is held, select from the start sentence to the one here."""
        if self._drag is None or not event.button:
            return
        here = self._anchor_at_event(event)
        if here is not None and here != self._drag and self.select_between(self._drag, here):
            self._dragged = True
            self.focus()
            self.post_message(self.SelectionChanged())

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """The drag is over (the selection stays for b, a or y)."""
        self._drag = None

    def on_click(self, event: events.Click) -> None:
        """A click on a link follows it (not the end of a drag, nor a double click)."""
        if event.chain != 1 or event.button != 1 or self._dragged:
            return
        anchor = self._anchor_at_event(event)
        index = None if anchor is None else self.link_at(anchor)
        if index is not None:
            self.choose_link(index)
            self.post_message(self.LinkChosen(self.links[index][3], self))

    def _anchor_at_event(self, event: events.MouseEvent) -> Anchor | None:
        offset = event.get_content_offset(self)
        return None if offset is None else self.anchor_at_offset(offset)

    # -- layout ----------------------------------------------------------------------
    def _pane_width(self) -> int:
        """Cells available for a row (the scrollbar gutter excluded)."""
        return self.scrollable_content_region.width

    def _view_height(self) -> int:
        """Rows on screen (at least one)."""
        return max(1, self.scrollable_content_region.height)

    def _relayout(self) -> None:
        """Typeset the article for the current width and go back to the anchor hint."""
        self._generation += 1
        width = self._pane_width()
        if self._article is None or width <= 0:
            self._layout = None
            return
        self._layout = DocumentLayout(self._article, width, self.reading_width, self._aids)
        self._layout.sideways = self._sideways
        hint = self._hint
        self._scroll_to_row(self._layout.row_of(hint))
        self._hint = hint  # a scroll clamped at the end must not move the anchor
        self.refresh()
        if self._background_wrap:
            self.set_timer(REFINE_PAUSE, self._refine_step(self._generation))

    def _sync_virtual_size(self) -> None:
        """Publish the layout's height (which grows or shrinks as blocks get wrapped)."""
        if self._layout is not None:
            size = Size(self._layout.pane_width, self._layout.height)
            if size != self.virtual_size:
                self.virtual_size = size

    def _scroll_to_row(self, row: int, *, animate: bool = False) -> None:
        """Scroll to ``row`` after wrapping what will show, so the target is exact."""
        layout = self._layout
        if layout is None:
            return
        height = self._view_height()
        row = max(0, row)
        layout.wrap_rows(row, height)
        if row + height >= layout.height:
            layout.wrap_tail(height)
        self._sync_virtual_size()
        self.scroll_to(y=row, animate=animate, force=True)
        self._check_end()

    def _reveal_rows(self, first: int, last: int) -> None:
        """Scroll the least needed to show rows ``first``..``last`` (their top if too tall)."""
        top, height = self.scroll_offset.y, self._view_height()
        if first >= top and last < top + height:
            return
        tall = last - first + 1 > height
        self._scroll_to_row(first if first < top or tall else last - height + 1)

    def _refine_step(self, generation: int) -> Callable[[], None]:
        """A callback wrapping unwrapped blocks for a moment, then rescheduling itself.

        The text on the top row stays put: estimates refined above it move the scroll
        offset by the same amount.
        """
        cursor = 0

        def step() -> None:
            nonlocal cursor
            layout = self._layout
            if generation != self._generation or layout is None or not layout.unwrapped:
                return
            if layout.rows_estimated_only:
                return  # pinyin mode: each block costs dictionary look-ups; wrap what shows
            anchor, top = self.position, self.scroll_offset.y
            offset = top - layout.row_of(anchor)  # a gap or header row sits above its line
            cursor = layout.wrap_for(cursor, REFINE_SLICE)
            self._sync_virtual_size()
            row = layout.row_of(anchor) + offset
            if row != top:
                self.scroll_to(y=row, animate=False, force=True)
                self._hint = anchor
            self.set_timer(REFINE_PAUSE, step)

        return step

    # -- events and watchers ---------------------------------------------------------
    def watch_reading_width(self) -> None:
        """A new column width re-typesets the article around the same anchor."""
        self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for a new width (keeping the anchor); a new height may show the end.

        The percentage read depends on the height too, so it is reported again (a pane
        grown to show the whole article is no longer at 100% once it shrinks).
        """
        if self._article is not None and not self.is_typeset:
            self._relayout()
        else:
            self._check_end()
        if self._layout is not None:
            self._schedule_position()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Track the anchor, watch for the end, and (debounced) report the position."""
        super().watch_scroll_y(old_value, new_value)
        if self.is_typeset:
            self._hint = self.position
            self._check_end()
            self._drop_sideways_when_nothing_wide_shows()
            self._schedule_position()

    def _schedule_position(self) -> None:
        """Post PositionChanged once the reader has been still for a moment."""
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._post_position)

    def _drop_sideways_when_nothing_wide_shows(self) -> None:
        """Back to the start of wide blocks once none is on screen, so the next one
        shows from its first column."""
        layout = self._layout
        top, height = self.scroll_offset.y, self._view_height()
        if self._sideways and layout is not None and not layout.widest_overflow(top, height):
            self._set_sideways(0)

    def _check_end(self) -> None:
        """Post ReachedEnd the first time the last row is on screen."""
        layout = self._layout
        if self._end_reported or not self._complete or layout is None:
            return  # (the end of an article's beginning is not its end)
        if not self.scrollable_content_region.height:
            return
        top, height = self.scroll_offset.y, self._view_height()
        if top + height < layout.height:
            return
        layout.wrap_rows(top, height)
        if top + height >= layout.height:
            self._end_reported = True
            # Created from the reader's own queue: a message made while the screen
            # renders would name the screen as its sender and stop bubbling there.
            self.call_later(lambda: self.post_message(self.ReachedEnd(self)))

    def _post_position(self) -> None:
        """Post PositionChanged unless nothing changed since the last one."""
        position = (self.position, self.percent)
        if self._layout is not None and position != self._posted:
            self._posted = position
            self.post_message(self.PositionChanged(*position, reader=self))

    # -- drawing ---------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap what is about to show first, then publish any height change."""
        if self._article is not None and not self.is_typeset:
            self._relayout()  # resized, and the Resize event has not arrived yet
        if self._layout is not None:
            self._layout.wrap_rows(self.scroll_offset.y, self.size.height)
        strips = super().render_lines(crop)
        if self._layout is not None and self._layout.height != self.virtual_size.height:
            self.call_later(self._sync_virtual_size)
        return strips

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
