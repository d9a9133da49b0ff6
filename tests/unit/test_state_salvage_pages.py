"""The page-by-page reader gives back exactly what SQLite reads: every value type a
record can hold, overflow pages, every page size, rows deleted for real left out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tuireader.state.safety import connect
from tuireader.state.salvage import TABLES, salvage, table_shapes
from tuireader.state.schema import migrate
from tuireader.state.searches import CREATE_TABLE


def _fill(db: Path, page_size: int) -> None:
    """A state.db of ``page_size`` pages holding every kind of value salvage must decode."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("BEGIN")
    migrate(conn)
    conn.execute(CREATE_TABLE)
    numbers = [
        0,
        1,
        -1,
        127,
        -300,
        70_000,
        -(2**23),
        2**31 - 1,
        -(2**40),
        2**47 - 1,
        2**62,
        -(2**63),
    ]
    for i, number in enumerate(numbers * 3):
        conn.execute(
            "INSERT INTO article_state VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"fp{i:03d}", None if i % 4 == 0 else f"新闻/{i}.md", i % 2,
             None if i % 2 == 0 else "2024-01-01T00:00:00.000Z", number, -number // 3 or None,
             "2024-01-02T00:00:00.000Z"),
        )  # fmt: skip
    for i in range(40):
        note = "长" * (i * 97) + "🙂" if i % 5 else ""  # up to ~11 kB: overflow pages
        conn.execute(
            "INSERT INTO bookmarks(uid, fingerprint, path, title, quote, note, created, updated,"
            " block, start_offset, end_block, end_offset) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (f"uid{i}", f"fp{i}", f"{i}.md", f"标题 {i}", None if i % 3 == 0 else f"quote {i}",
             note, "c", "u", i, i * 1000, i + 1, 2**31 - 1),
        )  # fmt: skip
    for i in range(30):
        conn.execute(
            "INSERT INTO reading_time VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"2024-01-{i % 28 + 1:02d}", f"fp{i}", "p", "t", "s", [0.0, 1.5, 1e-9, 3.0, 12345.678][i % 5], i * 7),
        )  # fmt: skip
    conn.execute("INSERT INTO reading_finished VALUES ('fp1', '2024-01-01', 'p', 't')")
    # A record with no body at all: every value is NULL, a 0/1 constant or empty text.
    conn.execute("INSERT INTO article_state VALUES ('', NULL, 1, NULL, NULL, NULL, NULL)")
    for i in range(25):
        conn.execute(
            "INSERT INTO vocabulary(word, definitions, lookups, created, updated)"
            " VALUES (?, ?, ?, 'c', 'u')",
            (f"词{i}", "definition " * (i * 30), i + 1),
        )
    conn.execute("INSERT INTO saved_searches VALUES ('econ', '经济 -发展', 'c')")
    conn.execute("DELETE FROM bookmarks WHERE id IN (7, 8)")  # deleted for real
    conn.execute("DELETE FROM vocabulary WHERE id > 20")
    for rowid in (-5, -(2**63), 2**62):  # rowids stored as nine-byte varints
        conn.execute(
            "INSERT INTO vocabulary(id, word, created, updated) VALUES (?, ?, 'c', 'u')",
            (rowid, f"词{rowid}"),
        )
    conn.execute("COMMIT")
    conn.close()


def _sqlite_rows(db: Path, shapes) -> dict[str, dict[int, tuple]]:
    conn = sqlite3.connect(db)
    try:
        rows = {}
        for table, columns in shapes.items():
            names = ", ".join(c.name for c in columns)
            found = conn.execute(f"SELECT rowid, {names} FROM {table}").fetchall()
            rows[table] = {rowid: tuple(values) for rowid, *values in found}
        return rows
    finally:
        conn.close()


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory):
    conn = connect(tmp_path_factory.mktemp("shapes") / "state.db")
    migrate(conn)
    conn.execute(CREATE_TABLE)
    found = table_shapes(conn)
    conn.close()
    return found


@pytest.mark.parametrize("page_size", [512, 4096, 65536])
def test_the_page_reader_reads_what_sqlite_reads(tmp_path: Path, shapes, page_size: int) -> None:
    db = tmp_path / "state.db"
    _fill(db, page_size)
    expected = _sqlite_rows(db, shapes)
    assert len(expected["bookmarks"]) == 38 and len(expected["vocabulary"]) == 23
    data = bytearray(db.read_bytes())
    assert int.from_bytes(data[16:18], "big") == (1 if page_size == 65536 else page_size)
    data[100:108] = b"\xff" * 8  # the schema's page: SQLite reads no table at all
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    assert sorted(found.page_read) == sorted(TABLES)
    assert (found.damaged_records, found.unreadable_pages, found.error) == (0, 0, "")
    for table in TABLES:
        assert found.rows[table] == expected[table], table
    assert found.bookmark_sequence is None  # sqlite_sequence is not read page by page


def test_the_shapes_come_from_the_schema(shapes) -> None:
    state = {c.name: c for c in shapes["article_state"]}
    assert (state["fingerprint"].kind, state["fingerprint"].not_null) == ("TEXT", False)
    assert (state["read"].kind, state["read"].not_null, state["read"].is_rowid) == (
        "INTEGER", True, False
    )  # fmt: skip
    assert not any(c.is_rowid for c in shapes["article_state"])  # a TEXT primary key
    assert not any(c.is_rowid for c in shapes["reading_time"])  # a primary key of two
    ids = [c.name for c in shapes["bookmarks"] if c.is_rowid]
    assert ids == ["id"] and [c.name for c in shapes["vocabulary"] if c.is_rowid] == ["id"]
    assert {c.kind for c in shapes["reading_time"]} == {"TEXT", "REAL", "INTEGER"}
    assert set(shapes) == set(TABLES)


PAGE = 4096


def _finished_rows(db: Path, count: int = 50) -> int:
    """A state.db whose reading_finished rows (four TEXT columns) fill one leaf page;
    returns that page's number."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn)
    for i in range(count):
        conn.execute(
            "INSERT INTO reading_finished VALUES (?, '2024-01-01', ?, 'T')",
            (f"fp{i:03d}", f"{i}.md"),
        )
    conn.execute("COMMIT")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='reading_finished'")
    conn.close()
    return int(root[0])


def _cells(data: bytearray, page: int) -> list[int]:
    """The file offsets of a leaf page's cells, in pointer order."""
    start = (page - 1) * PAGE
    count = int.from_bytes(data[start + 3 : start + 5], "big")
    return [start + int.from_bytes(data[start + 8 + 2 * i : start + 10 + 2 * i], "big")
            for i in range(count)]  # fmt: skip


def test_damaged_records_are_counted_and_their_neighbours_kept(tmp_path: Path, shapes) -> None:
    db = tmp_path / "state.db"
    page = _finished_rows(db)
    data = bytearray(db.read_bytes())
    cells = _cells(data, page)
    assert len(cells) == 50
    # Each cell: payload size, rowid (one byte each here), record header size, serial types.
    first, second, third, fourth, fifth, sixth, *more = cells[:10]
    data[first + 3] = 10  # a reserved serial type
    data[second + 2 + data[second + 2]] = 0xFF  # the fingerprint is no longer UTF-8
    data[third + 2] = 0  # an impossible record header size
    data[fourth] = 0x7F  # a payload longer than its record: the record does not fit
    data[fifth + 4] = 11  # the other reserved serial type
    start = (page - 1) * PAGE
    pointer = start + 8 + 2 * cells.index(sixth)
    data[pointer : pointer + 2] = (8).to_bytes(2, "big")  # into the pointer list: no cell
    # The title's serial type (the fourth, at +6): each says more than the record holds.
    for cell, serial in zip(more, (6, 17, 14, 0x81), strict=True):
        data[cell + 6] = serial  # 8-byte integer, 2-byte text, a blob, a longer varint
    data[100:108] = b"\xff" * 8
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    assert found.damaged_records == 9 and found.unreadable_pages == 0
    kept = sorted(row[0] for row in found.rows["reading_finished"].values())
    lost = {data[c + 1] for c in (first, second, third, fourth, fifth, sixth, *more)}  # rowids
    assert kept == [f"fp{rowid - 1:03d}" for rowid in range(1, 51) if rowid not in lost]
    assert len(kept) == 40


def test_a_page_whose_cell_list_is_garbage_is_counted_unreadable(tmp_path: Path, shapes) -> None:
    db = tmp_path / "state.db"
    page = _finished_rows(db)
    data = bytearray(db.read_bytes())
    start = (page - 1) * PAGE
    data[start + 3 : start + 5] = b"\xff\xff"  # more cells than the page can point to
    data[100:108] = b"\xff" * 8
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    assert (found.unreadable_pages, found.damaged_records) == (1, 0)
    assert found.rows["reading_finished"] == {}
    assert "reading_finished" in found.page_read


def test_a_sound_file_needs_no_page_read(tmp_path: Path, shapes) -> None:
    db = tmp_path / "state.db"
    _finished_rows(db, 3)
    found = salvage(db, shapes)
    assert found.page_read == [] and found.error == ""
    assert len(found.rows["reading_finished"]) == 3
    assert found.rows["saved_searches"] == {}  # never made in that file: empty, not damaged


def test_rows_on_freed_pages_never_come_back(tmp_path: Path, shapes) -> None:
    db = tmp_path / "state.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA secure_delete = OFF")  # freed pages keep their old rows, as by default
    conn.execute("BEGIN")
    migrate(conn)
    for i in range(60):
        conn.execute(
            "INSERT INTO vocabulary(word, definitions, created, updated) VALUES (?, ?, 'c', 'u')",
            (f"词{i:02d}", "definition " * 100),
        )
    conn.execute("COMMIT")
    conn.execute("DELETE FROM vocabulary WHERE id > 10")  # their pages go on the free list
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 1
    conn.close()
    data = bytearray(db.read_bytes())
    data[100:108] = b"\xff" * 8
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    words = sorted(row[1] for row in found.rows["vocabulary"].values())
    assert words == [f"词{i:02d}" for i in range(10)]


def test_text_where_a_number_belongs_is_damage(tmp_path: Path, shapes) -> None:
    db = tmp_path / "state.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn)
    for i in range(20):  # short rows: one-byte sizes and serial types
        conn.execute("INSERT INTO article_state(fingerprint, read) VALUES (?, 1)", (f"fp{i:03d}",))
    conn.execute("COMMIT")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='article_state'")
    conn.close()
    data = bytearray(db.read_bytes())
    cell = _cells(data, root[0])[0]
    # size, rowid, header size, fingerprint, last_path (NULL), read: the constant 1 (9)
    assert data[cell + 5] == 9
    data[cell + 5] = 13  # an empty text in the INTEGER column "read"
    data[100:108] = b"\xff" * 8
    db.write_bytes(bytes(data))
    found = salvage(db, shapes)
    assert found.damaged_records == 1
    assert len(found.rows["article_state"]) == 19
    assert all(row[2] == 1 for row in found.rows["article_state"].values())


def test_running_out_of_memory_is_an_error_not_a_crash(
    tmp_path: Path, shapes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    db = tmp_path / "state.db"
    _finished_rows(db, 3)

    def out_of_memory(src: object, dst: object) -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr(shutil, "copyfile", out_of_memory)
    found = salvage(db, shapes)
    assert (found.error, found.rows) == ("out of memory", {})
