"""What salvage reports and writes: every count of a Recovery, the bookmark id counter,
deleted rows kept deleted, and a damaged free list that never hides live rows."""

from __future__ import annotations

import random
import sqlite3
import struct
from pathlib import Path

import pytest
from state_drill import PAGE, build_state, damage, leaf_pages

from tuireader.library.model import Anchor
from tuireader.state import StateStore
from tuireader.state.backup import recovery_notice
from tuireader.state.safety import connect
from tuireader.state.salvage import Recovery, salvage_into
from tuireader.state.schema import migrate


@pytest.fixture
def fresh(tmp_path: Path):
    """A new, migrated database to salvage into (what opening makes after a set-aside)."""
    conn = connect(tmp_path / "new.db")
    migrate(conn)
    yield conn
    conn.close()


def _store_with_everything(db: Path) -> dict[str, object]:
    """Ten bookmarks (four with notes, two deleted), marks, a position and saved searches."""
    store = StateStore.open(db, backups=False)
    made = [
        store.bookmarks.add_article(f"fp{i}", f"{i}.md", f"Title {i}", "note" if i < 4 else "")
        for i in range(10)
    ]
    trashed = [made[0], made[9]]
    for b in trashed:
        store.bookmarks.delete(b.id)
    store.marks.set_read_many([("fpA", "a.md"), ("fpB", "b.md")])
    store.positions.save("fpC", "c.md", Anchor(2, 3))
    store.searches.save("econ", "经济")
    store.searches.save("tech", "chip -phone")
    store.close()
    return {"trashed": {b.uid for b in trashed}}


def test_a_sound_file_is_copied_whole_and_counted(tmp_path: Path, fresh) -> None:
    db = tmp_path / "state.db"
    made = _store_with_everything(db)
    recovery = salvage_into(fresh, db)
    assert recovery == Recovery(
        source="state.db",
        bookmarks=8,
        notes=3,
        marks=3,
        searches=2,
        trashed_uids=made["trashed"],
        missing_bookmarks=0,
    )
    assert recovery_notice(recovery, None) == (
        "Recovered from the damaged file state.db: 8 bookmark(s) (3 with notes), "
        "3 read mark(s)/position(s), 2 saved search(es). No backup was found to add to it. "
        "Nothing was lost."
    )
    rows = fresh.execute("SELECT name, query FROM saved_searches ORDER BY name").fetchall()
    assert rows == [("econ", "经济"), ("tech", "chip -phone")]
    assert fresh.execute("SELECT count(*) FROM bookmarks_trash").fetchone() == (2,)


def test_rows_lost_from_the_file_are_counted_as_missing(tmp_path: Path, fresh) -> None:
    db = tmp_path / "state.db"
    _store_with_everything(db)
    with sqlite3.connect(db) as conn:  # rows a damaged page took with it
        conn.execute("DELETE FROM bookmarks WHERE id IN (3, 4, 9)")  # of live 2..9
        conn.execute("DELETE FROM bookmarks_trash WHERE id = 1")  # of the trash's 1 and 10
    recovery = salvage_into(fresh, db)
    assert (recovery.bookmarks, recovery.missing_bookmarks) == (5, 4)
    assert recovery_notice(recovery, None).endswith(
        "Not recovered: 4 bookmark(s) found in neither."
    )


def test_a_new_bookmark_never_takes_an_id_handed_out_before(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    for i in range(6):
        store.bookmarks.add_article(f"fp{i}", f"{i}.md", f"T{i}")
    store.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM bookmarks WHERE id >= 5")  # the newest, lost for good
    (index,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='bookmarks_uid'")
    conn.close()  # checkpointed: the damage below is not hidden by a newer page in the WAL
    damage(db, index[0], random.Random(3), size=16, offset=0)  # SQLite still reads the rest
    store = StateStore.open(db, backups=False)
    try:
        assert store.bookmarks.add_article("new", "new.md", "New").id == 7
        assert "2 bookmark(s) found in neither" in store.notices[-1]
    finally:
        store.close()


def test_an_unreadable_file_is_an_error_with_every_count_zero(tmp_path: Path, fresh) -> None:
    recovery = salvage_into(fresh, tmp_path / "gone.db")
    assert recovery == Recovery(
        source="gone.db", error="No such file or directory", missing_bookmarks=None
    )
    assert recovery_notice(recovery, None) == (
        "Nothing could be read from the damaged file gone.db. No backup was found to add to "
        "it. Not recovered: the damaged file could not be read (No such file or directory)."
    )


def test_a_file_of_no_pages_salvages_nothing_and_says_so(tmp_path: Path, fresh) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00\x01" * 3000)
    recovery = salvage_into(fresh, bad)
    assert (recovery.bookmarks, recovery.marks, recovery.searches, recovery.error) == (0, 0, 0, "")
    assert recovery.missing_bookmarks is None
    assert fresh.execute("SELECT count(*) FROM bookmarks").fetchone() == (0,)


def _free_list_trunk(db: Path) -> int:
    """The first trunk page of the file's free list."""
    return struct.unpack(">I", db.read_bytes()[32:36])[0]


def test_a_garbage_free_list_trunk_never_hides_live_rows(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    build_state(db, 300)
    store = StateStore.open(db, backups=False)
    from tuireader.state.vocabulary import VocabWord

    words = [VocabWord(f"词{i}", "cí", "word " * 200) for i in range(60)]
    for word in words:
        store.vocab.save(word)
    for word in words:  # their pages go on the free list
        store.vocab.remove(word.word)
    store.close()
    trunk = _free_list_trunk(db)
    assert trunk, "the test needs a free list"
    with sqlite3.connect(db) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='bookmarks'").fetchone()
    leaf = leaf_pages(db, "bookmarks")[0]
    data = bytearray(db.read_bytes())
    start = (trunk - 1) * PAGE
    # A trunk whose leaf count is garbage: its next-trunk pointer cannot be trusted either.
    data[start : start + 8] = struct.pack(">II", leaf, 0xFFFFFFFF)
    start = (root[0] - 1) * PAGE
    data[start + 8 : start + 40] = b"\xff" * 32  # the root's child pointers: scans fail
    db.write_bytes(bytes(data))
    store = StateStore.open(db, backups=False)
    try:
        assert store.bookmarks.count() == 300
        assert "read page by page" in " ".join(store.notices)
    finally:
        store.close()
