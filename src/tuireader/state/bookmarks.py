"""Bookmarks and their notes (``store.bookmarks``).

Live bookmarks are rows of ``bookmarks``; a delete moves the row to ``bookmarks_trash``
(same id, never reused: AUTOINCREMENT) so it can be undone and the catalog's
``EXISTS(SELECT 1 FROM st.bookmarks WHERE fingerprint=?)`` stays right.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from typing import Any

from tuireader.library.model import Anchor, Article, Bookmark
from tuireader.state.anchors import make_selector
from tuireader.state.connection import StateDb
from tuireader.state.rows import (
    BOOKMARK_COLUMNS,
    INSERT_BOOKMARK,
    filter_clause,
    now_iso,
    row_to_bookmark,
)

_ORDER = "ORDER BY title COLLATE NOCASE, fingerprint, block, start_offset, id"
_SELECT = f"SELECT id, {BOOKMARK_COLUMNS} FROM bookmarks"


class Bookmarks:
    """Add, annotate, delete, undo, page and filter bookmarks."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def _select(self, sql: str, params: tuple[Any, ...]) -> list[Bookmark]:
        return [row_to_bookmark(row) for row in self._db.all(sql, params)]

    def get(self, bookmark_id: int) -> Bookmark | None:
        """One bookmark by id, or None."""
        found = self._select(f"{_SELECT} WHERE id=?", (bookmark_id,))
        return found[0] if found else None

    def _added(self, bookmark_id: int | None) -> Bookmark:
        """The bookmark just inserted or updated (its row exists inside the same lock)."""
        found = self.get(bookmark_id) if bookmark_id is not None else None
        if found is None:
            raise sqlite3.DatabaseError("bookmark row vanished after it was written")
        return found

    def add_article(self, fp: str, path: str, title: str, note: str = "") -> Bookmark:
        """Bookmark a whole article (one transaction, note included).

        An article has at most one whole-article bookmark: adding it again returns the
        existing one (with ``note`` stored when one is given).
        """

        def add(conn: sqlite3.Connection) -> int | None:
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

        return self._added(self._db.write(add))

    def add_passage(
        self, article: Article, start: Anchor, end: Anchor, note: str = "", *, fp: str = ""
    ) -> Bookmark:
        """Bookmark the passage from ``start`` to ``end`` (exclusive, may span blocks).

        ``fp`` is the article's fingerprint when the caller has it (computed otherwise).
        """
        fp = fp or _fingerprint(article)
        sel = make_selector(article, start, end)
        stamp = now_iso()
        values: tuple[object, ...] = (uuid.uuid4().hex, fp, article.path, article.title)
        values += (sel.quote, note, stamp, stamp, sel.block, sel.start, sel.end_block, sel.end)
        values += (sel.prefix, sel.suffix)
        return self._added(self._db.write(lambda c: c.execute(INSERT_BOOKMARK, values).lastrowid))

    def insert(self, bookmarks: Iterable[Bookmark]) -> int:
        """Add bookmarks from an import in one transaction; known ``uid``s are skipped."""

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            sql = INSERT_BOOKMARK.replace("INSERT", "INSERT OR IGNORE", 1)
            for b in bookmarks:
                values: tuple[object, ...] = (b.uid, b.fingerprint, b.path, b.title, b.quote)
                values += (b.note, b.created, now_iso(), b.block, b.start, b.end_block, b.end)
                conn.execute(sql, values + (b.prefix, b.suffix))
            return conn.total_changes - before

        return self._db.write(insert)

    def set_note(self, bookmark_id: int, note: str) -> None:
        """Add, change or clear (empty string) a bookmark's note."""
        self._db.write(
            lambda c: c.execute(
                "UPDATE bookmarks SET note=?, updated=? WHERE id=?",
                (note, now_iso(), bookmark_id),
            )
        )

    def delete(self, bookmark_id: int) -> int:
        """Move a bookmark to the trash; returns the token for :meth:`undo_delete`."""

        def delete(conn: sqlite3.Connection) -> int:
            conn.execute(
                f"INSERT OR REPLACE INTO bookmarks_trash(id, {BOOKMARK_COLUMNS}, deleted) "
                f"SELECT id, {BOOKMARK_COLUMNS}, ? FROM bookmarks WHERE id=?",
                (now_iso(), bookmark_id),
            )
            conn.execute("DELETE FROM bookmarks WHERE id=?", (bookmark_id,))
            return bookmark_id

        return self._db.write(delete)

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

        return self.get(token) if self._db.write(restore) else None

    def relocate(self, bookmark_id: int, fp: str, path: str, b: Bookmark) -> None:
        """Store where a bookmark was found again (new fingerprint, path or position)."""
        self._db.write(
            lambda c: c.execute(
                """UPDATE bookmarks SET fingerprint=?, path=?, block=?, start_offset=?,
                end_block=?, end_offset=?, updated=? WHERE id=?""",
                (fp, path, b.block, b.start, b.end_block, b.end, now_iso(), bookmark_id),
            )
        )

    def of_article(self, fp: str, path: str | None = None) -> list[Bookmark]:
        """An article's bookmarks in reading order (also those stored under its path)."""
        sql, params = f"{_SELECT} WHERE fingerprint=?", tuple[str, ...]((fp,))
        if path:
            sql, params = sql + " OR path=?", (fp, path)
        return self._select(sql + " ORDER BY block, start_offset, id", params)

    def page(self, filter_text: str = "", offset: int = 0, limit: int = 200) -> list[Bookmark]:
        """A page of all bookmarks, grouped by article, keeping those matching every word."""
        where, params = filter_clause(filter_text)
        return self._select(
            f"{_SELECT} {where} {_ORDER} LIMIT ? OFFSET ?", (*params, limit, offset)
        )

    def matching(self, filter_text: str = "") -> list[Bookmark]:
        """Every bookmark :meth:`page` would page through, in the same order."""
        return self.page(filter_text, 0, max(self.count(filter_text), 1))

    def count(self, filter_text: str = "") -> int:
        """How many bookmarks :meth:`page` would page through."""
        where, params = filter_clause(filter_text)
        row = self._db.one(f"SELECT count(*) FROM bookmarks {where}", params)
        return int(row[0]) if row else 0

    def any_for(self, fp: str) -> bool:
        """Whether the article has any bookmark (whole or passage)."""
        found = self._db.one("SELECT 1 FROM bookmarks WHERE fingerprint=? LIMIT 1", (fp,))
        return found is not None


def _fingerprint(article: Article) -> str:
    """The loader's fingerprint (imported late: the loader pulls in every parser)."""
    from tuireader.library.loader import fingerprint

    return fingerprint(article)
