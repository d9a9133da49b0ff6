"""The user's own work in state.db: read marks, reading positions, bookmarks and notes.

:class:`StateStore` never raises when opening (a damaged, newer or unwritable database
gives ``notices`` for the user and possibly ``read_only``); every change is one small
``BEGIN IMMEDIATE`` transaction and a failed change raises :class:`StateWriteError` with a
message for people, so the app can show it and keep running. Safe for two processes at
once (SQLite WAL, busy timeout) and for threads of one process (a lock).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from tuireader.library.model import Anchor, Bookmark
from tuireader.state.backup import backup_if_due, restore_latest
from tuireader.state.bookmarks import BookmarksMixin
from tuireader.state.opening import open_state_db
from tuireader.state.rows import BOOKMARK_COLUMNS, now_iso, row_to_bookmark
from tuireader.state.safety import StateWriteError, write_transaction

__all__ = ["StateStore", "StateWriteError", "Bookmark"]
T = TypeVar("T")


class StateStore(BookmarksMixin):
    """Read marks, positions and bookmarks, stored in one SQLite file."""

    def __init__(self, opened, path: Path | None) -> None:
        """Use :meth:`open`; this wraps an already opened database."""
        self._conn: sqlite3.Connection = opened.conn
        self._lock = threading.RLock()
        self.path = path
        self.notices: list[str] = list(opened.notices)
        self.read_only: bool = opened.read_only
        self._read_only_reason: str = opened.read_only_reason

    @classmethod
    def open(cls, path: Path, *, backups: bool = True) -> StateStore:
        """Open state.db at ``path`` (never raises); backs up at most once a day.

        When a bad file had to be set aside, the new database is filled from the newest
        backup (and the user told how much came back).
        """
        path = Path(path)
        opened = open_state_db(path)
        store = cls(opened, path)
        if opened.set_aside and not store.read_only:
            store.notices.append(restore_latest(store, path.parent / "backups"))
        if backups and not store.read_only:
            notice = backup_if_due(store, path.parent / "backups")
            if notice:
                store.notices.append(notice)
        return store

    def close(self) -> None:
        """Close the database (WAL content is checkpointed by SQLite)."""
        with self._lock:
            self._conn.close()

    # -- reading state -----------------------------------------------------------------

    def is_read(self, fp: str) -> bool:
        """Whether the article with fingerprint ``fp`` is marked read."""
        row = self._one("SELECT read FROM article_state WHERE fingerprint=?", (fp,))
        return bool(row and row[0])

    def set_read(self, fp: str, path: str, read: bool = True) -> None:
        """Mark one article read or unread."""
        self.set_read_many([(fp, path)], read)

    def set_read_many(self, items: Iterable[tuple[str, str]], read: bool = True) -> None:
        """Mark many articles read or unread in one transaction (a whole section)."""
        stamp = now_iso()
        rows = [(fp, path, int(read), stamp if read else None, stamp) for fp, path in items]
        self._write(
            lambda c: c.executemany(
                """INSERT INTO article_state(fingerprint, last_path, read, read_at, updated)
                VALUES (?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET
                last_path=excluded.last_path, read=excluded.read, read_at=excluded.read_at,
                updated=excluded.updated""",
                rows,
            )
        )

    def position(self, fp: str) -> Anchor | None:
        """The saved reading position of an article, or None."""
        row = self._one(
            "SELECT pos_block, pos_offset FROM article_state WHERE fingerprint=?", (fp,)
        )
        if not row or row[0] is None:
            return None
        return Anchor(int(row[0]), int(row[1] or 0))

    def save_position(self, fp: str, path: str, anchor: Anchor) -> None:
        """Remember where the user is in an article."""
        self._write(
            lambda c: c.execute(
                """INSERT INTO article_state(fingerprint, last_path, pos_block, pos_offset,
                updated) VALUES (?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET
                last_path=excluded.last_path, pos_block=excluded.pos_block,
                pos_offset=excluded.pos_offset, updated=excluded.updated""",
                (fp, path, anchor.block, anchor.offset, now_iso()),
            )
        )

    def restore_article_states(self, rows: Iterable[tuple]) -> int:
        """Add (fingerprint, last_path, read, read_at, block, offset) rows not yet known."""

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            conn.executemany(
                """INSERT OR IGNORE INTO article_state(fingerprint, last_path, read, read_at,
                pos_block, pos_offset, updated) VALUES (?,?,?,?,?,?,?)""",
                [(*row, now_iso()) for row in rows],
            )
            return conn.total_changes - before

        return self._write(insert)

    def article_states(self) -> list[tuple]:
        """Every article_state row (fingerprint, last_path, read, read_at, block, offset)."""
        with self._lock:
            return self._conn.execute(
                "SELECT fingerprint, last_path, read, read_at, pos_block, pos_offset "
                "FROM article_state ORDER BY fingerprint"
            ).fetchall()

    def integrity_ok(self) -> bool:
        """Run ``PRAGMA integrity_check`` (slow on big files; for tools and tests)."""
        return self._one("PRAGMA integrity_check", ()) == ("ok",)

    # -- plumbing ------------------------------------------------------------------------

    def _write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` in one write transaction, or raise StateWriteError."""
        if self.read_only:
            raise StateWriteError(self._read_only_reason or "Not saved: state is read-only.")
        with self._lock, write_transaction(self._conn) as conn:
            return action(conn)

    def _one(self, sql: str, params: tuple) -> tuple | None:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def _bookmarks(self, sql: str, params: tuple) -> list[Bookmark]:
        with self._lock:
            return [row_to_bookmark(r) for r in self._conn.execute(sql, params)]

    def _get(self, bookmark_id: int) -> Bookmark | None:
        found = self._bookmarks(
            f"SELECT id, {BOOKMARK_COLUMNS} FROM bookmarks WHERE id=?", (bookmark_id,)
        )
        return found[0] if found else None
