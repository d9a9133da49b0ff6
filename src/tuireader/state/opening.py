"""Opening state.db: create, check, set aside, migrate — and never fail.

A missing database is built in a temp file and linked into place (so another instance
never sees a half-made one); an empty, garbage or damaged file (``quick_check``) is renamed
aside and a fresh one made; a newer schema opens read-only; a file that cannot be opened
for writing is shown read-only; with no usable file at all, an in-memory stand-in.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.state.safety import (
    SIDE_FILES,
    StateWriteError,
    connect,
    decode_text,
    file_problem,
    reason_of,
    set_aside,
    write_transaction,
)
from tuireader.state.salvage import Recovery, salvage_into
from tuireader.state.schema import SCHEMA_VERSION, migrate, schema_version
from tuireader.text.filekind import not_a_file


@dataclass
class OpenedDb:
    """A connection plus what the user must be told about it."""

    conn: sqlite3.Connection
    notices: list[str] = field(default_factory=list)
    read_only: bool = False
    set_aside: bool = False  # a bad file was moved away: the new one may need a restore
    recovery: Recovery | None = None  # what was salvaged from the file set aside


def open_state_db(path: Path) -> OpenedDb:
    """Open (creating, repairing or setting aside as needed) the state database.

    A damaged file is set aside and every row still readable in it is copied into the
    new one (:mod:`tuireader.state.salvage`); the store then merges the newest backup.
    """
    notices: list[str] = []
    aside: Path | None = None
    kind = not_a_file(path)
    if kind is not None:  # a FIFO would make the first read wait forever
        reason = f"Cannot use {path}: it is {kind}, not a file. Changes in this session will not be saved."
        return OpenedDb(_memory_db(), [reason], read_only=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        problem = file_problem(path)
        if problem:
            aside = set_aside(path, "bad")
            notices.append(_aside_notice(path, problem, aside))
        if not path.exists():
            _create_fresh(path)
        conn, problem = _connect_checked(path)
        if problem or conn is None:
            aside = set_aside(path, "bad")
            notices.append(_aside_notice(path, problem or "could not be checked", aside))
            _create_fresh(path)
            conn = connect(path)
    except (OSError, sqlite3.Error) as exc:
        return _fallback(path, exc, notices)
    opened = OpenedDb(conn, notices, set_aside=bool(notices))
    if aside is not None:
        opened.recovery = _salvage(conn, aside)
    return _check_version(opened)


def _salvage(conn: sqlite3.Connection, aside: Path) -> Recovery:
    """Copy what can be read from the set-aside file; never raises."""
    try:
        return salvage_into(conn, aside)
    except (OSError, sqlite3.Error) as exc:
        return Recovery(source=aside.name, error=reason_of(exc))


def _fallback(path: Path, exc: BaseException, notices: list[str]) -> OpenedDb:
    """When state.db cannot be opened for writing: a read-only view, else memory."""
    view = _read_only_view(path)
    if view is not None:
        reason = (
            f"Cannot write to {path} ({reason_of(exc)}): your reading state is shown, "
            "but changes in this session will not be saved."
        )
        return OpenedDb(view, [*notices, reason], read_only=True)
    reason = f"Cannot use {path}: {reason_of(exc)}. Changes in this session will not be saved."
    return OpenedDb(_memory_db(), [*notices, reason], read_only=True)


def _read_only_view(path: Path) -> sqlite3.Connection | None:
    """Open a sound state.db strictly read-only (a read-only folder or disk), or None."""
    try:
        if not path.is_file() or file_problem(path) is not None:
            return None
    except OSError:
        return None
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.text_factory = decode_text
        if conn.execute("PRAGMA quick_check").fetchall() == [("ok",)] and schema_version(conn):
            return conn
        conn.close()
    except sqlite3.Error:
        pass
    return None


def _aside_notice(path: Path, problem: str, target: Path) -> str:
    """Say that a bad database was set aside, and where it went."""
    return (
        f"Your state database {path} {problem}. It was kept as {target.name} and a new one "
        "was started."
    )


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
    for leftover in [temp, *(temp.with_name(temp.name + s) for s in SIDE_FILES)]:
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
        opened.read_only = True
    elif found < SCHEMA_VERSION:
        try:
            with write_transaction(opened.conn):
                migrate(opened.conn)
        except StateWriteError as exc:
            opened.notices.append(f"Could not upgrade the state database: {exc}")
            opened.read_only = True
    return opened


def _memory_db() -> sqlite3.Connection:
    """An in-memory stand-in so the app can run when the real file cannot be used."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn)
    return conn
