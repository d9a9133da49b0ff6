"""The catalog's SQLite file: schema, connections, and the keys it sorts and groups by.

The catalog is a cache derived from the library files, so any doubt (another schema
version, a file that is not a database) is settled by deleting it and building it again.

Tables:
  ``articles``    one row per article: file facts (path, size, mtime_ns), the columns
                  listings sort and filter on (title, section, date), the whole
                  ``ArticleMeta`` as JSON in ``meta`` (a new field needs no migration),
                  fingerprint. Small rows, so listings and counts stay fast.
  ``texts``       the body (block texts joined by ``\\n``) folded for search (``folded``,
                  which the full-text index and exact checks read) plus the edits that
                  give back the original (``patch``, see ``codec.encode_patch``), and a
                  compact block layout (kind, level, ordinal, length) so an article loads
                  without a re-parse.
  ``membership``  one row per article and per ancestor section (the root included), with
                  the sort keys and fingerprint copied: any section's listing, with or
                  without the unread filter, is one walk over a covering index.
  ``problems``    files that could not be loaded, with size/mtime so they are not retried
                  until they change.
  ``folders``     the last scan's listing of each folder (stamp, subfolders, files with
                  size/mtime): what lets the next scan skip unchanged folders
                  (``catalog.listings``, ``library.walk``). Added without a version
                  change: an older catalog just starts without listings.
  ``scan_settings`` what the rows were read with, by name: ``encodings``, the encoding
                  rules of the scans that wrote them (``catalog.listings``), so a change
                  of the config's ``encodings`` reads again the files it concerns. Added
                  without a version change: an older catalog was read with no rules.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from tuireader.catalog import fts as search_index
from tuireader.text.collate import title_sort_key
from tuireader.text.filekind import not_a_file
from tuireader.text.fold import fold
from tuireader.text.sanitize import sanitize_line

SCHEMA_VERSION = 6  # 6: title keys spell Chinese in pinyin (5 is migrated in place)
#: The catalog's own tables (the search index's are ``fts``'s).
TABLES = ("articles", "texts", "membership", "problems", "folders")
#: Separates section names inside a section key; sanitized names never contain it.
SECTION_SEP = "\x1f"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    section_key TEXT NOT NULL,
    date TEXT,
    date_rank INTEGER NOT NULL,
    meta TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    warnings TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles(fingerprint);
CREATE INDEX IF NOT EXISTS articles_section ON articles(section_key, fingerprint);
CREATE TABLE IF NOT EXISTS texts (
    id INTEGER PRIMARY KEY,
    folded TEXT NOT NULL,
    patch BLOB,
    layout TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS membership (
    prefix TEXT NOT NULL,
    date_rank INTEGER NOT NULL,
    title_key TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS membership_date
    ON membership(prefix, date_rank, title_key, article_id, fingerprint);
CREATE INDEX IF NOT EXISTS membership_title
    ON membership(prefix, title_key, article_id, fingerprint);
CREATE INDEX IF NOT EXISTS membership_article ON membership(article_id);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    error TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS folders (
    path TEXT PRIMARY KEY,
    stamp TEXT,
    listing TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS scan_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def connect(db_path: Path) -> sqlite3.Connection:
    """Open a connection with the catalog's pragmas (WAL, relaxed sync, busy timeout).

    ``check_same_thread`` is off only so :meth:`Catalog.close` can close every connection;
    each connection is still used by one thread (see ``tuireader.catalog``).
    """
    conn = sqlite3.connect(
        db_path, timeout=10, isolation_level=None, check_same_thread=False, uri=True
    )
    # Before WAL, or a new file cannot take it: the pages the search index's final merge
    # frees are given back (``fts.build``). Only on a new file: an existing one ignores it,
    # yet setting it writes the header (and closing then syncs: a write per open).
    if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
        conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
    conn.execute("PRAGMA journal_mode=WAL")
    # A cache: losing the last transactions in a power cut only means a re-parse.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA cache_size=-16000")
    return conn


class CatalogFileError(OSError):
    """Something that is not a file (a FIFO, a socket, a folder) is where the catalog goes.

    It is not deleted (it is not ours to delete) and never opened (a FIFO would hang).
    """


def check_path(db_path: Path) -> None:
    """Raise :class:`CatalogFileError` when ``db_path`` holds something not a file."""
    kind = not_a_file(db_path)
    if kind is not None:
        shown = sanitize_line(
            str(db_path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        )
        raise CatalogFileError(
            f"the catalog {shown} is {kind}, not a file: remove it or use another --cache-dir"
        )


def open_or_rebuild(db_path: Path) -> None:
    """Make sure ``db_path`` holds a catalog of this schema version, rebuilding if not.

    Raises :class:`CatalogFileError` when the path holds something that is not a file.
    """
    check_path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _create(db_path)
    except sqlite3.DatabaseError:  # not a database, or another version we cannot migrate
        _delete(db_path)
        _create(db_path)


def _create(db_path: Path) -> None:
    """Create the schema, deleting the file first when it holds another version."""
    conn = connect(db_path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if version == 5 and names.issuperset(TABLES):
            _title_keys_in_pinyin(conn)
            version = SCHEMA_VERSION
        if names and version != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"catalog schema {version}, want {SCHEMA_VERSION}")
        if names.issuperset(TABLES) and search_index.is_current(conn, names):
            # Nothing to create: an open that writes nothing leaves no WAL frames behind,
            # so closing this connection syncs nothing (a sync per open cost up to 0.1 s
            # on a busy disk, in every command and at every start).
            return
        conn.executescript(_SCHEMA)
        search_index.ensure_schema(conn)
        if version != SCHEMA_VERSION:  # writing the header would wait for a busy scanner
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    finally:
        conn.close()


def _title_keys_in_pinyin(conn: sqlite3.Connection) -> None:
    """Schema 5 to 6: the title keys again, Chinese spelt in pinyin (``text.collate``).

    Far quicker than a new build (no file is read again): a version 5 key is the folded
    title, after a book chapter's place (``000012 ``), which is kept.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute("SELECT id, title, title_key FROM articles").fetchall()
        keys = []
        for article_id, title, old_key in rows:
            place = old_key[: len(old_key) - len(fold(title))]
            keys.append((place + title_sort_key(title), article_id))
        conn.executemany("UPDATE articles SET title_key = ? WHERE id = ?", keys)
        conn.executemany("UPDATE membership SET title_key = ? WHERE article_id = ?", keys)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _delete(db_path: Path) -> None:
    """Remove the catalog file and its WAL companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_path}{suffix}").unlink()


def section_key(sections: tuple[str, ...] | list[str]) -> str:
    """The key of a section path: names each followed by the separator ("" is the root).

    Every ancestor's key is a string prefix of its descendants' keys.
    """
    return "".join(f"{name}{SECTION_SEP}" for name in sections)


def sections_of_key(key: str) -> tuple[str, ...]:
    """The section path a key stands for (the inverse of :func:`section_key`)."""
    return tuple(key.split(SECTION_SEP)[:-1])


def ancestor_keys(sections: tuple[str, ...] | list[str]) -> list[str]:
    """The keys of the root, every ancestor section and the section itself."""
    return [section_key(sections[:depth]) for depth in range(len(sections) + 1)]


def date_rank(date: str | None) -> int:
    """A sort key putting newer dates first and missing dates last, in ascending order.

    ``2022-11-01T10:02`` becomes -20221101100200, ``1999-03`` -19990300000000; no date
    (or a bare year) becomes 1.
    """
    if not date:
        return 1
    digits = "".join(ch for ch in date[:19] if "0" <= ch <= "9")
    if len(digits) < 6:  # a month (1999-03) sorts before the days of that month
        return 1
    return -int(digits[:14].ljust(14, "0"))
