"""The UI thread's view of one library: its catalog and the user's state, together.

Screens talk to this facade instead of to the catalog and the state store directly, so
they stay small and every state write goes through one place that turns a
``StateWriteError`` into a message for the user.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tuireader.catalog import Catalog
from tuireader.config import Paths
from tuireader.state import StateStore, StateWriteError
from tuireader.ui.bookmark_lookup import listing_args


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

    def rows(self, offset: int, limit: int) -> list[Any]:
        """One page of the listing."""
        section, bookmarked = listing_args(self.section)  # "★ Bookmarked" in the tree
        return self.catalog.rows(section, offset, limit, self.sort, self.unread_only, bookmarked)


class Library:
    """Catalog queries and state writes for the UI thread (sqlite objects stay on it)."""

    def __init__(self, paths: Paths, root: Path, follow_links: str = "inside") -> None:
        self.root = root
        self.follow_links = follow_links  # the config's: which links the scan follows
        self.db_path = paths.catalog_db(root)
        self.is_new = not self.db_path.exists()
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.state = StateStore.open(paths.state_db)
        self.catalog = Catalog(self.db_path, root, follow_links)
        self.catalog.attach_state(paths.state_db)
        # A catalog rebuilt for a new schema is as empty as a new one: show the progress.
        self.is_new = self.is_new or self.catalog.is_empty()
        # One long-lived loader thread: the catalog opens a connection per thread, so
        # a fresh thread per article would leave a connection behind each time.
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuireader-load")

    def load(self, article_id: int) -> Any:
        """Load an article's blocks on the loader thread (call from a worker)."""
        return self._loader.submit(self.catalog.load, article_id).result()

    def close(self) -> None:
        """Close the catalog and the state store."""
        self._loader.shutdown(wait=True)
        self.catalog.close()
        self.state.close()

    def query(
        self, section: tuple[str, ...], sort: str, unread_only: bool, count: int | None = None
    ) -> SectionQuery:
        """A row source for the article list (``count`` when it is already known)."""
        return SectionQuery(self.catalog, section, sort, unread_only, count)

    def row_for_path(self, path: str) -> Any | None:
        """The catalog row of the article at ``path`` (library-relative), if catalogued."""
        return self.catalog.row_by_path(path)

    def set_read(self, row: Any, read: bool) -> str | None:
        """Mark one article read or unread; an error message when the write failed."""
        try:
            self.state.marks.set_read(row.fingerprint, row.path, read)
        except StateWriteError as exc:
            return str(exc)
        return None

    def is_read(self, row: Any) -> bool:
        """Whether the article is marked read now."""
        return self.state.marks.is_read(row.fingerprint)

    def mark_section_read(self, section: tuple[str, ...]) -> str | None:
        """Mark every article of a section read; an error message when it failed."""
        pairs = self.catalog.fingerprints_in_section(section)
        if listing_args(section)[1]:  # "★ Bookmarked": every bookmarked article
            count = self.catalog.count((), bookmarked_only=True)
            rows = self.catalog.rows((), 0, count, bookmarked_only=True)
            pairs = [(row.fingerprint, row.path) for row in rows]
        try:
            self.state.marks.set_read_many(pairs, True)
        except StateWriteError as exc:
            return str(exc)
        return None

    def save_position(self, row: Any, anchor: Any) -> str | None:
        """Remember where the reader is in an article (silently not, when the state is
        read-only: the user was told once, at start, and positions save by themselves)."""
        if self.state.read_only:
            return None
        try:
            self.state.positions.save(row.fingerprint, row.path, anchor)
        except StateWriteError as exc:
            return str(exc)
        return None
