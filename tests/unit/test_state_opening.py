"""Opening state.db when something is in the way, word for word: a FIFO, an unusable or
unwritable folder, a foreign or half-migrated file, a file system without hard links, a
blocked backups folder; and the backup schedule of an open store."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import tuireader.state.opening as opening
from tuireader.state import StateStore, StateWriteError
from tuireader.state.backup import CHANGES_PER_BACKUP, BackupSchedule, backups

SAVED_NOT = "Changes in this session will not be saved."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_the_file_gives_a_memory_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "state.db"
    os.mkfifo(db)
    monkeypatch.chdir(tmp_path)  # the stand-in lives in memory: no file appears here
    store = StateStore.open(db)
    try:
        assert store.read_only
        assert store.notices == [
            f"Cannot use {db}: it is a FIFO (named pipe), not a file. {SAVED_NOT}"
        ]
        assert store.bookmarks.count() == 0 and store.marks.dump() == []
        with pytest.raises(StateWriteError, match="read-only in this session"):
            store.marks.set_read("fp", "a.txt")
    finally:
        store.close()
    assert [p.name for p in tmp_path.iterdir()] == ["state.db"]


def test_an_unusable_folder_says_why_and_keeps_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = StateStore.open(blocker / "state.db")
    try:
        assert store.notices == [f"Cannot use {blocker / 'state.db'}: File exists. {SAVED_NOT}"]
    finally:
        store.close()


def _refuse_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder: SQLite cannot open the file for writing (root ignores chmod)."""

    def refuse(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(opening, "connect", refuse)


def test_an_unwritable_state_is_shown_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "state.db"
    StateStore.open(db, backups=False).close()
    _refuse_writing(monkeypatch)
    store = StateStore.open(db)
    try:
        assert store.notices == [
            f"Cannot write to {db} (unable to open database file): your reading state is "
            "shown, but changes in this session will not be saved."
        ]
        assert store.read_only
    finally:
        store.close()
    assert backups(tmp_path / "backups") == []  # a read-only store writes no backup


@pytest.mark.parametrize("content", [b"", b"garbage" * 100, None], ids=["empty", "garbage", "none"])
def test_an_unwritable_folder_without_a_usable_file_gives_a_memory_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    db = tmp_path / "state.db"
    if content is not None:
        db.write_bytes(content)
    _refuse_writing(monkeypatch)
    store = StateStore.open(db)
    try:
        assert store.read_only
        assert store.notices[-1] == (f"Cannot use {db}: unable to open database file. {SAVED_NOT}")
        assert store.bookmarks.count() == 0
    finally:
        store.close()


def test_an_unwritable_foreign_database_is_not_shown_as_a_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "state.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE unrelated(x)")  # a sound SQLite file, but not a tuireader state
    conn.commit()
    conn.close()
    _refuse_writing(monkeypatch)
    store = StateStore.open(db)
    try:
        assert store.notices == [f"Cannot use {db}: unable to open database file. {SAVED_NOT}"]
    finally:
        store.close()


def test_a_failed_upgrade_opens_read_only_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE bookmarks(x)")  # left by a half-done upgrade at version 0
    conn.commit()
    conn.close()
    store = StateStore.open(db, backups=False)
    try:
        assert store.notices == [
            "Could not upgrade the state database: Not saved: table bookmarks already exists."
        ]
        assert store.read_only
        with pytest.raises(StateWriteError, match="read-only in this session"):
            store.marks.set_read("fp", "a.txt")
    finally:
        store.close()


def test_without_hard_links_the_new_file_is_moved_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    try:
        assert store.notices == [] and not store.read_only
        store.marks.set_read("fp", "a.txt")
        assert store.marks.is_read("fp")
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".new-" in p.name) == []


def test_a_state_another_instance_made_first_is_used(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    first = StateStore.open(db, backups=False)
    first.marks.set_read("fp", "a.txt")
    second = StateStore.open(db, backups=False)
    try:
        assert second.marks.is_read("fp") and second.notices == []
    finally:
        first.close()
        second.close()
    assert [p.name for p in tmp_path.iterdir() if ".new-" in p.name] == []


def test_a_blocked_backups_folder_is_a_notice_at_open(tmp_path: Path) -> None:
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    store = StateStore.open(tmp_path / "state.db")
    try:
        assert len(store.notices) == 1
        assert store.notices[0].startswith(f"Could not write a backup in {tmp_path / 'backups'}: ")
        store.marks.set_read("fp", "a.txt")  # the store works all the same
    finally:
        store.close()


def test_the_schedule_backs_up_at_the_nth_change_and_at_close(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    folder = tmp_path / "backups"
    schedule = BackupSchedule(store, folder)
    schedule.at_close()
    assert backups(folder) == []  # nothing changed: no backup
    for _ in range(CHANGES_PER_BACKUP - 1):
        schedule.changed()
    assert backups(folder) == [] and schedule.pending == CHANGES_PER_BACKUP - 1
    schedule.changed()
    assert len(backups(folder)) == 1 and schedule.pending == 0
    schedule.at_close()
    assert len(backups(folder)) == 1
    schedule.changed()
    for path in backups(folder):
        path.unlink()
    schedule.at_close()
    assert len(backups(folder)) == 1 and schedule.pending == 0
    store.close()


def test_a_failed_scheduled_backup_keeps_its_reason_until_one_succeeds(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    folder = tmp_path / "backups"
    folder.write_text("a file where the backups folder should be")
    schedule = BackupSchedule(store, folder)
    schedule.changed()
    schedule.backup_now()
    assert schedule.problem is not None
    assert schedule.problem.startswith(f"Could not write a backup in {folder}: ")
    assert schedule.pending == 0  # the count starts again even so
    folder.unlink()
    schedule.backup_now()
    assert schedule.problem is None and len(backups(folder)) == 1
    store.close()


def test_a_read_only_view_writes_nothing_beside_the_file_and_serves_other_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    db = tmp_path / "state.db"
    first = StateStore.open(db, backups=False)
    first.marks.set_read("fp", "a.txt")
    first.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    _refuse_writing(monkeypatch)
    store = StateStore.open(db, backups=False)
    try:
        assert store.read_only
        seen: list[bool] = []
        reader = threading.Thread(target=lambda: seen.append(store.marks.is_read("fp")))
        reader.start()
        reader.join()
        assert seen == [True]
        # A read-only folder takes no new -wal or -shm file: the view opens immutable.
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    finally:
        store.close()


def test_a_damaged_file_is_named_with_sqlites_first_finding(tmp_path: Path) -> None:
    import random

    from state_drill import build_state, damage, leaf_pages

    db = tmp_path / "state.db"
    build_state(db, 200)
    damage(db, leaf_pages(db, "bookmarks")[1], random.Random(4), size=8, offset=8)
    conn = sqlite3.connect(db)
    found = conn.execute("PRAGMA quick_check").fetchall()
    conn.close()
    assert len(found) > 1 and found[0] != ("ok",)  # SQLite lists more than one finding
    first = found[0][0]
    store = StateStore.open(db, backups=False)
    try:
        (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("state.db.bad-")]
        assert store.notices[0] == (
            f"Your state database {db} is damaged ({first}). It was kept as {aside.name} "
            "and a new one was started."
        )
    finally:
        store.close()
