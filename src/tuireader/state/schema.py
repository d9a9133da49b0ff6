"""The state.db schema and its migrations (version kept in ``PRAGMA user_version``).

Other parts read these tables directly (the catalog ATTACHes state.db AS ``st``):
``article_state(fingerprint, last_path, read, ...)`` and ``bookmarks(fingerprint, ...)``.
Deleted bookmarks move to ``bookmarks_trash`` so every row of ``bookmarks`` is live.
Version 2 adds reading statistics (``reading_time``, ``reading_finished``) and the
dictionary's ``vocabulary``.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2

_BOOKMARK_COLUMNS = """
    uid TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    quote TEXT,
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    block INTEGER,
    start_offset INTEGER,
    end_block INTEGER,
    end_offset INTEGER,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT ''
"""

# Each entry upgrades the schema from (index) to (index + 1); never edit a shipped one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE article_state(
            fingerprint TEXT PRIMARY KEY,
            last_path TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            read_at TEXT,
            pos_block INTEGER,
            pos_offset INTEGER,
            updated TEXT
        )""",
        f"CREATE TABLE bookmarks(id INTEGER PRIMARY KEY AUTOINCREMENT, {_BOOKMARK_COLUMNS})",
        "CREATE UNIQUE INDEX bookmarks_uid ON bookmarks(uid)",
        "CREATE INDEX bookmarks_fingerprint ON bookmarks(fingerprint)",
        "CREATE INDEX bookmarks_path ON bookmarks(path)",
        """CREATE INDEX bookmarks_listing ON bookmarks(
            title COLLATE NOCASE, fingerprint, block, start_offset, id)""",
        f"""CREATE TABLE bookmarks_trash(
            id INTEGER PRIMARY KEY, {_BOOKMARK_COLUMNS}, deleted TEXT NOT NULL)""",
    ),
    (
        # Reading statistics: seconds and characters per local day and article.
        """CREATE TABLE reading_time(
            day TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            seconds REAL NOT NULL DEFAULT 0,
            chars INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(day, fingerprint)
        )""",
        """CREATE TABLE reading_finished(
            fingerprint TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT ''
        )""",
        # Words looked up in the dictionary, one row per headword.
        """CREATE TABLE vocabulary(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            word TEXT NOT NULL UNIQUE,
            pinyin TEXT NOT NULL DEFAULT '',
            definitions TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            lookups INTEGER NOT NULL DEFAULT 1,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
    ),
)
assert len(MIGRATIONS) == SCHEMA_VERSION


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the database (0 for a new, empty one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION` inside the caller's transaction.

    Returns the version found before migrating. A newer version is left untouched.
    """
    found = schema_version(conn)
    for version in range(found, SCHEMA_VERSION):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    return found
