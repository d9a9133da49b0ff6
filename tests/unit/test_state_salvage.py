"""A damaged state.db: every readable row is salvaged before the newest backup is merged."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from state_drill import PAGE, build_state, damage, leaf_pages, page_count

from tuireader.state import StateStore
from tuireader.state.backup import write_backup

COUNT = 1000


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One sound state.db of 1,000 bookmarks, copied by each test."""
    db = tmp_path_factory.mktemp("drill") / "state.db"
    build_state(db, COUNT)
    return db


def copy_of(sound: Path, tmp_path: Path) -> Path:
    db = tmp_path / "state.db"
    db.write_bytes(sound.read_bytes())
    return db


def empty_backup_of_the_morning(tmp_path: Path) -> None:
    """The day's backup, taken at the first open before any bookmark was added."""
    store = StateStore.open(tmp_path / "morning.db", backups=False)
    write_backup(store, tmp_path / "backups")
    store.close()


def test_one_damaged_page_near_the_end_keeps_99_percent(sound: Path, tmp_path: Path) -> None:
    empty_backup_of_the_morning(tmp_path)
    # The nearest page to the end whose damage SQLite notices: which pages hold what
    # depends on the random bookmark ids, so a fixed page number is sometimes a free one.
    for page in range(page_count(sound) - 2, 1, -1):
        db = copy_of(sound, tmp_path)
        damage(db, page, random.Random(13))
        conn = sqlite3.connect(db)
        noticed = conn.execute("PRAGMA quick_check").fetchone() != ("ok",)
        conn.close()
        if noticed:
            break
    else:
        pytest.fail("no damaged page was noticed by SQLite")
    store = StateStore.open(db)
    try:
        assert store.bookmarks.count() >= 0.99 * COUNT
        assert any("Recovered from the damaged file" in n for n in store.notices)
    finally:
        store.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_bookmark_page_loses_at_most_its_damaged_records(
    sound: Path, tmp_path: Path, seed: int
) -> None:
    db = copy_of(sound, tmp_path)
    empty_backup_of_the_morning(tmp_path)
    rng = random.Random(seed)
    damage(db, leaf_pages(db, "bookmarks")[-1 - seed], rng)  # a leaf of the table itself
    store = StateStore.open(db)
    try:
        kept = store.bookmarks.count()
        notices = store.notices
    finally:
        store.close()
    assert kept >= 0.99 * COUNT, notices
    if notices:  # damage inside a record can leave the structure sound: nothing is set aside
        assert f"{kept} bookmark(s)" in notices[-1]
    if kept < COUNT:
        assert f"{COUNT - kept} bookmark(s) found in neither" in notices[-1]


def test_a_damaged_interior_page_is_read_around(sound: Path, tmp_path: Path) -> None:
    db = copy_of(sound, tmp_path)
    with sqlite3.connect(db) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='bookmarks'").fetchone()
    data = bytearray(db.read_bytes())
    start = (root[0] - 1) * PAGE
    data[start : start + PAGE] = random.Random(5).randbytes(PAGE)  # the whole root page
    db.write_bytes(bytes(data))
    store = StateStore.open(db, backups=False)
    try:
        assert store.bookmarks.count() == COUNT
        assert "read page by page" in store.notices[1]
        notes = [b.note for b in store.bookmarks.matching() if b.note]
        assert len(notes) == len(range(0, COUNT, 3))
        assert store.marks.is_read(f"{0:032x}") and store.positions.get(f"{5:032x}") is not None
    finally:
        store.close()


def test_notes_marks_and_sources_are_counted_in_the_message(sound: Path, tmp_path: Path) -> None:
    db = copy_of(sound, tmp_path)
    empty_backup_of_the_morning(tmp_path)
    damage(db, leaf_pages(db, "bookmarks")[-3], random.Random(8), size=8, offset=0)  # header
    store = StateStore.open(db)
    try:
        bookmarks, notes = (
            store.bookmarks.count(),
            sum(1 for b in store.bookmarks.matching() if b.note),
        )
        marks = len(store.marks.dump())
        notice = " ".join(store.notices)
    finally:
        store.close()
    assert "It was kept as state.db.bad-" in notice
    assert "Recovered from the damaged file state.db.bad-" in notice
    assert f"{bookmarks} bookmark(s) ({notes} with notes), {marks} read mark(s)" in notice
    assert "From the backup state-" in notice


def test_deleted_bookmarks_stay_deleted(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    build_state(db, 300)
    store = StateStore.open(db, backups=False)
    write_backup(store, tmp_path / "backups")  # the backup still holds every bookmark
    doomed = store.bookmarks.matching()[:120]
    for b in doomed:
        store.bookmarks.delete(b.id)
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM")  # freed pages of the deleted rows end on the free list
    with sqlite3.connect(db) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='bookmarks'").fetchone()
    data = bytearray(db.read_bytes())
    start = (root[0] - 1) * PAGE
    data[start + 8 : start + 40] = b"\xff" * 32  # the root's child pointers: scans fail
    db.write_bytes(bytes(data))
    store = StateStore.open(db)
    try:
        uids = {b.uid for b in store.bookmarks.matching()}
    finally:
        store.close()
    assert not uids & {b.uid for b in doomed}
    assert len(uids) == 300 - 120


def test_a_garbage_header_still_gives_the_rows_back(sound: Path, tmp_path: Path) -> None:
    db = copy_of(sound, tmp_path)
    data = bytearray(db.read_bytes())
    data[:100] = b"\x00" * 100
    db.write_bytes(bytes(data))
    store = StateStore.open(db, backups=False)
    try:
        assert "not a SQLite database" in store.notices[0]
        assert store.bookmarks.count() == COUNT
    finally:
        store.close()


def test_new_bookmarks_never_reuse_a_trashed_id(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    build_state(db, 20)
    store = StateStore.open(db, backups=False)
    token = store.bookmarks.delete(max(b.id for b in store.bookmarks.matching()))
    store.close()
    data = bytearray(db.read_bytes())
    data[:16] = b"not sqlite at al"
    db.write_bytes(bytes(data))
    store = StateStore.open(db, backups=False)
    try:
        added = store.bookmarks.add_article("new", "new.md", "New")
        assert added.id > token
        back = store.bookmarks.undo_delete(token)
        assert back is not None and back.id == token
        assert store.bookmarks.count() == 21
    finally:
        store.close()


def test_records_go_to_the_table_whose_types_they_fit(tmp_path: Path) -> None:
    from tuireader.state.safety import connect
    from tuireader.state.salvage import salvage, table_shapes
    from tuireader.state.schema import migrate

    db = tmp_path / "state.db"
    conn = connect(db)
    migrate(conn)
    # article_state and reading_time both have seven columns.
    conn.executemany(
        "INSERT INTO article_state VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(f"fp{i:04d}" + "x" * 60, f"{i}.md", i % 2, None, i, 0, "t") for i in range(400)],
    )
    conn.executemany(
        "INSERT INTO reading_time VALUES (?, ?, ?, ?, ?, ?, ?)",
        [("2024-01-01", f"fp{i:04d}", f"{i}.md", "T" * 50, "S", 1.5, 10) for i in range(300)],
    )
    shapes = table_shapes(conn)
    conn.close()
    with sqlite3.connect(db) as check:
        roots = dict(check.execute("SELECT name, rootpage FROM sqlite_master").fetchall())
    data = bytearray(db.read_bytes())
    for table in ("article_state", "reading_time"):
        start = (roots[table] - 1) * PAGE
        data[start + 8 : start + 16] = b"\xff" * 8  # break each root's child pointers
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    assert set(found.page_read) >= {"article_state", "reading_time"}
    assert len(found.rows["article_state"]) == 400
    assert len(found.rows["reading_time"]) == 300
    assert all(isinstance(row[2], int) for row in found.rows["article_state"].values())
    assert found.damaged_records == 0


def garble_header(db: Path) -> None:
    """Overwrite the file's magic string: SQLite cannot read it, salvage reads its pages."""
    data = bytearray(db.read_bytes())
    data[:16] = b"not sqlite at al"
    db.write_bytes(bytes(data))


def test_a_note_longer_than_a_page_is_salvaged_whole(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    build_state(db, 20)
    long_note = "".join(f"第{i}行：值得再读一遍。line {i}\n" for i in range(600))  # ~16 kB
    store = StateStore.open(db, backups=False)
    store.bookmarks.add_article("f" * 32, "news/long.md", "Long", long_note)
    store.close()
    garble_header(db)
    store = StateStore.open(db, backups=False)
    try:
        notes = {b.path: b.note for b in store.bookmarks.matching()}
        notice = " ".join(store.notices)
    finally:
        store.close()
    assert "read page by page" in notice
    assert len(notes) == 21
    assert notes["news/long.md"] == long_note


def _with_wal(tmp_path: Path, change) -> Path:
    """A copy of a live state.db and its -wal, taken while ``change``'s writes were still
    in the WAL (not yet copied into the main file)."""
    db = tmp_path / "live" / "state.db"
    db.parent.mkdir()
    build_state(db, 20)  # closed: these are in the main file
    store = StateStore.open(db, backups=False)
    change(store)
    copy = tmp_path / "state.db"
    copy.write_bytes(db.read_bytes())
    copy.with_name("state.db-wal").write_bytes(db.with_name("state.db-wal").read_bytes())
    store.close()
    return copy


def test_bookmarks_still_in_the_wal_are_salvaged(tmp_path: Path) -> None:
    def add(store: StateStore) -> None:
        for i in range(20, 50):
            store.bookmarks.add_article(f"{i:032x}", f"news/{i}.md", f"Article {i}")

    copy = _with_wal(tmp_path, add)
    data = bytearray(copy.read_bytes())
    data[:100] = b"\x00" * 100  # file_problem: set aside with its -wal
    copy.write_bytes(bytes(data))
    store = StateStore.open(copy, backups=False)
    try:
        paths = {b.path for b in store.bookmarks.matching()}
    finally:
        store.close()
    assert paths == {f"news/{i}.md" for i in range(50)}


def test_notes_changed_in_the_wal_come_back_when_the_file_cannot_be_opened(
    tmp_path: Path,
) -> None:
    def annotate(store: StateStore) -> None:
        for b in store.bookmarks.matching():
            store.bookmarks.set_note(b.id, f"N{b.id:04d}")

    copy = _with_wal(tmp_path, annotate)
    garble_header(copy)  # SQLite cannot read it, but still folds the WAL into its copy
    store = StateStore.open(copy, backups=False)
    try:
        notes = sorted(b.note for b in store.bookmarks.matching())
        notice = " ".join(store.notices)
    finally:
        store.close()
    assert "read page by page" in notice
    assert notes == [f"N{i:04d}" for i in range(1, 21)]


def test_a_damaged_index_loses_nothing_and_needs_no_page_read(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    build_state(db, 300)
    damage(db, leaf_pages(db, "bookmarks_uid")[0], random.Random(3), size=16, offset=0)
    store = StateStore.open(db, backups=False)
    try:
        count = store.bookmarks.count()
        notice = " ".join(store.notices)
    finally:
        store.close()
    assert "Recovered from the damaged file state.db.bad-" in notice
    assert "300 bookmark(s) (100 with notes)" in notice
    assert "page by page" not in notice  # saved searches were never made: not damage
    assert "Nothing was lost." in notice
    assert count == 300
