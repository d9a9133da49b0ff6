"""Read marks and reading positions: the ``article_state`` rows of state.db.

Both are kept per article fingerprint (the same text filed twice shares them), with the
path it was last seen at. :class:`ReadMarks` is ``store.marks``, :class:`Positions` is
``store.positions``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from tuireader.library.model import Anchor
from tuireader.state.connection import StateDb
from tuireader.state.rows import now_iso

_UPSERT_READ = """INSERT INTO article_state(fingerprint, last_path, read, read_at, updated)
    VALUES (?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET
    last_path=excluded.last_path, read=excluded.read, read_at=excluded.read_at,
    updated=excluded.updated"""
_READ_AMONG = "SELECT fingerprint FROM article_state WHERE read = 1 AND fingerprint IN ({})"
_CHUNK = 500  # fingerprints per IN (...) query: far below SQLite's variable limit
_UPSERT_POSITION = """INSERT INTO article_state(fingerprint, last_path, pos_block, pos_offset,
    updated) VALUES (?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET
    last_path=excluded.last_path, pos_block=excluded.pos_block,
    pos_offset=excluded.pos_offset, updated=excluded.updated"""

#: One article_state row as dumped and restored: (fingerprint, last_path, read, read_at,
#: block, offset).
StateRow = tuple[Any, ...]


class ReadMarks:
    """Which articles are read (``store.marks``)."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def is_read(self, fp: str) -> bool:
        """Whether the article with fingerprint ``fp`` is marked read."""
        row = self._db.one("SELECT read FROM article_state WHERE fingerprint=?", (fp,))
        return bool(row and row[0])

    def set_read(self, fp: str, path: str, read: bool = True) -> None:
        """Mark one article read or unread."""
        self.set_read_many([(fp, path)], read)

    def set_read_many(
        self, items: Iterable[tuple[str, str]], read: bool = True
    ) -> list[tuple[str, str]]:
        """Mark many (fingerprint, path) articles read or unread in one transaction.

        Returns the items whose mark changed (one per fingerprint): marking those the
        other way again undoes the change and leaves the rest as they were.
        """
        stamp = now_iso()
        wanted = dict(items)  # a text filed twice is one mark

        def write(conn: sqlite3.Connection) -> list[tuple[str, str]]:
            marked = _read_among(conn, list(wanted))
            changed = [(fp, path) for fp, path in wanted.items() if (fp in marked) != read]
            rows = [(fp, path, int(read), stamp if read else None, stamp) for fp, path in changed]
            conn.executemany(_UPSERT_READ, rows)
            return changed

        return self._db.write(write)

    def dump(self) -> list[StateRow]:
        """Every article_state row (marks with the positions kept beside them), for backups."""
        return self._db.all(
            "SELECT fingerprint, last_path, read, read_at, pos_block, pos_offset "
            "FROM article_state ORDER BY fingerprint"
        )

    def restore(self, rows: Iterable[StateRow]) -> int:
        """Add dumped rows for articles not yet known; how many were added."""

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            conn.executemany(
                """INSERT OR IGNORE INTO article_state(fingerprint, last_path, read, read_at,
                pos_block, pos_offset, updated) VALUES (?,?,?,?,?,?,?)""",
                [(*row, now_iso()) for row in rows],
            )
            return conn.total_changes - before

        return self._db.write(insert)


class Positions:
    """Where the user is in each article (``store.positions``)."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def get(self, fp: str) -> Anchor | None:
        """The saved reading position of an article, or None."""
        row = self._db.one(
            "SELECT pos_block, pos_offset FROM article_state WHERE fingerprint=?", (fp,)
        )
        if not row or row[0] is None:
            return None
        return Anchor(int(row[0]), int(row[1] or 0))

    def save(self, fp: str, path: str, anchor: Anchor) -> None:
        """Remember where the user is in an article."""
        values = (fp, path, anchor.block, anchor.offset, now_iso())
        self._db.write(lambda c: c.execute(_UPSERT_POSITION, values))


def _read_among(conn: sqlite3.Connection, fingerprints: list[str]) -> set[str]:
    """Which of ``fingerprints`` are marked read (primary-key lookups, in chunks)."""
    found: set[str] = set()
    for start in range(0, len(fingerprints), _CHUNK):
        chunk = fingerprints[start : start + _CHUNK]
        sql = _READ_AMONG.format(",".join("?" * len(chunk)))
        found.update(fp for (fp,) in conn.execute(sql, chunk))
    return found
