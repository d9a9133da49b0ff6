"""The catalog: a throw-away SQLite index of one library, and the queries the UI needs.

    cat = Catalog(paths.catalog_db(library), library)
    report = cat.scan()                      # ScanReport(added, updated, removed, ...)
    cat.attach_state(paths.state_db)         # optional: read / bookmark marks
    tree = cat.section_tree()                # SectionNode, root "All articles"
    page = cat.rows(("新闻",), offset=0, limit=50, sort="date")
    article = cat.load(page[0].id)

Thread rules: every thread that queries gets its own SQLite connection, opened on first
use (SQLite connections must not be shared by threads running at once). ``scan`` opens a
writer connection of its own and may run in a worker thread while the UI thread queries;
WAL lets readers see each committed batch without waiting. Only one scan runs at a time
per Catalog (a second call waits). ``close`` closes every connection; call it once, when
no query is running.

The module never imports textual; the storage details live in ``db`` (schema),
``scan`` / ``parse`` / ``write`` (scanning) and ``query`` (reading). Callers above the
catalog (the UI) use this class's methods only: they never see a connection or a table.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path

from tuireader.catalog import locks
from tuireader.catalog.codec import (
    decode_article,
    head_extent,
    layout_entries,
    patch_prefix,
    stored_body,
)
from tuireader.catalog.db import CatalogFileError, check_path, connect, open_or_rebuild
from tuireader.catalog.listings import was_scanned
from tuireader.catalog.query import Queries
from tuireader.catalog.rows import ArticleRow, RowJson, SectionNode
from tuireader.catalog.scan import LibraryMissingError, Progress, ScanReport, scan_library
from tuireader.library.encoding.rules import NO_RULES, EncodingRules
from tuireader.library.files import DEFAULT_FOLLOW_LINKS
from tuireader.library.keys import split_chapter_key
from tuireader.library.model import DECODED_WITH_WARNINGS, Article, FileProblem
from tuireader.text.fold import unfold

__all__ = [
    "ArticleRow",
    "Catalog",
    "CatalogFileError",
    "LibraryMissingError",
    "check_path",
    "RowJson",
    "ScanReport",
    "SectionNode",
]


class Catalog:
    """The catalog of one library (``root``), stored at ``db_path``."""

    def __init__(
        self,
        db_path: Path,
        root: Path,
        follow_links: str = DEFAULT_FOLLOW_LINKS,
        encodings: EncodingRules = NO_RULES,
    ) -> None:
        """Open the catalog file, creating or rebuilding it when needed; the scan follows
        links in the library as ``follow_links`` says and decodes files as ``encodings``
        says (the config's settings)."""
        self.db_path = Path(db_path)
        self.root = Path(root)
        self.follow_links = follow_links
        self.encodings = encodings
        open_or_rebuild(self.db_path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._scan_lock = threading.Lock()
        self._state_db: Path | None = None
        self._state_generation = 0

    # -- scanning ---------------------------------------------------------------

    def scan(
        self,
        progress: Progress | None = None,
        check_files: bool = True,
        also_check: Collection[str] = (),
        index: bool = False,
    ) -> ScanReport:
        """Bring the catalog up to date with the files; ``progress(done, total)`` per file.

        ``check_files=False`` trusts the files of unchanged folders without a stat, but
        those whose keys are in ``also_check`` (only when in-place writes are learnt
        otherwise: see :mod:`tuireader.library.walk`). ``index=True`` (for a library that
        will be searched) indexes what it stores for search even before the index is
        ready: the index build that follows has little left to do, and the first build of
        a large library ends far sooner than a scan and then a build.
        Raises LibraryMissingError (a FileNotFoundError) if the library folder is gone.
        Another process scanning the same catalog is waited for (``catalog.locks``).
        """
        report = self._scan(progress, check_files, also_check, wait=True, index=index)
        assert report is not None  # waited for the lock
        return report

    def scan_if_free(
        self, progress: Progress | None = None, index: bool = False
    ) -> ScanReport | None:
        """:meth:`scan`, unless another process is scanning this catalog right now: then
        None at once (its rows arrive as it commits them; readers are never blocked)."""
        return self._scan(progress, True, (), wait=False, index=index)

    def _scan(
        self,
        progress: Progress | None,
        check_files: bool,
        also_check: Collection[str],
        wait: bool,
        index: bool = False,
    ) -> ScanReport | None:
        with self._scan_lock, locks.held(self.db_path, locks.SCAN, wait) as free:
            if not free:
                return None
            return scan_library(
                self.db_path,
                self.root,
                progress,
                self.follow_links,
                check_files,
                also_check,
                self.encodings,
                index,
            )

    def was_scanned(self) -> bool:
        """Whether a scan has completed on this catalog (its folder listings are kept)."""
        return was_scanned(self._connection())

    # -- the user's state -------------------------------------------------------

    def attach_state(self, state_db: Path) -> None:
        """Show read and bookmark marks from the user's state.db (opened read-only).

        Takes effect for every thread's next query. A state.db that does not exist yet,
        or lacks the ``article_state`` / ``bookmarks`` tables, leaves everything unread.
        """
        self._state_db = Path(state_db)
        self._state_generation += 1

    # -- queries ----------------------------------------------------------------

    def section_tree(self) -> SectionNode:
        """The section tree: root "All articles", totals and unread rolled up."""
        return self._queries().section_tree()

    def count(
        self, section: Sequence[str] = (), unread_only: bool = False, bookmarked_only: bool = False
    ) -> int:
        """How many articles a section (with its subsections) holds."""
        return self._queries().count(section, unread_only, bookmarked_only)

    def is_empty(self) -> bool:
        """Whether no article is catalogued (cheaper than ``count() == 0``)."""
        return self._queries().is_empty()

    def rows(
        self,
        section: Sequence[str] = (),
        offset: int = 0,
        limit: int = 50,
        sort: str = "date",
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> list[ArticleRow]:
        """One page of a listing; ``sort`` is "date" (newest first, undated last), "title"
        or "path"."""
        return self._queries().rows(section, offset, limit, sort, unread_only, bookmarked_only)

    def row(self, article_id: int) -> ArticleRow | None:
        """One article's listing row, or None if it is gone."""
        return self._queries().row(article_id)

    def row_by_path(self, path: str) -> ArticleRow | None:
        """The row of the article at a library-relative path (``Article.path``), or None."""
        return self._queries().row_by_path(path)

    def neighbour(
        self,
        article_id: int,
        section: Sequence[str] = (),
        sort: str = "date",
        step: int = 1,
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> ArticleRow | None:
        """The next (step > 0) or previous (step < 0) row in the same listing, or None."""
        return self._queries().neighbour(
            article_id, section, sort, step, unread_only, bookmarked_only
        )

    def index_in_listing(
        self,
        article_id: int,
        section: Sequence[str] = (),
        sort: str = "date",
        unread_only: bool = False,
        bookmarked_only: bool = False,
    ) -> int | None:
        """Where an article is in a listing (0-based, as :meth:`rows` pages it), or None."""
        return self._queries().index_in_listing(
            article_id, section, sort, unread_only, bookmarked_only
        )

    def sections_with_fingerprint(self, fingerprint: str) -> list[tuple[str, ...]]:
        """The sections of every copy of a text (read marks are kept per fingerprint)."""
        return self._queries().sections_with_fingerprint(fingerprint)

    def row_by_fingerprint(self, fingerprint: str) -> ArticleRow | None:
        """The row of some article with this fingerprint (a moved file), or None."""
        path = self._queries().path_with_fingerprint(fingerprint)
        return None if path is None else self.row_by_path(path)

    def known_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` that some catalogued article has."""
        return self._queries().known_fingerprints(fingerprints)

    def known_paths(self, paths: Iterable[str]) -> set[str]:
        """Those of ``paths`` that some catalogued article is at."""
        return self._queries().known_paths(paths)

    def paths_of_unique_titles(self, titles: Iterable[str]) -> dict[str, str]:
        """Title → path, for those of ``titles`` that exactly one article has."""
        return self._queries().paths_of_unique_titles(titles)

    def iter_rows(self) -> Iterator[ArticleRow]:
        """Every article's row, ordered by path, streamed (the CLI's ``list``)."""
        return self._queries().iter_all()

    def iter_json(self) -> Iterator[RowJson]:
        """Every article's JSON-ready row, ordered by path, streamed (``list --json``)."""
        return self._queries().iter_json()

    def ids_in_section(self, section: Sequence[str]) -> list[int]:
        """Ids of all articles in a section and its subsections (to mark them read)."""
        return self._queries().ids_in_section(section)

    def fingerprints_in_section(self, section: Sequence[str]) -> list[tuple[str, str]]:
        """(fingerprint, path) of every article in a section: what "mark read" needs."""
        return self._queries().fingerprints_in_section(section)

    def queries(self) -> Queries:
        """This thread's query helper (its connection and state expressions), for search."""
        return self._queries()

    def load(self, article_id: int) -> Article:
        """The full article, rebuilt from the catalog; KeyError if it is not there."""
        conn = self._connection()
        cursor = conn.execute(
            "SELECT a.*, t.folded, t.patch, t.layout FROM articles a JOIN texts t ON t.id = a.id "
            "WHERE a.id = ?",
            (article_id,),
        )
        values = cursor.fetchone()
        if values is None:
            raise KeyError(article_id)
        row = {column[0]: value for column, value in zip(cursor.description, values, strict=True)}
        return decode_article(row, stored_body(row["folded"], row["patch"]), row["layout"])

    def load_head(
        self, article_id: int, through_block: int, chars: int, limit: int | None = None
    ) -> tuple[Article, bool] | None:
        """The article's first blocks, and whether they are all of it: the fewest that
        hold block ``through_block`` and ``chars`` characters from its start on (a
        reading position and a screen of text after it). None when those blocks hold
        more than ``limit`` characters. KeyError if the article is not there.

        Only that part of the body is read back: its cost does not grow with the rest
        of a long article (the reader shows it while :meth:`load` rebuilds the whole).
        """
        conn = self._connection()
        conn.execute("BEGIN")  # one snapshot for both reads (a scan may rewrite the row)
        try:
            cursor = conn.execute(
                "SELECT a.*, t.patch, t.layout FROM articles a JOIN texts t ON t.id = a.id "
                "WHERE a.id = ?",
                (article_id,),
            )
            values = cursor.fetchone()
            if values is None:
                raise KeyError(article_id)
            row = dict(zip((column[0] for column in cursor.description), values, strict=True))
            entries = layout_entries(row["layout"])
            count, length = head_extent(entries, through_block, chars)
            if limit is not None and length > limit:
                return None
            if count == len(entries):
                sql = "SELECT folded FROM texts WHERE id = ?"
                (folded,) = conn.execute(sql, (article_id,)).fetchone()
                return decode_article(row, stored_body(folded, row["patch"]), entries), True
            patch, folded_length = patch_prefix(row["patch"], length)
            sql = "SELECT substr(folded, 1, ?) FROM texts WHERE id = ?"
            (folded,) = conn.execute(sql, (folded_length, article_id)).fetchone()
            return decode_article(row, unfold(folded, patch), entries[:count]), False
        finally:
            conn.execute("COMMIT")

    def chapter_sizes(self, book: str) -> list[tuple[str, int]]:
        """(chapter key, characters) of every chapter of the book keyed ``book``, in
        reading order: what a reading position as a share of the whole book needs."""
        # Keys from "book#" up to "book$" ("$" follows "#"): exactly this book's chapters.
        # (The folded length: within a character or two of the text for a share.)
        rows = self._connection().execute(
            "SELECT a.path, length(t.folded) FROM articles a JOIN texts t ON t.id = a.id "
            "WHERE a.path >= ? AND a.path < ?",
            (f"{book}#", f"{book}$"),
        )
        found = [(path, size) for path, size in rows if split_chapter_key(path)]
        return sorted(found, key=lambda item: split_chapter_key(item[0]) or ("", 0))

    def problems(self) -> list[FileProblem]:
        """Files that could not be loaded, by path."""
        sql = "SELECT path, error FROM problems ORDER BY path"
        return [FileProblem(path, error) for path, error in self._connection().execute(sql)]

    def decode_warnings(self) -> list[FileProblem]:
        """Articles read with decoding warnings (bytes replaced, an encoding guessed), by
        path: the problems view lists them beside the files that could not be read."""
        # Only here: the decoders (and their tables) are not needed to open a catalog.
        from tuireader.library.encoding.decode import is_decoding_warning

        sql = "SELECT path, warnings FROM articles WHERE warnings != '[]' ORDER BY path"
        found = []
        for path, stored in self._connection().execute(sql):
            reasons = [w for w in json.loads(stored) if is_decoding_warning(w)]
            if reasons:
                error = "decoded with warnings: " + "; ".join(reasons)
                found.append(FileProblem(path, error, DECODED_WITH_WARNINGS))
        return found

    def close(self) -> None:
        """Close every connection this catalog opened."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    # -- connections ------------------------------------------------------------

    def _queries(self) -> Queries:
        """Queries on this thread's connection."""
        conn = self._connection()
        return Queries(conn, attached=self._local.attached)

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use, with state attached if asked."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.db_path)
            with self._lock:
                self._connections.append(conn)
            self._local.conn = conn
            self._local.attached = False
            self._local.generation = 0
        if self._local.generation != self._state_generation:
            self._local.attached = _attach(conn, self._state_db, self._local.attached)
            self._local.generation = self._state_generation
        return conn


def _attach(conn: sqlite3.Connection, state_db: Path | None, was_attached: bool) -> bool:
    """Attach ``state_db`` read-only as ``st``; True if it has the tables we read."""
    if was_attached:
        conn.execute("DETACH DATABASE st")
    if state_db is None or not state_db.is_file():
        return False
    uri = state_db.resolve().as_uri() + "?mode=ro"
    try:
        conn.execute("ATTACH DATABASE ? AS st", (uri,))
    except sqlite3.Error:
        return False
    try:
        names = {
            row[0] for row in conn.execute("SELECT name FROM st.sqlite_master WHERE type='table'")
        }
    except sqlite3.DatabaseError:
        names = set()
    if not {"article_state", "bookmarks"} <= names:
        conn.execute("DETACH DATABASE st")
        return False
    return True
