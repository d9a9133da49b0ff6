"""Opening articles and keeping the place in them: load, show, remember, step, go back.

An article opens in parts. Its beginning (through the block of the reading position and
a screen or two after it) is rebuilt from the catalog at once, on the UI thread, in a
few ms whatever the article's length, so the next frame paints it; a short article is
then whole. The rest is rebuilt in a thread worker (on the catalog's loader thread) and
handed to the reader, which takes it without moving (``ArticleReader.complete_article``).
A reading position too deep for the UI thread is reached in the worker: that part
first, then the rest. Each part arrives as :class:`~tuireader.ui.messages.ArticleLoaded`;
a load overtaken by a later one (a held-down ``J``) is dropped. The article opens where
the user left it (``store.positions``), or where it was when its file changed on disk,
and the reading position is written back about once a second while it moves.
``J``/``K`` and ``]``/``[`` step through the listing (from the article still loading, so
a held key walks on), ``ctrl+o``/``ctrl+i`` through the places visited: a followed
link's article opens at the heading it names (found once the whole text is there), and
coming back returns to the line the link was followed from.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.css.query import NoMatches

from tuireader.catalog import ArticleRow
from tuireader.library.link_targets import heading_block
from tuireader.library.model import Anchor, Article
from tuireader.ui.controllers.history import History, Place
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.library import Library
from tuireader.ui.messages import ArticleLoaded


class Shown(NamedTuple):
    """What a loaded part changed in the reader: ``first``, another article is shown now
    (from ``anchor``); ``complete``, the article shown is whole now."""

    article: Article
    anchor: Anchor
    first: bool
    complete: bool


class Reading:
    """The article in the reader, the one loading, the visited ones and the position."""

    def __init__(self, host: MainHost, open_path: str | None) -> None:
        """Serve ``host``; ``open_path`` is the article to open once it is catalogued."""
        self.host = host
        self.current: ArticleRow | None = None
        self.history = History()
        self.pending_path = open_path  # opened as soon as the catalog has it
        self._opening: ArticleRow | None = None  # the row being loaded, if any
        self._partial: ArticleRow | None = None  # the row whose beginning alone is shown
        self._start = Anchor(0, 0)  # where the article being opened is shown from
        self._focus_reader = False
        self._saved_anchor: Anchor | None = None
        self._reload: tuple[str, Anchor] | None = None  # (path, anchor) of a reload
        self._heading: tuple[str, str] | None = None  # (path, fragment) a link names
        self._link: tuple[str, int] | None = None  # (path, link) to choose once shown

    @property
    def loading(self) -> bool:
        """Whether an article is being loaded now."""
        return self._opening is not None

    # -- opening -----------------------------------------------------------------------
    def open_path(self, path: str) -> None:
        """Open the article at a library-relative path, if the catalog has it."""
        row = self.host.opened.row_for_path(path)
        if row is not None:
            self.pending_path = None
            self.open_row(row, focus=True)

    def open_row(
        self,
        row: ArticleRow,
        remember: bool = True,
        focus: bool = False,
        *,
        at: Anchor | None = None,
        heading: str = "",
    ) -> None:
        """Show an article (focused, if asked): its beginning now, the rest from a worker;
        at anchor ``at``, or at the heading whose id is ``heading``, or where it was last
        read. ``remember`` records it in the history (the place left noted)."""
        self.save_position()
        if remember:
            self._note_place()
            self.history.visit(row.path)
        self._focus_reader = focus
        self._opening = row  # J/K step on from here even before it has loaded
        self._heading = (row.path, heading) if heading else None
        if at is not None:
            self._reload = (row.path, at)
        library = self.host.opened
        # A heading is found in the whole text: from the top until then.
        self._start = anchor = Anchor(0, 0) if heading else self._start_anchor(row)
        try:
            head = library.load_head(row.id, anchor.block)
        except Exception as exc:  # an unreadable entry is reported, not fatal
            self.host.post_message(ArticleLoaded(row, error=f"{type(exc).__name__}: {exc}"))
            return
        if head is None:  # the position is deep: its part first, off the UI thread
            self._load_in_worker(library, row, anchor.block, part=True)
            return
        article, complete = head
        self.host.post_message(ArticleLoaded(row, article, complete=complete))
        if not complete:  # the rest once the beginning is painted (its thread slows that)
            self.host.call_after_refresh(self._load_rest, library, row)

    def _load_rest(self, library: Library, row: ArticleRow) -> None:
        """Load the whole of ``row`` in a worker, unless another article is opening now."""
        if self._opening is row:
            self._load_in_worker(library, row, 0, part=False)

    def _load_in_worker(
        self, library: Library, row: ArticleRow, through_block: int, part: bool
    ) -> None:
        self.host.run_worker(
            lambda: self._load(library, row, through_block, part),
            thread=True,
            exclusive=True,
            group="load",
        )

    def reload(self, row: ArticleRow, focus: bool) -> None:
        """Open ``row`` again at the reader's place (its file changed on disk)."""
        self._reload = (row.path, self.host.reader.position)
        self.open_row(row, remember=False, focus=focus)

    def _load(self, library: Library, row: ArticleRow, through_block: int, part: bool) -> None:
        """In the worker: the article (first its part through ``through_block``, if
        ``part``), posted to the screen, or the error."""
        try:
            if part:
                article, complete = library.load_part(row.id, through_block)
                self.host.post_message(ArticleLoaded(row, article, complete=complete))
                if complete:
                    return
            article = library.load(row.id)
        except Exception as exc:  # an unreadable entry is reported, not fatal
            self.host.post_message(ArticleLoaded(row, error=f"{type(exc).__name__}: {exc}"))
            return
        self.host.post_message(ArticleLoaded(row, article))

    def loaded(self, message: ArticleLoaded) -> Shown | None:
        """Show a loaded part at its place; what that changed, or None (stale, failed)."""
        if self._opening is not None and message.row is not self._opening:
            return None  # an earlier load, overtaken by a later one (held-down J)
        if message.error or message.article is None:
            self._opening = None
            self.host.notify(
                message.error or "cannot load",
                title=message.row.path,
                markup=False,
                severity="error",
            )
            return None
        row, article, complete = message.row, message.article, message.complete
        if self._opening is None:
            return None  # a part of an article no longer being opened
        if complete:
            self._opening = None
        if row is self._partial:  # the rest of the article shown
            self._partial = None if complete else row
            if complete:
                self.host.reader.complete_article(article)
                heading = self._heading_anchor(row, article)
                if heading is not None:
                    self.host.reader.scroll_to_anchor(heading)
            return Shown(article, self._start, first=False, complete=complete)
        self._partial = None if complete else row
        self.current = row
        if complete:
            self._start = self._heading_anchor(row, article) or self._start
        self._saved_anchor = self._start
        self.host.reader_pane.show_article(article, self._start, complete)
        link, self._link = self._link, None
        if link is not None and link[0] == row.path and link[1] < len(self.host.reader.links):
            self.host.reader.choose_link(link[1])
        if self._focus_reader:
            self.host.reader.focus()
        return Shown(article, self._start, first=True, complete=complete)

    def _start_anchor(self, row: ArticleRow) -> Anchor:
        """Where to show ``row``: the place asked for (a reload, a step back), else the
        saved position."""
        pending, self._reload = self._reload, None
        if pending is not None and pending[0] == row.path:
            return pending[1]  # its file changed, or history: the same place
        return self.host.opened.state.positions.get(row.fingerprint) or Anchor(0, 0)

    def _heading_anchor(self, row: ArticleRow, article: Article) -> Anchor | None:
        """The heading a followed link names in ``article`` (whole), if one was asked
        for; says so when the article has no such heading."""
        heading, self._heading = self._heading, None
        if heading is None or heading[0] != row.path:
            return None
        block = heading_block(article.blocks, heading[1])
        if block is None:
            self.host.notify(
                f"No heading #{heading[1][:80]} in this article; opened at the top.",
                markup=False,
                timeout=4,
            )
            return None
        return Anchor(block, 0)

    # -- the position ------------------------------------------------------------------
    def save_position(self) -> None:
        """Write the reading position if it moved since the last write."""
        if self.current is None:
            return
        try:
            anchor = self.host.reader.position
        except NoMatches:  # the screen is being taken down
            return
        if anchor == self._saved_anchor:
            return
        self._saved_anchor = anchor
        error = self.host.opened.save_position(self.current, anchor)
        if error:
            self.host.notify(error, title="Position not saved", markup=False, severity="warning")

    # -- stepping ----------------------------------------------------------------------
    def step_start(self) -> ArticleRow | None:
        """Where J/K step from: the article loading (a held-down key), else the target."""
        return self._opening or self.host.target_row()

    def step(self, start: ArticleRow, step: int, unread: bool) -> None:
        """Open the article ``step`` places from ``start`` in the listing."""
        listing = self.host.listing
        row = self.host.opened.neighbour(
            start, listing.section, listing.sort, step, unread or listing.unread_only
        )
        if row is None:
            self.host.notify("No more unread articles here." if unread else "No more articles.")
            return
        self.host.open_row(row)

    def history_step(self, forward: bool) -> None:
        """Go to the place visited after (or before) this one: another article, or
        another spot of this one."""
        self._note_place()
        place = self.history.forward() if forward else self.history.back()
        if place is not None:
            self._go_to(place)
        self.host.update_bindings()

    def _go_to(self, place: Place) -> None:
        current, reader = self.current, self.host.reader
        if current is not None and current.path == place.path and self._opening is None:
            reader.scroll_to_anchor(place.anchor or Anchor(0, 0))
            reader.choose_link(place.link if place.link is not None else None)
            return
        row = self.host.opened.row_for_path(place.path)
        if row is not None:
            self.host.open_row(row, remember=False, at=place.anchor)
            self._link = (row.path, place.link) if place.link is not None else None

    def _note_place(self) -> None:
        """Record in the history where the reader is now (the place about to be left)."""
        if self.current is not None and self._opening is None:
            try:
                reader = self.host.reader
            except NoMatches:  # the screen is being taken down
                return
            self.history.remember(reader.position, reader.chosen_link_index)

    # -- links -------------------------------------------------------------------------
    def follow(self, row: ArticleRow, heading: str) -> None:
        """Open the article a link leads to (at its heading), the way back remembered."""
        self.host.open_row(row, focus=True, heading=heading)

    def jump_within(self, anchor: Anchor) -> None:
        """Go to ``anchor`` of the open article (a link to one of its headings), as a
        place of its own in the history, so ``ctrl+o`` comes back."""
        current = self.current
        if current is None:
            return
        self._note_place()
        self.history.visit(current.path, anchor, again=True)
        self.host.reader.scroll_to_anchor(anchor)
        self.host.update_bindings()
