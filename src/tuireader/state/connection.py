"""One open state.db: its connection, a lock for the threads of one process, and writes.

Every part of the store (:mod:`marks`, :mod:`bookmarks`, :mod:`searches`) reads and
writes through one :class:`StateDb`, so each change is one ``BEGIN IMMEDIATE``
transaction that either lands whole or raises :class:`StateWriteError`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from tuireader.state.safety import StateWriteError, write_transaction

T = TypeVar("T")

#: What a refused change says; why the state is read-only was told when it was opened.
READ_ONLY_MESSAGE = "Not saved: your state is read-only in this session (see the message at start)."


class StateDb:
    """The shared connection of a store's parts (safe for threads: one lock)."""

    def __init__(self, conn: sqlite3.Connection, read_only: bool) -> None:
        """Wrap an opened connection; ``read_only`` refuses every write (why was told once,
        in the store's notices)."""
        self._conn = conn
        self._lock = threading.RLock()
        self.read_only = read_only
        #: Called after each committed change (the store counts them for backups).
        self.after_write: Callable[[], None] | None = None

    def write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` in one write transaction, or raise StateWriteError."""
        if self.read_only:
            # Short: the reason was told once, when the store opened (its notices).
            raise StateWriteError(READ_ONLY_MESSAGE)
        with self._lock, write_transaction(self._conn) as conn:
            result = action(conn)
        if self.after_write is not None:
            self.after_write()
        return result

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        """The first row of a query, or None."""
        with self._lock:
            row: tuple[Any, ...] | None = self._conn.execute(sql, params).fetchone()
            return row

    def all(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Every row of a query."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection (WAL content is checkpointed by SQLite)."""
        with self._lock:
            self._conn.close()
