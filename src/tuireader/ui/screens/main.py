"""The library screen: section tree, article list and reading pane.

One screen class that composes the widgets and holds a few plain controllers
(``ui/controllers``): reading, read marks, find, library search, saved searches,
bookmarks and notes, scanning and watching, URLs and the reading aids. Widgets post
messages up and workers post :mod:`tuireader.ui.messages`; the handlers here decide
which controller acts and call down. Every key's action is a method here, and
:meth:`MainScreen.check_action` is the one place that says which can run now (the
footer and the command palette grey out the rest). The screen also shows the dialogs the
controllers ask for (note editor, URL confirmation, search, bookmarks, statistics).
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar
from urllib.parse import unquote

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import Screen
from textual.worker import Worker

from tuireader.catalog import ArticleRow
from tuireader.config import Settings
from tuireader.library.model import Anchor, FileProblem
from tuireader.ui import collector
from tuireader.ui.bindings import bindings, key_label, spec_of
from tuireader.ui.controllers.aids import ReadingAids
from tuireader.ui.controllers.bookmarks import Bookmarking
from tuireader.ui.controllers.find import Finder
from tuireader.ui.controllers.layout import PaneLayout
from tuireader.ui.controllers.links import LinkFollower
from tuireader.ui.controllers.listing import ListingState
from tuireader.ui.controllers.notes import Notes
from tuireader.ui.controllers.read_marks import ReadMarks
from tuireader.ui.controllers.reading import Reading
from tuireader.ui.controllers.saved_searches import SavedSearches
from tuireader.ui.controllers.scanning import SCAN_LABEL, Scanning
from tuireader.ui.controllers.searching import LibrarySearch
from tuireader.ui.controllers.url import UrlOpener
from tuireader.ui.controllers.watching import Watching
from tuireader.ui.date_format import use_format
from tuireader.ui.library import Library, LibraryOpener
from tuireader.ui.messages import (
    ArticleLoaded,
    FindDone,
    IndexBuilt,
    IndexProgress,
    SavedCounted,
    ScanFinished,
    ScanProgress,
)
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.dictionary_panel import DictionaryPanel
from tuireader.ui.widgets.find_bar import FindBar
from tuireader.ui.widgets.pane_splitter import PaneSplitter
from tuireader.ui.widgets.progress_row import ProgressRow
from tuireader.ui.widgets.quiet_footer import QuietFooter
from tuireader.ui.widgets.reader.article_reader import ArticleReader
from tuireader.ui.widgets.reader.pane import ReaderPane
from tuireader.ui.widgets.saved_search_nodes import SavedSearchChosen, SavedSearchForget
from tuireader.ui.widgets.section_tree import SectionTree
from tuireader.ui.widgets.status_line import StatusLine

POSITION_SAVE_DELAY = 1.0
STATS_FLUSH_SECONDS = 60.0
FRAME_FIRST_DELAY = 0.01

# Actions that need an article: the open one, or the list's cursor row.
ARTICLE_ACTIONS = {
    "next_article", "previous_article", "next_unread", "previous_unread", "toggle_read",
    "open_url",
}  # fmt: skip
# Actions that need an open article (the reading aids, full screen, find).
READER_ACTIONS = {"toggle_fullscreen", "lookup_word", "toggle_pinyin", "cycle_script"}
# Actions on passages: they place the article's bookmarks, which needs all of its text
# (not only the beginning shown while the rest loads).
PASSAGE_ACTIONS = {"bookmark", "select_passage", "grow_selection", "copy_passage", "edit_note"}
# Actions whose availability changes while the screen is up (everything else is fixed).
CHANGING_ACTIONS = (
    "toggle_read", "history_back", "history_forward", "toggle_fullscreen", "bookmark",
)  # fmt: skip


class MainScreen(Screen[None]):
    """Browse sections, list articles, read one."""

    BINDINGS: ClassVar = bindings("main")

    def __init__(self, settings: Settings, open_path: str | None, opener: LibraryOpener) -> None:
        """Show the library ``opener`` opens; then open ``open_path`` if it is catalogued."""
        super().__init__()
        self.settings = settings
        self._opener = opener
        self.library: Library | None = None  # opened after the first paint
        use_format(settings.date_format)  # dates in the list and the reader
        self.listing = ListingState()
        self.reading = Reading(self, open_path)
        self.marks = ReadMarks(self, undo_key=key_label(spec_of("marks.undo"), settings.keys))
        self.finder = Finder(self)
        self.search = LibrarySearch(self, self.finder)
        self.saved = SavedSearches(self, self.finder, self.search)
        self.bookmarking = Bookmarking(self)
        self.notes = Notes(self, self.bookmarking)
        self.scanning = Scanning(self)
        self.watching = Watching(self, self.reading, self.start_scan)
        self.urls = UrlOpener(self)
        self.links = LinkFollower(self, self.reading, self.urls)
        self.aids = ReadingAids(self, opener.paths.cache_dir, settings.script)
        self.pane_layout = PaneLayout(
            self, settings.layout, opener.remembered_layout(), opener.remember_layout
        )
        self._bindings_state: tuple[bool | None, ...] | None = None
        self._problems_told: frozenset[str] = frozenset()  # unreadable files already told
        self._background_started = False  # the start-up rescan and the folder watcher

    def compose(self) -> ComposeResult:
        """Tree on the left; list above the reader on the right (``pane_layout`` stacks
        them, or shows one at a time, on a smaller terminal)."""
        with Horizontal(id="panes"):
            yield SectionTree(id="sections")
            yield PaneSplitter("x", id="tree-splitter")
            with Vertical(id="right"):
                yield ArticleList(id="articles")
                yield PaneSplitter("y", id="list-splitter")
                yield ReaderPane(self.settings.reading_width, id="reader-pane")
        yield ProgressRow(SCAN_LABEL, id="scan-row")
        yield DictionaryPanel(id="dictionary-box")
        yield StatusLine(id="status")
        yield QuietFooter()

    # -- widgets and state ---------------------------------------------------------------
    @property
    def section_tree(self) -> SectionTree:
        """The section tree."""
        return self.query_one("#sections", SectionTree)

    @property
    def article_list(self) -> ArticleList:
        """The article list."""
        return self.query_one("#articles", ArticleList)

    @property
    def reader_pane(self) -> ReaderPane:
        """The pane around the reader."""
        return self.query_one("#reader-pane", ReaderPane)

    @property
    def reader(self) -> ArticleReader:
        """The reader widget."""
        return self.query_one("#reader", ArticleReader)

    @property
    def progress_row(self) -> ProgressRow:
        """The scan / index progress row."""
        return self.query_one("#scan-row", ProgressRow)

    @property
    def dictionary_panel(self) -> DictionaryPanel:
        """The dictionary popup (hidden until a lookup)."""
        return self.query_one("#dictionary-box", DictionaryPanel)

    @property
    def right_column(self) -> Vertical:
        """The column holding the list and the reader pane."""
        return self.query_one("#right", Vertical)

    @property
    def tree_splitter(self) -> PaneSplitter:
        """The bar between the tree and the list."""
        return self.query_one("#tree-splitter", PaneSplitter)

    @property
    def list_splitter(self) -> PaneSplitter:
        """The bar between the list and the reader."""
        return self.query_one("#list-splitter", PaneSplitter)

    @property
    def pane_area(self) -> Size:
        """The cells the panes share: the screen less the status line, the footer and
        the progress row while it shows."""
        width, height = self.size
        chrome = 2 + (1 if self.progress_row.display else 0)
        return Size(width, max(0, height - chrome))

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one("#status", StatusLine)

    @property
    def opened(self) -> Library:
        """The open library (opened just after the first paint)."""
        if self.library is None:
            raise RuntimeError("the library is not open yet")
        return self.library

    @property
    def current(self) -> ArticleRow | None:
        """The article open in the reader."""
        return self.reading.current

    def target_row(self) -> ArticleRow | None:
        """The article an action applies to: the open one, else the list's cursor row."""
        if self.focused is self.article_list or self.current is None:
            return self.article_list.current
        return self.current

    # -- opening the library -------------------------------------------------------------
    def on_mount(self) -> None:
        """Paint the empty frame first; the catalog is opened right after that paint."""
        self.section_tree.border_title = "Sections"
        self.article_list.border_title = "Opening the library…"
        self.article_list.focus()
        self.pane_layout.apply()
        self.set_interval(POSITION_SAVE_DELAY, self.save_position)
        self.reader.set_aids(self.aids.display())
        self.set_interval(STATS_FLUSH_SECONDS, self.aids.flush)
        if self.reading.pending_path:  # an article first: its beginning in the first frame
            self._open_library()
            return
        # Opening a big catalog and listing it take a moment; a person sees the frame
        # first. (While the screen is still being mounted, call_after_refresh would run
        # before the first paint, so wait a moment for the screen to become current.)
        self.set_timer(FRAME_FIRST_DELAY, partial(self.call_after_refresh, self._open_library))

    def _open_library(self) -> None:
        library = self.library = self._opener.open_library()
        self.refresh_library()
        for notice in library.state.notices:
            self.notify(str(notice), markup=False, severity="warning", timeout=10)
        if self.reading.pending_path:  # not catalogued yet: opened when the scan has it
            self.reading.open_path(self.reading.pending_path)
        if library.is_new:
            self._start_background()  # the first build: its progress is the first screen
        elif not self.reading.loading:  # the rows first: the rescan's thread slows them
            self.call_after_refresh(self._start_background)
        # else: the article asked for at start is painted first (_article_loaded starts them)

    def _start_background(self) -> None:
        """The folder watcher (files added, changed or removed while the app runs), then
        the start-up rescan (its thread would keep the watcher's from starting). Once."""
        if self._background_started:
            return
        self._background_started = True
        collector.resume()  # the first screen is painted (see ui/collector.py)
        self.watching.start()
        self.start_scan()

    def refresh_library(self) -> None:
        """Reload the tree and the list from the catalog."""
        self.section_tree.show_tree(self.opened.catalog.section_tree())
        self.bookmarking.refresh_bookmarked()  # the tree's "★ Bookmarked" node
        self.refresh_list()

    def refresh_list(self, cursor: int | None = None) -> None:
        """Show the current section with the current order and filter."""
        listing = self.listing
        if listing.in_saved_search:  # a saved search's matches
            self.saved.show(cursor)
            return
        articles = self.article_list
        # The tree already holds every section's counts: no COUNT query per key press.
        known = self.section_tree.count_of(listing.section, listing.unread_only)
        query = self.opened.query(listing.section, listing.sort, listing.unread_only, known)
        articles.show(query, articles.cursor if cursor is None else cursor)
        articles.set_header(listing.name, listing.sort, listing.unread_only)
        self.update_status()
        self.update_bindings()

    def update_status(self) -> None:
        """Refresh the status line."""
        listing, current = self.listing, self.current
        percent = self.reader.percent if current is not None else None
        book_percent = None
        if current is not None and self.library is not None:
            book_percent = self.aids.book_percent(
                current.path, self.reader.percent, self.library.catalog
            )
        self.status.show(
            section=listing.name,
            index=self.article_list.cursor,
            count=self.article_list.row_count,
            sort="relevance" if listing.in_saved_search else listing.sort,
            unread_only=listing.unread_only,
            percent=percent,
            book_percent=book_percent,
            link=self._chosen_link(),
        )

    def _chosen_link(self) -> str | None:
        """Where the reader's chosen link leads, %-escapes decoded for people to read
        (None when none is chosen)."""
        link = self.reader.chosen_link if self.current is not None else None
        return unquote(link[3]) if link is not None else None

    def start_scan(self, changed: set[str] | None = None) -> None:
        """Look for new, changed and removed files (in a worker); ``changed``: only these
        files' keys need a stat in folders that did not change (a watcher's report)."""
        self.scanning.start(changed)

    def library_checked(self) -> None:
        """After a scan: explain an empty library, point at unreadable files."""
        from tuireader.ui.screens.notice import NoticeScreen, empty_library_text

        catalog = self.opened.catalog
        total, problems = catalog.count(), catalog.problems()
        # Unreadable files are told once per set: a live rescan finding the same is quiet.
        told, self._problems_told = self._problems_told, frozenset(p.path for p in problems)
        if total == 0 and problems:
            if self._problems_told != told:
                self.show_problems(problems)
        elif total == 0 and not isinstance(self.app.screen, NoticeScreen):
            text = empty_library_text(self.opened.root)
            notice = NoticeScreen(text, can_rescan=True, id="empty")
            self.app.push_screen(notice, self._after_notice)
        elif problems and self._problems_told != told:
            self.notify(
                f"{len(problems)} file(s) could not be read. Press P to see which.",
                title="Problems",
                markup=False,
                severity="warning",
                timeout=8,
            )

    def _after_notice(self, result: str | None) -> None:
        if result == "rescan":
            self.start_scan()

    def show_problems(self, problems: list[FileProblem] | None = None) -> None:
        """Open the problems view."""
        from tuireader.ui.screens.problems import ProblemsScreen

        catalog = self.opened.catalog
        found = [*catalog.problems(), *catalog.decode_warnings()] if problems is None else problems
        self.app.push_screen(ProblemsScreen(found, self.opened.root))

    # -- which actions can run -----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out actions that have nothing to act on (the one place that decides)."""
        if self.library is None:  # still opening: only help and quitting work
            return True if action in ("help", "go_back") else None
        if action in ARTICLE_ACTIONS:
            return True if self.target_row() is not None else None
        if action in READER_ACTIONS:
            return True if self.current is not None else None
        if action in PASSAGE_ACTIONS and self.current is not None:
            return True if self.reader.complete else None
        if action in ("find_next", "find_previous"):
            return True if self.finder.state.active else None
        if action == "mark_section_read":  # a saved search is not a section
            return None if self.listing.in_saved_search else True
        if action == "history_back":
            return True if self.reading.history.can_go_back else None
        if action == "history_forward":
            return True if self.reading.history.can_go_forward else None
        return True

    def update_bindings(self) -> None:
        """Refresh the footer and palette only when an action became (un)available.

        ``refresh_bindings`` rebuilds the footer, which costs more than a key press may.
        """
        now = tuple(self.check_action(action, ()) for action in CHANGING_ACTIONS)
        if now != self._bindings_state:
            self._bindings_state = now
            self.refresh_bindings()

    # -- opening articles ----------------------------------------------------------------
    def open_path(self, path: str) -> None:
        """Open the article at a library-relative path, if the catalog has it."""
        self.reading.open_path(path)

    def open_row(
        self,
        row: ArticleRow,
        remember: bool = True,
        focus: bool = False,
        *,
        at: Anchor | None = None,
        heading: str = "",
    ) -> None:
        """Load an article in a worker and show it (focused, if asked) when it arrives,
        at ``at`` or at the heading ``heading`` names (else where it was last read)."""
        self.reading.open_row(row, remember, focus, at=at, heading=heading)

    def save_position(self) -> None:
        """Write the reading position if it moved since the last write; say so once
        when a backup of the state (made after every so many changes) failed."""
        if self.library is not None:
            self.reading.save_position()
            problem = self.library.state.take_backup_problem()
            if problem:
                self.notify(problem, markup=False, severity="warning", timeout=10)

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        shown = self.reading.loaded(message)
        if not self._background_started and not self.reading.loading:
            self.call_after_refresh(self._start_background)  # the first article is shown
        if shown is None:
            return
        row = message.row
        if shown.first:
            self._opener.remember_article(row.path)
            self._sync_cursor(row)
            if self.settings.mark_read == "open" and not self.opened.is_read(row):
                self.marks.set_read(row, True)
            self.aids.started(row, shown.article, shown.anchor)
            self.pane_layout.article_shown()
            if not shown.complete:
                self.finder.article_loading()
        if shown.complete:  # what needs the whole text: hits and passages
            if not shown.first:  # the reading clock goes on with the whole article
                self.aids.started(row, shown.article, self.reader.position)
            self.finder.article_shown(row.path)
            self.bookmarking.article_shown(shown.article)
        self.update_status()
        self.update_bindings()

    def _sync_cursor(self, row: ArticleRow) -> None:
        """Put the list cursor on ``row``, wherever it is in the listing."""
        listing = self.listing
        index = self.article_list.index_of(row.id)
        if listing.in_saved_search:
            index = self.saved.index_of(row)
        elif index is None:  # not in a cached page: ask the catalog for its place
            index = self.opened.listing_index(
                row.id, listing.section, listing.sort, listing.unread_only
            )
        if index is not None:
            self.article_list.cursor = index

    # -- widgets' messages ---------------------------------------------------------------
    @on(SectionTree.Chosen, "#sections")
    def _section_chosen(self, message: SectionTree.Chosen) -> None:
        if message.path == self.listing.section or self.library is None:
            return
        self.listing.choose(message.path, message.name)
        self.refresh_list(cursor=0)

    @on(SavedSearchChosen)
    def _saved_search_chosen(self, message: SavedSearchChosen) -> None:
        if self.library is not None:
            self.saved.chosen(message.name, message.query, message.focus)
        elif message.focus:
            self.set_focus(self.article_list)

    @on(SavedSearchForget)
    def _saved_search_forget(self, message: SavedSearchForget) -> None:
        self.saved.forget(message.name)

    @on(ArticleList.Moved, "#articles")
    def _cursor_moved(self, message: ArticleList.Moved) -> None:
        self.update_status()

    @on(ArticleList.Opened, "#articles")
    def _article_opened(self, message: ArticleList.Opened) -> None:
        if self.listing.in_saved_search:  # open it as a search result: hits marked
            self.saved.open_match(self.article_list.cursor)
            return
        self.open_row(message.row, focus=True)

    @on(ArticleReader.PositionChanged)
    def _position_changed(self, message: ArticleReader.PositionChanged) -> None:
        self.aids.moved(message.anchor)
        self.update_status()

    @on(ArticleReader.ReachedEnd)
    def _reached_end(self, message: ArticleReader.ReachedEnd) -> None:
        self.aids.finished()
        current = self.current
        if self.settings.mark_read != "end" or current is None:
            return
        if not self.opened.is_read(current):
            self.marks.set_read(current, True)

    @on(ArticleReader.SelectionChanged)
    def _selection_changed(self) -> None:
        self.bookmarking.update_note_strip()

    @on(ArticleReader.LinkChosen)
    def _link_chosen(self, message: ArticleReader.LinkChosen) -> None:
        url = self.links.follow(message.target)
        if url is not None:
            self._ask_to_open(url)

    @on(ArticleReader.LinkFocused)
    def _link_focused(self) -> None:
        self.update_status()

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self.finder.changed(message)

    @on(FindBar.Submitted)
    def _find_submitted(self, message: FindBar.Submitted) -> None:
        self.finder.submitted(message)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.finder.closed()

    @on(DictionaryPanel.Closed)
    def _dictionary_closed(self) -> None:
        if self.current is not None:
            self.reader.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The pane with the focus gets the room (in the stacked layouts)."""
        self.pane_layout.focus_moved(event.widget)

    def on_resize(self, event: events.Resize) -> None:
        """A new terminal size may call for another layout."""
        self.pane_layout.apply()

    @on(PaneSplitter.Dragged)
    def _splitter_dragged(self, message: PaneSplitter.Dragged) -> None:
        self.pane_layout.dragged(message)

    def on_click(self, event: events.Click) -> None:
        """A double-click on a word in the reader looks it up."""
        if event.chain != 2 or self.current is None:
            return
        offset = event.get_content_offset(self.reader)
        anchor = None if offset is None else self.reader.anchor_at_offset(offset)
        if anchor is not None:
            self.aids.lookup_at(anchor)

    # -- workers' messages ---------------------------------------------------------------
    @on(FindDone)
    def _find_done(self, message: FindDone) -> None:
        self.finder.done(message)

    @on(SavedCounted)
    def _saved_counted(self, message: SavedCounted) -> None:
        self.saved.counted(message)

    @on(ScanProgress)
    def _scan_progress(self, message: ScanProgress) -> None:
        self.scanning.progress(message)

    @on(ScanFinished)
    def _scan_finished(self, message: ScanFinished) -> None:
        first_build = self.opened.is_new
        self.scanning.finished(message)
        self.watching.refresh_keeping_places(first_build)  # list cursor and open article stay
        self.library_checked()
        pending = self.reading.pending_path
        if pending and self.current is None:
            self.reading.open_path(pending)
        self.search.after_scan()  # saved searches into the tree; the search index

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        self.scanning.show_index_progress(message.indexed, message.total)

    @on(IndexBuilt)
    def _index_built(self, message: IndexBuilt) -> None:
        self.scanning.hide_index_progress()
        self.search.index_built(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A scan's worker ended: run the scan queued meanwhile, if any."""
        self.watching.worker_ended(event.worker)

    def on_unmount(self) -> None:
        """Keep the position and the reading time; stop watching and searching."""
        self.watching.stop()
        self.save_position()
        if self.library is not None:
            self.aids.flush()
            self.aids.close()
        self.search.close()

    # -- actions: moving around ----------------------------------------------------------
    def action_help(self) -> None:
        """Show every key."""
        from tuireader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(dict(self.settings.keys)))

    def action_go_back(self) -> None:
        """Escape clears a find first; then leave full screen, then the reader, then quit."""
        if self.finder.has_query:
            self.finder.clear()
        elif self.pane_layout.fullscreen:
            self.pane_layout.set_fullscreen(False)
        elif self.focused is self.reader:
            # Focus now, not after the next frame: a quickly typed second q must quit.
            self.set_focus(self.article_list)
        else:
            self.app.exit()

    def action_to_list(self) -> None:
        """Leave the reader (and full screen) for the article list."""
        self.pane_layout.set_fullscreen(False)
        self.set_focus(self.article_list)  # at once: the next key goes to the list

    def action_toggle_fullscreen(self) -> None:
        """Hide or show the tree and the list around the reader."""
        self.pane_layout.set_fullscreen(not self.pane_layout.fullscreen)
        if self.pane_layout.fullscreen:
            self.set_focus(self.reader)

    def action_cycle_layout(self) -> None:
        """Switch the layout: auto (by the terminal's size), wide, medium, reader."""
        self.notify(self.pane_layout.cycle(), timeout=3)

    def action_resize_panes(self, columns: int, rows: int) -> None:
        """ctrl+arrows: a wider or narrower tree, a taller or shorter list."""
        said = self.pane_layout.resize(columns, rows)
        if said:
            self.notify(said, timeout=3)

    def action_next_article(self) -> None:
        """Open the next article of the list."""
        self._step(1, unread=False)

    def action_previous_article(self) -> None:
        """Open the previous article of the list."""
        self._step(-1, unread=False)

    def action_next_unread(self) -> None:
        """Open the next unread article."""
        self._step(1, unread=True)

    def action_previous_unread(self) -> None:
        """Open the previous unread article."""
        self._step(-1, unread=True)

    def _step(self, step: int, unread: bool) -> None:
        start = self.reading.step_start()
        if start is None:
            return
        if self.listing.in_saved_search:  # step through the saved search's matches
            self.saved.step(start, step, unread)
        elif self.finder.step_result(step > 0, unread):  # reading a library search's result
            return
        else:
            self.reading.step(start, step, unread)

    def action_history_back(self) -> None:
        """Reopen the article visited before."""
        self.reading.history_step(forward=False)

    def action_history_forward(self) -> None:
        """Go forward again in the visited articles."""
        self.reading.history_step(forward=True)

    # -- actions: the listing ------------------------------------------------------------
    def action_toggle_read(self) -> None:
        """Mark the article read, or unread again."""
        row = self.target_row()
        if row is not None:
            self.marks.toggle(row)

    def action_mark_section_read(self) -> None:
        """Mark every article in the section read (asking first when they are many)."""
        from tuireader.ui.screens.confirm import ConfirmScreen

        question = self.marks.question()
        if question is None:
            self.marks.mark_section()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.marks.mark_section()

        self.app.push_screen(ConfirmScreen(question, yes="Mark read"), answered)

    def action_undo_marks(self) -> None:
        """Take back the last m or A."""
        self.marks.undo()

    def action_toggle_unread_only(self) -> None:
        """Show only unread articles, or all of them."""
        self.listing.unread_only = not self.listing.unread_only
        self.refresh_list(cursor=0)

    def action_cycle_sort(self) -> None:
        """Sort by the next order (date, title)."""
        self.listing.next_sort()
        self.refresh_list(cursor=0)

    def action_show_problems(self) -> None:
        """List the files that could not be read."""
        self.show_problems()

    def action_rescan(self) -> None:
        """Look for new, changed and removed files."""
        self.start_scan()
        self.notify("Rescanning the library…")

    def action_open_url(self) -> None:
        """Open the article's source URL in the browser, after showing it."""
        url = self.urls.url_to_confirm()
        if url is not None:
            self._ask_to_open(url)

    def _ask_to_open(self, url: str) -> None:
        """Show ``url`` and open it in the browser if the person says yes."""
        from tuireader.ui.screens.open_url import ConfirmUrlScreen

        self.app.push_screen(ConfirmUrlScreen(url), partial(self.urls.answered, url))

    # -- actions: bookmarks and notes ----------------------------------------------------
    def action_bookmark(self) -> None:
        """Bookmark the selected passage, else the whole article."""
        self.bookmarking.bookmark()

    def action_select_passage(self) -> None:
        """Start selecting at the sentence on the top line (j/k grow or shrink it)."""
        self.bookmarking.select_passage()

    def action_grow_selection(self, step: int) -> None:
        """``)`` / ``(``: one sentence more or less (a selection starts if there is none)."""
        self.bookmarking.grow_selection(step)

    def action_copy_passage(self) -> None:
        """Copy the selected passage (or the bookmarked one in view) with its source."""
        self.bookmarking.copy_passage()

    def action_edit_note(self) -> None:
        """Add or edit the note of the selection, the passage in view, or the article."""
        from tuireader.ui.screens.note_editor import NoteEditor  # TextArea: when used

        request = self.notes.request()
        if request is not None:
            editor = NoteEditor(request.note, request.about, title=request.title)
            self.app.push_screen(editor, request.save)

    def action_show_bookmarks(self) -> None:
        """Every bookmark and note; Enter opens one."""
        from tuireader.ui.screens.bookmarks import BookmarksScreen

        library = self.opened
        listing = BookmarksScreen(
            library.state, library.orphaned_ids, start_at=self.bookmarking.last_opened
        )
        self.app.push_screen(listing, self.bookmarking.chosen)

    # -- actions: find and search --------------------------------------------------------
    async def action_find(self) -> None:
        """``/``: open the find bar; with no article open, say where searching is."""
        if self.current is None:  # a silent key would look broken
            search = key_label(spec_of("search.library"), self.settings.keys)
            self.notify(
                f"No article is open: Enter opens the one under the cursor; "
                f"{search} searches the whole library.",
                timeout=5,
            )
            return
        await self.finder.open()

    def action_find_next(self) -> None:
        """``n``: the next hit, wrapping; past the last, the next search result."""
        self.finder.step(True)

    def action_find_previous(self) -> None:
        """``N``: the previous hit, wrapping; before the first, the previous result."""
        self.finder.step(False)

    def action_library_search(self, query: str = "") -> None:
        """ctrl+s / S: search the whole library."""
        from tuireader.ui.screens.library_search import SearchScreen

        search = self.search
        screen = SearchScreen(search.runner, search.start_query(query), saver=search.save)
        self.app.push_screen(screen, search.closed)

    # -- actions: reading aids -----------------------------------------------------------
    def action_lookup_word(self) -> None:
        """The dictionary: the selected passage, or the word at the reading position."""
        self.aids.lookup_here()

    def action_toggle_pinyin(self) -> None:
        """Pinyin above the text, on or off."""
        self.aids.toggle_pinyin()

    def action_cycle_script(self) -> None:
        """Chinese as written, in Simplified, in Traditional characters."""
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

        self.aids.flush()
        self.app.push_screen(StatsScreen(self.opened.state.stats.report(days=30)))
