"""The library screen's layout: which panes show, how big, at every terminal size.

:class:`PaneLayout` owns the layout chosen (``auto``, ``wide``, ``medium``, ``reader``:
the config's ``layout``, then ``w``), the pane sizes (ctrl+arrows, or the mouse on the
bars between panes), full screen (``f``) and which pane has the focus; it asks
:func:`tuireader.ui.pane_plan.plan` what that means for the terminal's size and applies
the answer to the widgets. Panes folded away keep a height of 0 rather than
``display: none``, so Tab, ``h`` and ``l`` still reach them (and unfold them). Each
change is remembered per library (``ui-session.json``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.widget import Widget

from tuireader.config.values import LAYOUTS
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.pane_plan import (
    AWAY,
    BAR,
    BORDERS,
    LayoutMemory,
    Mode,
    Pane,
    Plan,
    beside,
    clamp,
    mode_for,
    next_choice,
    plan,
    resized,
)
from tuireader.ui.widgets.pane_splitter import PaneSplitter

TREE_STEP = 2  # cells per ctrl+left / ctrl+right
LIST_STEP = 1  # rows per ctrl+up / ctrl+down
MODE_WORDS = {
    "wide": "wide (tree, list and reader side by side)",
    "medium": "medium (the tree folded away; the list stacked or beside the reader)",
    "reader": "reader (one pane at a time)",
}


class PaneLayout:
    """Chooses and applies the layout; remembers it per library."""

    def __init__(
        self,
        host: MainHost,
        config_layout: str,
        memory: LayoutMemory | None,
        remember: Callable[[LayoutMemory], None],
    ) -> None:
        """``config_layout``: the config's ``layout``; ``memory``: what this library
        remembers (its choice counts unless the config changed since it was made)."""
        self.host = host
        self._remember = remember
        self._config_layout = config_layout if config_layout in LAYOUTS else "auto"
        memory = memory or LayoutMemory(self._config_layout, self._config_layout)
        choice = memory.choice
        if memory.config_layout != self._config_layout or choice not in LAYOUTS:
            choice = self._config_layout  # the config file's newer word counts
        self.choice = choice
        self.sizes = memory.sizes
        self._fullscreen = False
        self._reading = False  # no article shown yet
        self._restore_fullscreen = memory.fullscreen  # applied when an article shows
        self.focus: Pane = "list"
        self.plan: Plan | None = None

    # -- what is in force ----------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        """The layout in force at the terminal's present size."""
        width, height = self.host.size
        return mode_for(self.choice, width, height)

    @property
    def fullscreen(self) -> bool:
        """Whether only the reader shows."""
        return self._fullscreen

    @property
    def memory(self) -> LayoutMemory:
        """What is remembered for the library."""
        return LayoutMemory(self.choice, self._config_layout, self.sizes, self._fullscreen)

    # -- events ----------------------------------------------------------------------------
    def focus_moved(self, widget: Widget) -> None:
        """A widget got the focus: the pane holding it gets the room."""
        pane = self._pane_of(widget)
        if pane is not None and pane != self.focus:
            self.focus = pane
            self.apply()

    def article_shown(self) -> None:
        """An article is in the reader: the reader needs its room (until the first one,
        stacked panes give it to the list); full screen comes back if it was on last time."""
        if not self._reading:
            self._reading = True
            self.apply()
        if self._restore_fullscreen:
            self._restore_fullscreen = False
            self.set_fullscreen(True)
            self.host.set_focus(self.host.reader)

    def set_fullscreen(self, on: bool) -> None:
        """Show only the reader, or every pane again."""
        self._restore_fullscreen = False
        if on != self._fullscreen:
            self._fullscreen = on
            self.apply()
            self._save()

    def cycle(self) -> str:
        """Switch to the next layout (auto, wide, medium, reader); what to tell the user."""
        self.choice = next_choice(self.choice)
        self.apply()
        self._save()
        words = MODE_WORDS[self.mode]
        return f"Layout: auto, now {words}" if self.choice == "auto" else f"Layout: {words}"

    def resize(self, columns: int, rows: int) -> str | None:
        """A resize key: ``columns`` steps more for the tree, ``rows`` more for the list.

        Returns what to tell the user when nothing visible changed (else None).
        """
        mode, area = self.mode, self.host.pane_area
        side_by_side = beside(mode, area.width)
        if self._fullscreen or mode == "reader":
            return "One pane at a time: nothing to resize (w switches the layout)"
        if side_by_side and rows:
            return "The list stands beside the reader: ctrl+left and ctrl+right size it"
        if mode == "medium" and columns and not side_by_side:
            return "The panes are stacked: ctrl+up and ctrl+down size the list"
        before = clamp(self.sizes, area.width, area.height)
        wanted = resized(before, mode, area.width, columns * TREE_STEP, rows * LIST_STEP)
        self.sizes = clamp(wanted, area.width, area.height)
        self.apply()
        self._save()
        if self.sizes == before:
            return "The reader keeps the most room" if wanted != before else None
        if mode == "medium" and not side_by_side and self.focus == "reader":
            return f"The list shows {self.sizes.stacked_list_rows} rows when it has the focus"
        return None

    def dragged(self, message: PaneSplitter.Dragged) -> None:
        """A bar between panes was dragged: the pane before it ends at the pointer."""
        host, area, mode = self.host, self.host.pane_area, self.mode
        if message.splitter is host.tree_splitter and mode == "wide":
            width = message.screen_x - host.section_tree.region.x
            self.sizes = replace(self.sizes, tree_width=width)
        elif message.splitter is host.list_splitter and beside(mode, area.width):
            width = message.screen_x - host.article_list.region.x
            self.sizes = replace(self.sizes, side_list_width=width)
        elif message.splitter is host.list_splitter and mode in ("wide", "medium"):
            rows = message.screen_y - host.article_list.region.y - BORDERS
            if mode == "wide":
                self.sizes = replace(self.sizes, list_rows=rows)
            else:
                self.sizes = replace(self.sizes, stacked_list_rows=rows)
        self.sizes = clamp(self.sizes, area.width, area.height)
        self.apply()
        if message.done:
            self._save()

    # -- applying a plan -------------------------------------------------------------------
    def apply(self) -> None:
        """Lay the panes out for the terminal's present size."""
        area = self.host.pane_area
        if area.width <= 0 or area.height <= 0:
            return
        mode = self.mode
        new = plan(
            mode,
            self.sizes,
            self.focus,
            fullscreen=self._fullscreen,
            reading=self._reading,
            width=area.width,
            height=area.height,
        )
        if new == self.plan:
            return
        self.plan = new
        host = self.host
        host.set_class(new.stacked, "-stacked")
        host.set_class(self._fullscreen, "-fullscreen")
        for name in ("wide", "medium", "reader"):
            host.set_class(mode == name, f"-{name}")
        host.set_class(new.beside, "-beside")
        articles = host.article_list
        along = "height" if new.stacked else "width"
        inside = "width" if new.beside else "height"  # in the right column
        _place(host.section_tree, new.tree, along)
        _place(articles, new.list, inside)
        _place(host.reader_pane, new.reader, inside)
        right_away = new.list == AWAY and new.reader == AWAY
        _place(host.right_column, AWAY if right_away else None, along)
        host.tree_splitter.display = new.tree_splitter
        host.list_splitter.display = new.list_splitter
        host.list_splitter.set_axis("x" if new.beside else "y")
        sections_hidden = (new.stacked or new.beside) and self.focus == "list"
        articles.set_title_hint("h: sections" if sections_hidden else "")

    def _save(self) -> None:
        self._remember(self.memory)

    def _pane_of(self, widget: Widget) -> Pane | None:
        host = self.host
        if widget is host.section_tree:
            return "tree"
        if widget is host.article_list:
            return "list"
        if host.reader_pane in widget.ancestors_with_self:
            return "reader"
        return None


def _place(widget: Widget, cells: int | None, along: str) -> None:
    """Give ``widget`` ``cells`` along ``along`` ("width" or "height"; None: the rest of
    the room) and the whole of the other dimension. A pane folded away (0) loses its
    borders; the list as a bar (1) keeps only its title line."""
    value = "1fr" if cells is None else cells
    if along == "width":
        widget.styles.width, widget.styles.height = value, "1fr"
    else:
        widget.styles.width, widget.styles.height = "1fr", value
    widget.set_class(cells == AWAY, "-away")
    widget.set_class(cells == BAR, "-bar")
