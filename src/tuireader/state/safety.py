"""The rules every state.db write follows, and SQLite failures as messages for people.

Connections share WAL, ``synchronous=FULL`` and a busy timeout; writes run in
``BEGIN IMMEDIATE`` transactions and a failure raises :class:`StateWriteError`. A bad file
is renamed aside with its -wal/-shm files, never deleted. Opening lives in ``state_open``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tuireader.state.rows import file_stamp

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SIDE_FILES = ("-wal", "-shm", "-journal")


class StateWriteError(Exception):
    """A change to the user's state could not be saved; ``str(error)`` is for people."""


def decode_text(raw: bytes) -> str:
    """TEXT from state.db; bytes a damaged page left invalid become U+FFFD.

    ``quick_check`` checks the file's structure, not the text inside records: without
    this, one damaged title would make every listing of bookmarks fail.
    """
    return raw.decode("utf-8", "replace")


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the settings every state.db user must share."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.text_factory = decode_text
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # A read-only folder cannot switch modes; reads still work.
    with suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One small ``BEGIN IMMEDIATE`` transaction; any SQLite failure → StateWriteError."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StateWriteError(describe_write_error(exc)) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StateWriteError(describe_write_error(exc)) from exc
        raise


def describe_write_error(exc: BaseException) -> str:
    """A message for people about why a change was not saved."""
    text = str(exc).lower()
    if "full" in text:
        return "Not saved: the disk is full. Free some space and try again."
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "Not saved: the data folder is read-only."
    if "locked" in text or "busy" in text:
        return "Not saved: another tuireader is busy writing; try again."
    return f"Not saved: {reason_of(exc)}."


def set_aside(path: Path, tag: str) -> Path:
    """Rename ``path`` (and its -wal/-shm files) aside, never deleting; return the new name."""
    stamp = file_stamp()
    target = path.with_name(f"{path.name}.{tag}-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{tag}-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    for side in SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + side))
    return target


def file_problem(path: Path) -> str | None:
    """Why the file at ``path`` is not a SQLite database, or None (also when missing)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    if not header:
        return "was empty"
    if header != SQLITE_HEADER:
        return "is not a SQLite database"
    return None


def reason_of(exc: BaseException) -> str:
    """The human part of an exception."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
