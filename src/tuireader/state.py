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
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from tuireader.anchors import make_selector
from tuireader.model import Anchor, Article, Bookmark
from tuireader.state_backup import backup_if_due, restore_latest
from tuireader.state_rows import (
    BOOKMARK_COLUMNS,
    INSERT_BOOKMARK,
    filter_clause,
    now_iso,
    row_to_bookmark,
)
from tuireader.state_safety import StateWriteError, open_state_db, write_transaction

__all__ = ["StateStore", "StateWriteError", "Bookmark"]
T = TypeVar("T")
_ORDER = "ORDER BY title COLLATE NOCASE, fingerprint, block, start_offset, id"


class StateStore:
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

    # -- bookmarks -----------------------------------------------------------------------

    def add_article_bookmark(self, fp: str, path: str, title: str, note: str = "") -> Bookmark:
        """Bookmark a whole article (one transaction, note included).

        An article has at most one whole-article bookmark: adding it again returns the
        existing one (with ``note`` stored when one is given).
        """

        def add(conn: sqlite3.Connection) -> int:
            found = conn.execute(
                "SELECT id FROM bookmarks WHERE fingerprint=? AND quote IS NULL", (fp,)
            ).fetchone()
            if found:
                if note:
                    sql = "UPDATE bookmarks SET note=?, updated=? WHERE id=?"
                    conn.execute(sql, (note, now_iso(), found[0]))
                return int(found[0])
            stamp = now_iso()
            values = (uuid.uuid4().hex, fp, path, title, None, note, stamp, stamp)
            return conn.execute(INSERT_BOOKMARK, values + (None,) * 4 + ("", "")).lastrowid

        return self._get(self._write(add))

    def add_passage_bookmark(
        self, article: Article, start: Anchor, end: Anchor, note: str = "", *, fp: str = ""
    ) -> Bookmark:
        """Bookmark the passage from ``start`` to ``end`` (exclusive, may span blocks).

        ``fp`` is the article's fingerprint when the caller has it (computed otherwise).
        """
        fp = fp or _fingerprint(article)
        sel = make_selector(article, start, end)
        stamp = now_iso()
        values = (uuid.uuid4().hex, fp, article.path, article.title, sel.quote, note)
        values += (stamp, stamp, sel.block, sel.start, sel.end_block, sel.end)
        values += (sel.prefix, sel.suffix)
        return self._get(self._write(lambda c: c.execute(INSERT_BOOKMARK, values).lastrowid))

    def insert_bookmarks(self, bookmarks: Iterable[Bookmark]) -> int:
        """Add bookmarks from an import in one transaction; known ``uid``s are skipped."""

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            for b in bookmarks:
                values = (b.uid, b.fingerprint, b.path, b.title, b.quote, b.note, b.created)
                values += (now_iso(), b.block, b.start, b.end_block, b.end, b.prefix, b.suffix)
                conn.execute(INSERT_BOOKMARK.replace("INSERT", "INSERT OR IGNORE", 1), values)
            return conn.total_changes - before

        return self._write(insert)

    def set_note(self, bookmark_id: int, note: str) -> None:
        """Add, change or clear (empty string) a bookmark's note."""
        self._write(
            lambda c: c.execute(
                "UPDATE bookmarks SET note=?, updated=? WHERE id=?",
                (note, now_iso(), bookmark_id),
            )
        )

    def delete_bookmark(self, bookmark_id: int) -> int:
        """Move a bookmark to the trash; returns the token for :meth:`undo_delete`."""

        def delete(conn: sqlite3.Connection) -> int:
            conn.execute(
                f"INSERT OR REPLACE INTO bookmarks_trash(id, {BOOKMARK_COLUMNS}, deleted) "
                f"SELECT id, {BOOKMARK_COLUMNS}, ? FROM bookmarks WHERE id=?",
                (now_iso(), bookmark_id),
            )
            conn.execute("DELETE FROM bookmarks WHERE id=?", (bookmark_id,))
            return bookmark_id

        return self._write(delete)

    def undo_delete(self, token: int) -> Bookmark | None:
        """Bring a deleted bookmark back (same id); None if it is not in the trash."""

        def restore(conn: sqlite3.Connection) -> bool:
            moved = conn.execute(
                f"INSERT OR IGNORE INTO bookmarks(id, {BOOKMARK_COLUMNS}) "
                f"SELECT id, {BOOKMARK_COLUMNS} FROM bookmarks_trash WHERE id=?",
                (token,),
            ).rowcount
            conn.execute("DELETE FROM bookmarks_trash WHERE id=?", (token,))
            return moved > 0

        return self._get(token) if self._write(restore) else None

    def relocate_bookmark(self, bookmark_id: int, fp: str, path: str, b: Bookmark) -> None:
        """Store where a bookmark was found again (new fingerprint, path or position)."""
        self._write(
            lambda c: c.execute(
                """UPDATE bookmarks SET fingerprint=?, path=?, block=?, start_offset=?,
                end_block=?, end_offset=?, updated=? WHERE id=?""",
                (fp, path, b.block, b.start, b.end_block, b.end, now_iso(), bookmark_id),
            )
        )

    def get_bookmark(self, bookmark_id: int) -> Bookmark | None:
        """One bookmark by id, or None."""
        return self._get(bookmark_id)

    def bookmarks_for(self, fp: str, path: str | None = None) -> list[Bookmark]:
        """An article's bookmarks in reading order (also those stored under its path)."""
        sql = f"SELECT id, {BOOKMARK_COLUMNS} FROM bookmarks WHERE fingerprint=?"
        params: tuple = (fp,)
        if path:
            sql, params = sql + " OR path=?", (fp, path)
        return self._bookmarks(sql + " ORDER BY block, start_offset, id", params)

    def list_bookmarks(self, filter_text: str = "", offset: int = 0, limit: int = 200):
        """A page of all bookmarks, grouped by article, keeping those matching every word."""
        where, params = filter_clause(filter_text)
        sql = f"SELECT id, {BOOKMARK_COLUMNS} FROM bookmarks {where} {_ORDER} LIMIT ? OFFSET ?"
        return self._bookmarks(sql, (*params, limit, offset))

    def count_bookmarks(self, filter_text: str = "") -> int:
        """How many bookmarks :meth:`list_bookmarks` would page through."""
        where, params = filter_clause(filter_text)
        return int(self._one(f"SELECT count(*) FROM bookmarks {where}", params)[0])

    def is_bookmarked(self, fp: str) -> bool:
        """Whether the article has any bookmark (whole or passage)."""
        return self._one("SELECT 1 FROM bookmarks WHERE fingerprint=? LIMIT 1", (fp,)) is not None

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


def _fingerprint(article: Article) -> str:
    """The loader's fingerprint (imported late: the loader pulls in every parser)."""
    from tuireader.loader import fingerprint

    return fingerprint(article)
