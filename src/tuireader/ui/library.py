"""The UI thread's view of one library: its catalog and the user's state, together.

Screens and controllers talk to this facade instead of to the catalog and the state
store directly, so every state write goes through one place that turns a
``StateWriteError`` into a message for the user, and every listing goes through one
translation of the tree's paths (the "★ Bookmarked" node) into catalog arguments. The UI
never sees a connection or a table: what it needs beyond a page of rows is asked of the
catalog's query API here.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tuireader.catalog import ArticleRow, Catalog
from tuireader.config import Paths
from tuireader.library.encoding.rules import NO_RULES, EncodingRules
from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state import StateStore, StateWriteError
from tuireader.ui.pane_plan import LayoutMemory

#: Characters of an article decoded at once when it opens: a screen of the largest
#: terminal from the reading position, twice over. The rest follows off the UI thread.
HEAD_CHARS = 16_000
#: The most characters the UI thread decodes at an open (a few ms); a reading position
#: deeper in a long article is reached off the UI thread (:meth:`Library.load_part`).
HEAD_LIMIT = 100_000

#: The orders the article list can be sorted in, in the order ``s`` cycles through.
SORTS = ("date", "title")

#: The section path of the tree's "★ Bookmarked" node (no real section starts with NUL).
BOOKMARKED: tuple[str, ...] = ("\x00bookmarked",)


def listing_args(section: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """(section, bookmarked_only) for a catalog listing of a tree path."""
    return ((), True) if section == BOOKMARKED else (section, False)


class LibraryOpener(Protocol):
    """What the library screen asks of the app: open the library, remember the article."""

    @property
    def paths(self) -> Paths:
        """Where data, cache and config live."""
        ...

    def open_library(self) -> Library:
        """Open the catalog and state of the library (the screen calls it once)."""
        ...

    def remember_article(self, path: str | None) -> None:
        """Record the open article, to reopen it next time."""
        ...

    def remembered_layout(self) -> LayoutMemory | None:
        """The layout the library had last time (None the first time)."""
        ...

    def remember_layout(self, memory: LayoutMemory) -> None:
        """Record the library's layout, for next time."""
        ...


@dataclass
class SectionQuery:
    """One listing: a section, an order and a filter; the list's row source."""

    catalog: Catalog
    section: tuple[str, ...] = ()
    sort: str = "date"
    unread_only: bool = False
    known_count: int | None = None  # from the section tree's counts, when it has them

    def count(self) -> int:
        """How many articles the listing holds."""
        if self.known_count is not None:
            return self.known_count
        section, bookmarked = listing_args(self.section)
        return self.catalog.count(section, self.unread_only, bookmarked)

    def rows(self, offset: int, limit: int) -> list[ArticleRow]:
        """One page of the listing."""
        section, bookmarked = listing_args(self.section)  # "★ Bookmarked" in the tree
        return self.catalog.rows(section, offset, limit, self.sort, self.unread_only, bookmarked)


class Library:
    """Catalog queries and state writes for the UI thread (sqlite objects stay on it)."""

    def __init__(
        self,
        paths: Paths,
        root: Path,
        follow_links: str = "inside",
        encodings: EncodingRules = NO_RULES,
    ) -> None:
        """Open the catalog of ``root`` (scans follow links as ``follow_links`` says and
        decode files as ``encodings`` says) and the user's state store."""
        self.root = root
        self.follow_links = follow_links  # the config's: which links the scan follows
        self.encodings = encodings  # the config's: encodings set for parts of the library
        self.db_path = paths.catalog_db(root)
        self.is_new = not self.db_path.exists()
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.state = StateStore.open(paths.state_db)
        self.catalog = Catalog(self.db_path, root, follow_links, encodings)
        self.catalog.attach_state(paths.state_db)
        # A catalog rebuilt for a new schema is as empty as a new one: show the progress.
        self.is_new = self.is_new or self.catalog.is_empty()
        # One long-lived loader thread: the catalog opens a connection per thread, so
        # a fresh thread per article would leave a connection behind each time.
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuireader-load")

    def load(self, article_id: int) -> Article:
        """Load an article's blocks on the loader thread (call from a worker)."""
        return self._loader.submit(self.catalog.load, article_id).result()

    def load_head(self, article_id: int, through_block: int) -> tuple[Article, bool] | None:
        """On the UI thread: the article's beginning, through block ``through_block`` and
        a screen or two of text after it, and whether that is all of it; None when that
        part is too long to decode here (see :meth:`load_part`)."""
        return self.catalog.load_head(article_id, through_block, HEAD_CHARS, HEAD_LIMIT)

    def load_part(self, article_id: int, through_block: int) -> tuple[Article, bool]:
        """What :meth:`load_head` gives, however long, on the loader thread (from a worker)."""
        job = self._loader.submit(self.catalog.load_head, article_id, through_block, HEAD_CHARS)
        part = job.result()
        assert part is not None  # no limit
        return part

    def close(self) -> None:
        """Close the catalog and the state store."""
        self._loader.shutdown(wait=True)
        self.catalog.close()
        self.state.close()

    # -- listings ----------------------------------------------------------------------
    def query(
        self, section: tuple[str, ...], sort: str, unread_only: bool, count: int | None = None
    ) -> SectionQuery:
        """A row source for the article list (``count`` when it is already known)."""
        return SectionQuery(self.catalog, section, sort, unread_only, count)

    def row_for_path(self, path: str) -> ArticleRow | None:
        """The catalog row of the article at ``path`` (library-relative), if catalogued."""
        return self.catalog.row_by_path(path)

    def listing_index(
        self, article_id: int, section: tuple[str, ...], sort: str, unread_only: bool
    ) -> int | None:
        """Where an article is in a listing (0-based), or None if the listing lacks it."""
        real_section, bookmarked = listing_args(section)
        return self.catalog.index_in_listing(
            article_id, real_section, sort, unread_only, bookmarked
        )

    def neighbour(
        self, row: ArticleRow, section: tuple[str, ...], sort: str, step: int, unread_only: bool
    ) -> ArticleRow | None:
        """The article ``step`` places after (before, if negative) ``row`` in a listing."""
        real_section, bookmarked = listing_args(section)
        return self.catalog.neighbour(
            row.id, real_section, sort, step, unread_only=unread_only, bookmarked_only=bookmarked
        )

    def sections_sharing(self, fingerprint: str) -> list[tuple[str, ...]]:
        """The sections of every copy of a text (a read mark is kept per fingerprint)."""
        return self.catalog.sections_with_fingerprint(fingerprint)

    def bookmarked_counts(self) -> tuple[int, int]:
        """(unread, total) bookmarked articles, for the tree's "★ Bookmarked" node."""
        unread = self.catalog.count((), unread_only=True, bookmarked_only=True)
        return unread, self.catalog.count((), bookmarked_only=True)

    # -- bookmarks and the catalog ---------------------------------------------------
    def row_for_bookmark(self, b: Bookmark) -> ArticleRow | None:
        """The catalog row of a bookmark's article: at its path (unchanged, or edited in
        place: the same title), else found by fingerprint (moved), else the one article
        with its title (edited, then moved), else whatever is at its path now."""
        row = self.row_for_path(b.path)
        if row is not None and (row.fingerprint == b.fingerprint or row.title == b.title):
            return row
        moved = self.catalog.row_by_fingerprint(b.fingerprint)
        if moved is not None:
            return moved
        retitled = self.catalog.paths_of_unique_titles([b.title]).get(b.title)
        if retitled is not None and retitled != b.path:
            return self.row_for_path(retitled)
        return row

    def orphaned_ids(self, bookmarks: Iterable[Bookmark]) -> set[int]:
        """Ids of bookmarks whose article is in the catalog neither by fingerprint, nor
        by path, nor (edited and moved) as the one article with its title."""
        found = list(bookmarks)
        fps = self.catalog.known_fingerprints(b.fingerprint for b in found)
        paths = self.catalog.known_paths(b.path for b in found)
        lost = [b for b in found if b.fingerprint not in fps and b.path not in paths]
        titled = self.catalog.paths_of_unique_titles(b.title for b in lost if b.title)
        return {b.id for b in lost if b.title not in titled}

    def follow_bookmark(self, b: Bookmark, row: ArticleRow) -> str | None:
        """Store that a bookmark's article is now ``row`` (moved, or edited and moved), so
        its highlight, its ★ and the next look-up are exact; an error message when the
        write failed. A passage keeps its position: placing it on open re-anchors it."""
        if row.path == b.path:
            return None
        fp = b.fingerprint if b.is_passage else row.fingerprint
        try:
            self.state.bookmarks.relocate(b.id, fp, row.path, b)
        except StateWriteError as exc:
            return str(exc)
        return None

    # -- the user's state --------------------------------------------------------------
    def set_read(self, row: ArticleRow, read: bool) -> str | None:
        """Mark one article read or unread; an error message when the write failed."""
        try:
            self.state.marks.set_read(row.fingerprint, row.path, read)
        except StateWriteError as exc:
            return str(exc)
        return None

    def is_read(self, row: ArticleRow) -> bool:
        """Whether the article is marked read now."""
        return self.state.marks.is_read(row.fingerprint)

    def mark_section_read(
        self, section: tuple[str, ...]
    ) -> tuple[list[tuple[str, str]], str | None]:
        """Mark every article of a section read: the (fingerprint, path) marks that
        changed (what an undo marks unread again), or an error message."""
        pairs = self.catalog.fingerprints_in_section(section)
        if listing_args(section)[1]:  # "★ Bookmarked": every bookmarked article
            count = self.catalog.count((), bookmarked_only=True)
            rows = self.catalog.rows((), 0, count, bookmarked_only=True)
            pairs = [(row.fingerprint, row.path) for row in rows]
        return self.set_read_many(pairs, True)

    def set_read_many(
        self, pairs: list[tuple[str, str]], read: bool
    ) -> tuple[list[tuple[str, str]], str | None]:
        """Mark (fingerprint, path) articles read or unread: the marks that changed, or
        an error message when the write failed."""
        try:
            return self.state.marks.set_read_many(pairs, read), None
        except StateWriteError as exc:
            return [], str(exc)

    def save_position(self, row: ArticleRow, anchor: Anchor) -> str | None:
        """Remember where the reader is in an article (silently not, when the state is
        read-only: the user was told once, at start, and positions save by themselves);
        an error message when the write failed."""
        if self.state.read_only:
            return None
        try:
            self.state.positions.save(row.fingerprint, row.path, anchor)
        except StateWriteError as exc:
            return str(exc)
        return None
