"""state.db under bad conditions: damaged files, newer schema, read-only, disk full.

Root ignores directory permissions, so "read-only" is simulated with ``PRAGMA query_only``
on the store's connection, and "disk full" with ``PRAGMA max_page_count`` (SQLite then
fails writes with its real SQLITE_FULL error). The store's connection is the one
``state.opening`` made last (the ``made`` fixture records them).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tuireader.library.model import Anchor
from tuireader.state import StateStore, StateWriteError, safety
from tuireader.state.safety import (
    connect,
    describe_write_error,
    file_problem,
    set_aside,
    write_transaction,
)
from tuireader.state.schema import SCHEMA_VERSION


@pytest.fixture
def made(monkeypatch) -> list[sqlite3.Connection]:
    """Every connection ``state.opening`` makes, in order: the store's own comes last."""
    import tuireader.state.opening as opening

    connections: list[sqlite3.Connection] = []
    real = opening.connect

    def recording(path: Path) -> sqlite3.Connection:
        connections.append(real(path))
        return connections[-1]

    monkeypatch.setattr(opening, "connect", recording)
    return connections


def aside_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("state.db.bad-"))


def make_full_db(db: Path, count: int = 200) -> None:
    store = StateStore.open(db, backups=False)
    for i in range(count):
        store.bookmarks.add_article(f"fp{i}", f"{i}.txt", "title " * 40)
    store.close()


def test_missing_data_dir_is_created(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "a" / "b" / "state.db")
    assert store.notices == [] and not store.read_only
    store.marks.set_read("fp", "x.txt")
    store.close()
    assert (tmp_path / "a" / "b" / "state.db").is_file()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "was empty"),
        (b"garbage \x00\xff" * 100, "is not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 5000, "damaged"),
    ],
    ids=["empty", "garbage", "bad-header-body"],
)
def test_bad_file_is_kept_aside_and_a_new_one_started(
    tmp_path: Path, content: bytes, said: str
) -> None:
    db = tmp_path / "state.db"
    db.write_bytes(content)
    store = StateStore.open(db, backups=False)
    assert said in store.notices[0]
    assert "No backup" in store.notices[1]
    kept = aside_files(tmp_path)
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert kept[0].name in store.notices[0]
    assert not store.read_only
    store.bookmarks.add_article("fp", "a.txt", "t")
    assert store.bookmarks.count() == 1
    store.close()


def test_damaged_pages_are_found_by_quick_check_and_the_rest_kept(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    make_full_db(db)
    data = bytearray(db.read_bytes())
    data[4096 : 4096 * 3] = b"\xde\xad\xbe\xef" * 2048
    db.write_bytes(bytes(data))
    store = StateStore.open(db, backups=False)
    assert "damaged" in store.notices[0]
    assert aside_files(tmp_path)[0].read_bytes() == bytes(data)
    # Pages 2 and 3 hold article_state and its index: every bookmark is salvaged.
    assert store.bookmarks.count() == 200 and not store.read_only
    assert "Recovered from the damaged file" in store.notices[1]
    store.close()


def test_wal_file_goes_aside_with_its_database(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    db.write_bytes(b"not sqlite at all, but long enough to have a header" * 3)
    (tmp_path / "state.db-wal").write_bytes(b"stale wal")
    store = StateStore.open(db, backups=False)
    kept = aside_files(tmp_path)
    assert [p.name.endswith("-wal") for p in kept] == [False, True]
    assert kept[1].read_bytes() == b"stale wal"
    store.close()


def test_newer_schema_opens_read_only_and_refuses_writes(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    store.marks.set_read("fp", "a.txt")
    store.close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    store = StateStore.open(db)
    assert store.read_only and "newer" in store.notices[0]
    assert store.marks.is_read("fp")  # reading still works
    with pytest.raises(StateWriteError, match="read-only in this session"):
        store.bookmarks.add_article("fp2", "b.txt", "t")  # the reason was in the notice
    store.close()
    assert not (tmp_path / "backups").exists()  # nothing written for a newer schema
    assert aside_files(tmp_path) == []


def test_read_only_database_fails_the_action_not_the_store(tmp_path: Path, made) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.marks.set_read("fp1", "a.txt")
    made[-1].execute("PRAGMA query_only = ON")  # stands in for a read-only disk
    with pytest.raises(StateWriteError, match="read-only"):
        store.marks.set_read("fp2", "b.txt")
    with pytest.raises(StateWriteError):
        store.bookmarks.add_article("fp3", "c.txt", "t")
    assert store.marks.is_read("fp1") and not store.marks.is_read("fp2")
    made[-1].execute("PRAGMA query_only = OFF")
    store.marks.set_read("fp2", "b.txt")  # the same store keeps working afterwards
    assert store.marks.is_read("fp2")
    store.close()


def test_disk_full_fails_the_action_and_keeps_earlier_work(tmp_path: Path, made) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.positions.save("fp0", "a.txt", Anchor(2, 3))
    pages = made[-1].execute("PRAGMA page_count").fetchone()[0]
    made[-1].execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StateWriteError, match="disk is full"):
        store.marks.set_read_many([(f"fp{i}", "x" * 500) for i in range(500)])
    assert not store.marks.is_read("fp1")  # the whole batch was rolled back, not half of it
    assert store.positions.get("fp0") == Anchor(2, 3)
    made[-1].execute("PRAGMA max_page_count = 1073741823")
    store.marks.set_read("fp1", "a.txt")
    assert store.marks.is_read("fp1")
    assert store.integrity_ok()
    store.close()


def test_unusable_data_dir_gives_a_working_memory_store(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = StateStore.open(blocker / "state.db")
    assert store.read_only and "will not be saved" in store.notices[0]
    assert not store.marks.is_read("fp") and store.bookmarks.count() == 0
    with pytest.raises(StateWriteError):
        store.marks.set_read("fp", "a.txt")
    store.close()
    assert blocker.read_text() == "a file where the data folder should be"


def test_two_stores_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    first, second = StateStore.open(db), StateStore.open(db)
    for i in range(20):
        first.bookmarks.add_article(f"a{i}", "a.txt", "t")
        second.bookmarks.add_article(f"b{i}", "b.txt", "t")
    assert first.bookmarks.count() == second.bookmarks.count() == 40
    first.close()
    second.close()


def test_database_settings(tmp_path: Path, made) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    conn = made[-1]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()


def test_unwritable_file_is_shown_read_only(tmp_path: Path, monkeypatch) -> None:
    """A read-only folder makes SQLite fail to open for writing; root cannot reproduce
    that with chmod, so the writable connect is made to fail the way SQLite does."""
    import tuireader.state.opening as safety

    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    store.marks.set_read("fp1", "a.txt")
    store.close()

    def refuse(path):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(safety, "connect", refuse)
    store = StateStore.open(db)
    assert store.read_only and "will not be saved" in store.notices[0]
    assert store.marks.is_read("fp1")  # the user's state is still shown
    with pytest.raises(StateWriteError, match="read-only in this session"):
        store.marks.set_read("fp2", "b.txt")
    store.close()
    assert aside_files(tmp_path) == []


def test_an_old_schema_is_migrated_on_open(tmp_path: Path, made) -> None:
    db = tmp_path / "state.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE unrelated(x)")  # a real SQLite file at user_version 0
    conn.commit()
    conn.close()
    store = StateStore.open(db, backups=False)
    assert store.notices == [] and not store.read_only
    assert made[-1].execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.bookmarks.add_article("fp", "a.txt", "t")
    assert made[-1].execute("SELECT count(*) FROM unrelated").fetchone() == (0,)
    store.close()


def _fail_midway(conn: sqlite3.Connection) -> None:
    """A write whose first statement worked and whose second failed (SQLite kept the
    transaction open: unlike a full disk, a failed statement does not end it)."""
    with write_transaction(conn) as c:
        c.execute("INSERT INTO notes(text) VALUES ('half')")
        c.execute("INSERT INTO notes(missing_column) VALUES ('x')")


def test_after_a_failed_write_the_next_write_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    conn, other = connect(db), connect(db)
    conn.execute("CREATE TABLE notes(text TEXT)")
    with pytest.raises(StateWriteError):
        _fail_midway(conn)
    assert not conn.in_transaction  # rolled back: no write lock held
    with write_transaction(conn) as c:  # the same connection can save again
        c.execute("INSERT INTO notes(text) VALUES ('next')")
    other.execute("PRAGMA busy_timeout = 100")  # another instance is not locked out
    with write_transaction(other) as c:
        c.execute("INSERT INTO notes(text) VALUES ('other')")
    rows = [row[0] for row in other.execute("SELECT text FROM notes ORDER BY rowid")]
    assert rows == ["next", "other"]  # nothing of the failed write was kept
    conn.close()
    other.close()


def test_an_error_raised_by_the_caller_also_rolls_back(tmp_path: Path) -> None:
    conn = connect(tmp_path / "state.db")
    conn.execute("CREATE TABLE notes(text TEXT)")
    with pytest.raises(KeyError), write_transaction(conn) as c:
        c.execute("INSERT INTO notes(text) VALUES ('half')")
        raise KeyError("not a database error: passed on as it is")
    with write_transaction(conn) as c:
        c.execute("INSERT INTO notes(text) VALUES ('next')")
    assert [row[0] for row in conn.execute("SELECT text FROM notes")] == ["next"]
    conn.close()


def test_three_files_set_aside_in_the_same_second_get_three_names(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(safety, "file_stamp", lambda: "20240208T190500")  # one second
    db = tmp_path / "state.db"
    kept = []
    for content in (b"first", b"second", b"third"):
        db.write_bytes(content)
        kept.append(set_aside(db, "bad"))
    assert [path.name for path in kept] == [
        "state.db.bad-20240208T190500",
        "state.db.bad-20240208T190500-1",
        "state.db.bad-20240208T190500-2",
    ]
    assert [path.read_bytes() for path in kept] == [b"first", b"second", b"third"]
    assert not db.exists()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (sqlite3.OperationalError("database or disk is full"), "Not saved: the disk is full. Free some space and try again."),
        (sqlite3.OperationalError("attempt to write a readonly database"), "Not saved: the data folder is read-only."),
        (OSError("a read-only file system"), "Not saved: the data folder is read-only."),
        (PermissionError(13, "Permission denied"), "Not saved: the data folder is read-only."),
        (sqlite3.OperationalError("database is locked"), "Not saved: another tuireader is busy writing; try again."),
        (sqlite3.OperationalError("the database is busy"), "Not saved: another tuireader is busy writing; try again."),
        (sqlite3.OperationalError("no such table: notes"), "Not saved: no such table: notes."),
        (OSError(5, "Input/output error"), "Not saved: Input/output error."),
        (sqlite3.DatabaseError(), "Not saved: DatabaseError."),
    ],
)  # fmt: skip
def test_each_write_failure_gets_its_message(error: Exception, message: str) -> None:
    assert describe_write_error(error) == message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, None),
        (b"", "was empty"),
        (b"plain text, not a database", "is not a SQLite database"),
        (b"SQLite format 3\x00" + bytes(100), None),
    ],
)
def test_file_problem_names_what_is_wrong(tmp_path: Path, content, problem) -> None:
    path = tmp_path / "state.db"
    if content is not None:
        path.write_bytes(content)
    assert file_problem(path) == problem


def test_a_connection_autocommits_and_serves_other_threads(tmp_path: Path) -> None:
    import threading

    conn, other = connect(tmp_path / "state.db"), connect(tmp_path / "state.db")
    conn.execute("CREATE TABLE notes(text TEXT)")
    conn.execute("INSERT INTO notes(text) VALUES ('at once')")  # no transaction left open
    assert not conn.in_transaction
    assert other.execute("SELECT text FROM notes").fetchall() == [("at once",)]
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(conn.execute("SELECT 1").fetchone()))
    worker.start()
    worker.join()
    assert seen == [(1,)]  # the app writes from worker threads through one connection
    conn.close()
    other.close()
