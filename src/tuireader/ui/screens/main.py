"""The library screen: section tree, article list and reading pane.

Widgets post messages up; this screen decides and calls down. Catalog queries run here
on the UI thread (they are index lookups of one page); the scan and article loading run
in thread workers with their own catalog connections and post messages back.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tuireader.config import Settings
from tuireader.library.model import Anchor
from tuireader.ui.bindings import bindings
from tuireader.ui.bookmark_actions import BookmarkActions
from tuireader.ui.dates import use_format
from tuireader.ui.history import History
from tuireader.ui.listing_lookup import listing_index
from tuireader.ui.screens.main_actions import MainActions
from tuireader.ui.screens.main_aids import ReadingAids
from tuireader.ui.screens.main_saved import SavedSearchList
from tuireader.ui.screens.main_scan import ScanMixin
from tuireader.ui.screens.main_search import SearchActions
from tuireader.ui.screens.main_url import UrlActions
from tuireader.ui.screens.main_watch import WatchMixin
from tuireader.ui.screens.messages import ArticleLoaded
from tuireader.ui.sorts import SORTS
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.dictionary_panel import DictionaryPanel
from tuireader.ui.widgets.quiet_footer import QuietFooter
from tuireader.ui.widgets.reader import ArticleReader
from tuireader.ui.widgets.reader_pane import ReaderPane
from tuireader.ui.widgets.section_tree import ROOT_LABEL, SectionTree
from tuireader.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tuireader.ui.library import Library

POSITION_SAVE_DELAY = 1.0
STATS_FLUSH_SECONDS = 60.0
FRAME_FIRST_DELAY = 0.01


class MainScreen(
    SavedSearchList,
    UrlActions,
    WatchMixin,
    ScanMixin,
    SearchActions,
    MainActions,
    BookmarkActions,
    Screen[None],
):
    """Browse sections, list articles, read one."""

    BINDINGS: ClassVar = bindings("main")

    def __init__(self, settings: Settings, open_path: str | None) -> None:
        super().__init__()
        self.library: Library | None = None  # opened after the first paint
        self.settings = settings
        use_format(settings.date_format)  # dates in the list and the reader
        self.section: tuple[str, ...] = ()
        self.section_name = ROOT_LABEL
        self.sort = SORTS[0]
        self.unread_only = False
        self.current: Any | None = None  # the ArticleRow open in the reader
        self.history = History()
        self._open_path = open_path
        self._saved_anchor: Any | None = None
        self._focus_reader = False
        self._opening: Any | None = None  # the row being loaded, if any
        self.aids: ReadingAids | None = None  # dictionary, pinyin, 简/繁, reading time

    def compose(self) -> ComposeResult:
        """Tree on the left; list above the reader on the right."""
        with Horizontal(id="panes"):
            yield SectionTree(id="sections")
            with Vertical(id="right"):
                yield ArticleList(id="articles")
                yield ReaderPane(self.settings.reading_width, id="reader-pane")
        with Horizontal(id="scan-row"):
            yield Static("Reading new files ", id="scan-label")
            yield ProgressBar(id="scan-progress", show_eta=True)
        yield DictionaryPanel(id="dictionary-box")
        yield StatusLine(id="status")
        yield QuietFooter()

    @property
    def tree(self) -> SectionTree:
        """The section tree."""
        return self.query_one("#sections", SectionTree)

    @property
    def article_list(self) -> ArticleList:
        """The article list."""
        return self.query_one("#articles", ArticleList)

    @property
    def reader(self) -> ArticleReader:
        """The reader widget."""
        return self.query_one("#reader", ArticleReader)

    @property
    def dictionary_panel(self) -> DictionaryPanel:
        """The dictionary popup (hidden until a lookup)."""
        return self.query_one("#dictionary-box", DictionaryPanel)

    @on(DictionaryPanel.Closed)
    def _dictionary_closed(self) -> None:
        if self.current is not None:
            self.reader.focus()

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        """Paint the empty frame first; the catalog is opened right after that paint."""
        self.query_one("#scan-row").display = False
        self.tree.border_title = "Sections"
        self.article_list.border_title = "Opening the library…"
        self.article_list.focus()
        self.set_interval(POSITION_SAVE_DELAY, self.save_position)
        self.aids = ReadingAids(self, self.app.paths.cache_dir, self.settings.script)  # type: ignore[attr-defined]
        self.reader.set_aids(self.aids.display())
        self.set_interval(STATS_FLUSH_SECONDS, self.aids.flush)
        # Importing and opening the catalog takes ~0.2 s; a person sees the frame first.
        # (While the screen is still being mounted, call_after_refresh would run before
        # the first paint, so wait a moment for the screen to become current.)
        self.set_timer(FRAME_FIRST_DELAY, partial(self.call_after_refresh, self._open_library))

    def _open_library(self) -> None:
        self.library = self.app.open_library()  # type: ignore[attr-defined]
        self.refresh_library()
        for notice in getattr(self.library.state, "notices", ()):
            self.notify(str(notice), markup=False, severity="warning", timeout=10)
        if self._open_path:  # not catalogued yet: opened when the scan has it
            self.open_path(self._open_path)
        if self.library.is_new:
            self._start_background()  # the first build: its progress is the first screen
        else:  # the rows first: the rescan's thread would slow their paint down
            self.call_after_refresh(self._start_background)

    def _start_background(self) -> None:
        """The folder watcher (files added, changed or removed while the app runs), then
        the start-up rescan (its thread would keep the watcher's from starting)."""
        self.start_watching()
        self.start_scan()

    def refresh_library(self) -> None:
        """Reload the tree and the list from the catalog."""
        self.tree.show_tree(self.library.catalog.section_tree())
        self.refresh_bookmarked()  # the tree's "★ Bookmarked" node (ui/bookmark_actions.py)
        self.refresh_list()

    def refresh_list(self, cursor: int | None = None) -> None:
        """Show the current section with the current order and filter."""
        if self.in_saved_search:  # a saved search's matches (main_saved.py)
            self.show_saved_listing(cursor)
            return
        articles = self.article_list
        # The tree already holds every section's counts: no COUNT query per key press.
        known = self.tree.count_of(self.section, self.unread_only)
        query = self.library.query(self.section, self.sort, self.unread_only, known)
        articles.show(query, articles.cursor if cursor is None else cursor)
        articles.set_header(self.section_name, self.sort, self.unread_only)
        self.update_status()
        self.update_bindings()

    def update_status(self) -> None:
        """Refresh the status line."""
        self.status.show(
            section=self.section_name,
            index=self.article_list.cursor,
            count=self.article_list.row_count,
            sort="relevance" if self.in_saved_search else self.sort,
            unread_only=self.unread_only,
            percent=getattr(self.reader, "percent", None) if self.current else None,
            book_percent=self._book_percent(),
        )

    def _book_percent(self) -> int | None:
        """Where the reader is in the whole book, when the open article is a chapter."""
        if self.current is None or self.aids is None or self.library is None:
            return None
        percent = getattr(self.reader, "percent", 0)
        return self.aids.book_percent(self.current.path, percent, self.library.catalog)

    # Selecting and opening ----------------------------------------------------

    @on(SectionTree.Chosen, "#sections")
    def _section_chosen(self, message: SectionTree.Chosen) -> None:
        if message.path == self.section or self.library is None:
            return
        self.section, self.section_name = message.path, message.name
        self.refresh_list(cursor=0)

    @on(ArticleList.Moved, "#articles")
    def _cursor_moved(self, message: ArticleList.Moved) -> None:
        self.update_status()

    @on(ArticleList.Opened, "#articles")
    def _article_opened(self, message: ArticleList.Opened) -> None:
        if self.in_saved_search:  # open it as a search result: hits marked, n/N work
            self.open_saved_result(self.article_list.cursor)
            return
        self.open_row(message.row, focus=True)

    def open_path(self, path: str) -> None:
        """Open the article at a library-relative path, if the catalog has it."""
        row = self.library.row_for_path(path)
        if row is not None:
            self._open_path = None
            self.open_row(row, focus=True)

    def open_row(self, row: Any, remember: bool = True, focus: bool = False) -> None:
        """Load an article in a worker and show it (focused, if asked) when it arrives."""
        self.save_position()
        self._focus_reader = focus
        self._opening = row  # J/K step on from here even before it has loaded
        if remember:
            self.history.visit(row.path)
        self._load(row)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, row: Any) -> None:
        try:
            article = self.library.load(row.id)
        except Exception as exc:  # an unreadable entry is reported, not fatal
            self.post_message(ArticleLoaded(row, error=f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(ArticleLoaded(row, article))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if self._opening is not None and message.row is not self._opening:
            return  # an earlier load, overtaken by a later one (held-down J)
        self._opening = None
        if message.error or message.article is None:
            self.notify(
                message.error or "cannot load",
                title=message.row.path,
                markup=False,
                severity="error",
            )
            return
        row, article = message.row, message.article
        self.current = row
        position = (
            self.reload_anchor_for(row.path)  # its file changed: stay at the same place
            or self.library.state.positions.get(row.fingerprint)
            or Anchor(0, 0)
        )
        self._saved_anchor = position
        self.query_one(ReaderPane).show_article(article, position)
        if self.aids is not None:
            self.aids.started(row, article, position)
        if self._focus_reader:
            self.reader.focus()
        self.app.remember_article(row.path)  # type: ignore[attr-defined]
        self.sync_cursor(row)
        if self.settings.mark_read == "open" and not self.library.is_read(row):
            self.set_read(row, True)
        self.update_status()
        self.update_bindings()

    def sync_cursor(self, row: Any) -> None:
        """Put the list cursor on ``row``, wherever it is in the listing."""
        index = self.article_list.index_of(row.id)
        if self.in_saved_search:
            index = self.saved_index_of(row)
        elif index is None:  # not in a cached page: ask the catalog for its place
            index = listing_index(
                self.library.catalog, row.id, self.section, self.sort, self.unread_only
            )
        if index is not None:
            self.article_list.cursor = index

    # Reading position ---------------------------------------------------------

    @on(ArticleReader.PositionChanged)
    def _position_changed(self, message: Any) -> None:
        if self.aids is not None:
            self.aids.moved(message.anchor)
        self.update_status()

    @on(ArticleReader.ReachedEnd)
    def _reached_end(self, message: Any) -> None:
        if self.aids is not None:
            self.aids.finished()
        current = self.current
        if self.settings.mark_read != "end" or current is None:
            return
        if not self.library.is_read(current):
            self.set_read(current, True)

    def save_position(self) -> None:
        """Write the reading position if it moved since the last write."""
        if self.current is None:
            return
        try:
            anchor = self.reader.anchor
        except NoMatches:  # the screen is being taken down
            return
        if anchor == self._saved_anchor:
            return
        self._saved_anchor = anchor
        error = self.library.save_position(self.current, anchor)
        if error:
            self.notify(error, title="Position not saved", markup=False, severity="warning")

    def on_unmount(self) -> None:
        """Keep the position when the app closes; stop watching the folder."""
        self.stop_watching()
        self.save_position()
        if self.aids is not None and self.library is not None:
            self.aids.flush()
            self.aids.close()

    # Reading aids (ui/screens/main_aids.py) ----------------------------------------

    def action_lookup_word(self) -> None:
        """The dictionary: the selected passage, or the word at the reading position."""
        if self.aids is not None:
            self.aids.lookup_here()

    def action_toggle_pinyin(self) -> None:
        """Pinyin above the text, on or off."""
        if self.aids is not None:
            self.aids.toggle_pinyin()

    def action_cycle_script(self) -> None:
        """Chinese as written, in Simplified, in Traditional characters."""
        if self.aids is not None:
            name = self.aids.cycle_script()
            self.notify(f"Chinese shown {name}", timeout=2)

    def action_show_info(self) -> None:
        """The open article's metadata: every field and every other label of the file."""
        from tuireader.ui.screens.article_info import ArticleInfoScreen

        article = self.reader.article
        if article is None:
            self.notify("Open an article first", timeout=2)
            return
        self.app.push_screen(ArticleInfoScreen(article))

    def action_show_stats(self) -> None:
        """The reading statistics screen."""
        from tuireader.ui.screens.stats import StatsScreen

        if self.library is None:
            return
        if self.aids is not None:
            self.aids.flush()
        self.app.push_screen(StatsScreen(self.library.state.stats.report(days=30)))

    def on_click(self, event: events.Click) -> None:
        """A double-click on a word in the reader looks it up."""
        if event.chain != 2 or self.aids is None or self.current is None:
            return
        offset = event.get_content_offset(self.reader)
        anchor = None if offset is None else self.reader.anchor_at_offset(offset)
        if anchor is not None:
            self.aids.lookup_at(anchor)
