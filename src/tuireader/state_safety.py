"""Opening state.db safely, and turning SQLite failures into messages for people.

At start: a missing database is built in a temp file and linked into place (so another
instance never sees a half-made one); an empty, garbage or corrupt file (``quick_check``)
is renamed aside, never deleted, and a fresh one is made; a newer schema opens read-only.
Writes run in ``BEGIN IMMEDIATE`` transactions; failures raise :class:`StateWriteError`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.state_schema import SCHEMA_VERSION, migrate, schema_version

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_SIDE_FILES = ("-wal", "-shm", "-journal")


class StateWriteError(Exception):
    """A change to the user's state could not be saved; ``str(error)`` is for people."""


@dataclass
class OpenedDb:
    """A connection plus what the user must be told about it."""

    conn: sqlite3.Connection
    notices: list[str] = field(default_factory=list)
    read_only: bool = False
    read_only_reason: str = ""
    set_aside: bool = False  # a bad file was moved away: the new one may need a restore


def open_state_db(path: Path) -> OpenedDb:
    """Open (creating, repairing or setting aside as needed) the state database."""
    notices: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        problem = _file_problem(path)
        if problem:
            notices.append(_aside_notice(path, problem))
        if not path.exists():
            _create_fresh(path)
        conn, problem = _connect_checked(path)
        if problem or conn is None:
            notices.append(_aside_notice(path, problem))
            _create_fresh(path)
            conn = connect(path)
    except (OSError, sqlite3.Error) as exc:
        return _fallback(path, exc, notices)
    return _check_version(OpenedDb(conn, notices, set_aside=bool(notices)))


def _fallback(path: Path, exc: BaseException, notices: list[str]) -> OpenedDb:
    """When state.db cannot be opened for writing: a read-only view, else memory."""
    view = _read_only_view(path)
    if view is not None:
        reason = (
            f"Cannot write to {path} ({_reason(exc)}): your reading state is shown, "
            "but changes in this session will not be saved."
        )
        return OpenedDb(view, [*notices, reason], True, reason)
    reason = f"Cannot use {path}: {_reason(exc)}. Changes in this session will not be saved."
    return OpenedDb(_memory_db(), [*notices, reason], True, reason)


def _read_only_view(path: Path) -> sqlite3.Connection | None:
    """Open a sound state.db strictly read-only (a read-only folder or disk), or None."""
    try:
        if not path.is_file() or _file_problem(path) is not None:
            return None
    except OSError:
        return None
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        if conn.execute("PRAGMA quick_check").fetchall() == [("ok",)] and schema_version(conn):
            return conn
        conn.close()
    except sqlite3.Error:
        pass
    return None


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the settings every state.db user must share."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
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
    return f"Not saved: {_reason(exc)}."


def set_aside(path: Path, tag: str) -> Path:
    """Rename ``path`` (and its -wal/-shm files) aside, never deleting; return the new name."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    target = path.with_name(f"{path.name}.{tag}-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{tag}-{stamp}-{counter}")
        counter += 1
    os.replace(path, target)
    for side in _SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + side))
    return target


def _aside_notice(path: Path, problem: str) -> str:
    """Set a bad database aside and say where it went."""
    target = set_aside(path, "bad")
    return (
        f"Your state database {path} {problem}. It was kept as {target.name} and a new one "
        "was started."
    )


def _file_problem(path: Path) -> str | None:
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


def _connect_checked(path: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """Connect and run ``quick_check``: (connection, None) or (None, what is damaged).

    OperationalError (locked, cannot open) is not damage: it propagates to the caller.
    """
    conn = None
    try:
        conn = connect(path)
        rows = conn.execute("PRAGMA quick_check").fetchall()
        schema_version(conn)
    except sqlite3.OperationalError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        return None, f"is damaged ({exc})"
    if rows != [("ok",)]:
        conn.close()
        return None, f"is damaged ({rows[0][0]})"
    return conn, None


def _create_fresh(path: Path) -> None:
    """Build an empty, migrated database in a temp file and link it into place."""
    temp = path.with_name(f"{path.name}.new-{os.getpid()}-{time.monotonic_ns()}")
    conn = connect(temp)
    try:
        with write_transaction(conn):
            migrate(conn)
    finally:
        conn.close()
    try:
        os.link(temp, path)  # fails if another instance made one first: use theirs
    except FileExistsError:
        pass
    except OSError:
        if not path.exists():
            os.replace(temp, path)
    for leftover in [temp, *(temp.with_name(temp.name + s) for s in _SIDE_FILES)]:
        leftover.unlink(missing_ok=True)


def _check_version(opened: OpenedDb) -> OpenedDb:
    """Migrate an older schema; open a newer one read-only."""
    found = schema_version(opened.conn)
    if found > SCHEMA_VERSION:
        reason = (
            f"Your state database was written by a newer tuireader (schema {found}, this "
            f"one knows {SCHEMA_VERSION}). It is open read-only: nothing will be saved."
        )
        opened.conn.execute("PRAGMA query_only = ON")
        opened.notices.append(reason)
        opened.read_only, opened.read_only_reason = True, reason
    elif found < SCHEMA_VERSION:
        try:
            with write_transaction(opened.conn):
                migrate(opened.conn)
        except StateWriteError as exc:
            opened.notices.append(f"Could not upgrade the state database: {exc}")
            opened.read_only, opened.read_only_reason = True, str(exc)
    return opened


def _memory_db() -> sqlite3.Connection:
    """An in-memory stand-in so the app can run when the real file cannot be used."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn)
    return conn


def _reason(exc: BaseException) -> str:
    """The human part of an exception."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
