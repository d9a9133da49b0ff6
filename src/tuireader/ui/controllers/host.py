"""What a controller may ask of the library screen: :class:`MainHost`.

The screen satisfies this protocol (mypy checks it where the screen hands itself to its
controllers), so every call a controller makes upward is typed, and the screen's
surface towards its parts is written down in one place: its widgets, the open library
and the listing, the article being read, and the few screen-wide operations
(re-listing, opening an article, refreshing the footer). Textual's own services
(notifications, workers, timers, focus) are listed with the signatures Textual gives
them.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.geometry import Size
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.timer import Timer, TimerCallback
from textual.widget import Widget
from textual.worker_manager import WorkerManager

from tuireader.catalog import ArticleRow
from tuireader.library.model import Anchor
from tuireader.ui.controllers.listing import ListingState
from tuireader.ui.library import Library
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.dictionary_panel import DictionaryPanel
from tuireader.ui.widgets.pane_splitter import PaneSplitter
from tuireader.ui.widgets.progress_row import ProgressRow
from tuireader.ui.widgets.reader.article_reader import ArticleReader
from tuireader.ui.widgets.reader.pane import ReaderPane
from tuireader.ui.widgets.section_tree import SectionTree


class MainHost(Protocol):
    """The library screen as its controllers see it."""

    # -- widgets -----------------------------------------------------------------------
    @property
    def reader(self) -> ArticleReader:
        """The reading widget."""
        ...

    @property
    def reader_pane(self) -> ReaderPane:
        """The pane around the reader (find bar and note strip are mounted in it)."""
        ...

    @property
    def article_list(self) -> ArticleList:
        """The article list."""
        ...

    @property
    def section_tree(self) -> SectionTree:
        """The section tree."""
        ...

    @property
    def progress_row(self) -> ProgressRow:
        """The scan / index progress row."""
        ...

    @property
    def dictionary_panel(self) -> DictionaryPanel:
        """The dictionary popup."""
        ...

    @property
    def right_column(self) -> Widget:
        """The column holding the list and the reader pane."""
        ...

    @property
    def tree_splitter(self) -> PaneSplitter:
        """The bar between the tree and the list (dragged to size the tree)."""
        ...

    @property
    def list_splitter(self) -> PaneSplitter:
        """The bar between the list and the reader (dragged to size the list)."""
        ...

    @property
    def size(self) -> Size:
        """The screen's size (the terminal's)."""
        ...

    @property
    def pane_area(self) -> Size:
        """The cells the panes share: the screen less the status line and the footer."""
        ...

    # -- what is shown -------------------------------------------------------------------
    @property
    def opened(self) -> Library:
        """The open library (controllers act only after the screen has opened it)."""
        ...

    @property
    def listing(self) -> ListingState:
        """The section (or saved search), order and filter the list shows."""
        ...

    @property
    def current(self) -> ArticleRow | None:
        """The article open in the reader."""
        ...

    def target_row(self) -> ArticleRow | None:
        """The article an action applies to: the open one, else the list's cursor row."""
        ...

    # -- screen-wide operations ----------------------------------------------------------
    def open_row(
        self,
        row: ArticleRow,
        remember: bool = True,
        focus: bool = False,
        *,
        at: Anchor | None = None,
        heading: str = "",
    ) -> None:
        """Load an article and show it (at ``at``, or at the heading ``heading`` names)."""
        ...

    def refresh_library(self) -> None:
        """Reload the tree and the list from the catalog."""
        ...

    def refresh_list(self, cursor: int | None = None) -> None:
        """Show the listing again (the cursor on ``cursor``, else where it is)."""
        ...

    def update_status(self) -> None:
        """Refresh the status line."""
        ...

    def update_bindings(self) -> None:
        """Refresh the footer if an action became (un)available."""
        ...

    # -- Textual's services ----------------------------------------------------------------
    @property
    def app(self) -> App[object]:
        """The app."""
        ...

    @property
    def focused(self) -> Widget | None:
        """The focused widget."""
        ...

    @property
    def is_attached(self) -> bool:
        """Whether the screen is still part of the app."""
        ...

    @property
    def workers(self) -> WorkerManager:
        """The app's workers."""
        ...

    def set_class(self, add: bool, *class_names: str, update: bool = True) -> object:
        """Add or remove classes of the screen."""
        ...

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Focus a widget now."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification."""
        ...

    def post_message(self, message: Message) -> bool:
        """Post a message to the screen (safe from worker threads)."""
        ...

    def set_timer(
        self,
        delay: float,
        callback: TimerCallback | None = None,
        *,
        name: str | None = None,
        pause: bool = False,
    ) -> Timer:
        """Call ``callback`` once, after ``delay`` seconds."""
        ...

    def set_interval(
        self,
        interval: float,
        callback: TimerCallback | None = None,
        *,
        name: str | None = None,
        repeat: int = 0,
        pause: bool = False,
    ) -> Timer:
        """Call ``callback`` every ``interval`` seconds."""
        ...

    def call_after_refresh(self, callback: Any, *args: Any, **kwargs: Any) -> bool:
        """Call ``callback`` after the next paint."""
        ...

    def run_worker(
        self,
        work: Any,
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Any:
        """Run ``work`` in a worker attached to the screen."""
        ...
