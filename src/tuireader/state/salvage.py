"""Salvage the rows of a damaged state.db before anything replaces it.

A damaged page usually holds a few rows; the rest of the file is sound. So before the
newest backup is merged in, every row that can still be read is copied into the new
database, table by table:

1. SQLite reads each table in rowid order (``SELECT rowid, *``). Damage in an index or
   the free list does not stop a table scan, so this often gets every row.
2. A table whose scan stops at damage is read again page by page, without SQLite: every
   table leaf page of the file, each cell on its own, each record decoded and checked
   against the table's columns (count, types, UTF-8 text). A record that fails is counted
   as damaged; the others on the same page still come back. Pages on the free list are
   skipped, so deleted rows stay deleted.

A table the damaged file never had (saved searches are made on first use, an older schema
lacks the newer tables) is empty, not damaged: it is not read page by page.

Both read a private copy of the set-aside file (with its ``-wal``), which itself is never
written. Opening the copy folds the WAL's committed frames into it, even when SQLite then
cannot read the file (a garbage header): the page read sees those pages in the copy. The
table shapes come from the new database's own schema (``PRAGMA table_info``), so this
module needs no list of columns: a record goes to the first table whose column count and
declared types (TEXT, INTEGER, REAL, NOT NULL) it fits.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuireader.state.safety import decode_text
from tuireader.state.searches import CREATE_TABLE as SAVED_SEARCHES_TABLE

#: What salvage may copy: the user's own tables (the schema may add more; listed here so
#: a stray table in a damaged file is never copied).
TABLES = (
    "article_state",
    "bookmarks",
    "bookmarks_trash",
    "saved_searches",
    "reading_time",
    "reading_finished",
    "vocabulary",
)

_LEAF_TABLE = 0x0D
_HEADER = b"SQLite format 3\x00"


@dataclass
class Column:
    """One column of a table: its declared type, whether it may be NULL, whether it is
    the rowid (``INTEGER PRIMARY KEY``, stored as NULL in the record)."""

    name: str
    kind: str  # "TEXT", "INTEGER" or "" (anything)
    not_null: bool
    is_rowid: bool


@dataclass
class Salvaged:
    """What came out of a damaged file: rows by table, and how they were read."""

    rows: dict[str, dict[int, tuple[Any, ...]]] = field(
        default_factory=dict
    )  # table -> rowid -> row
    page_read: list[str] = field(default_factory=list)  # tables that needed page salvage
    damaged_records: int = 0  # cells of table pages that could not be decoded
    unreadable_pages: int = 0  # table pages whose header or cell list is garbage
    bookmark_sequence: int | None = None  # the highest bookmark id ever handed out
    error: str = ""  # why nothing could be read at all, if so


def table_shapes(conn: sqlite3.Connection) -> dict[str, list[Column]]:
    """The columns of each salvageable table of ``conn`` (a sound, migrated database)."""
    shapes: dict[str, list[Column]] = {}
    for table in TABLES:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        if not info:
            continue
        rowid_pk = sum(1 for row in info if row[5]) == 1
        shapes[table] = [
            Column(
                name,
                kind.upper(),
                bool(not_null),
                rowid_pk and bool(pk) and kind.upper() == "INTEGER",
            )
            for _cid, name, kind, not_null, _default, pk in info
        ]
    return shapes


def salvage(bad: Path, shapes: dict[str, list[Column]]) -> Salvaged:
    """Every readable row of the tables in ``shapes`` from the damaged file ``bad``.

    Never raises: a file that cannot be read at all gives an empty result with ``error``.
    """
    result = Salvaged()
    try:
        with tempfile.TemporaryDirectory(prefix="tuireader-salvage-") as temp:
            copy = Path(temp) / "damaged.db"
            shutil.copyfile(bad, copy)
            wal = bad.with_name(bad.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            _read_with_sqlite(copy, shapes, result)
            incomplete = [t for t in shapes if t not in result.rows]
            if incomplete:
                _read_pages(copy, shapes, incomplete, result)
    except (OSError, MemoryError) as exc:
        result.error = str(getattr(exc, "strerror", None) or exc)
    except Exception as exc:  # a bug here must not stop the state from opening
        result.error = f"{type(exc).__name__}: {exc}"
    return result


# -- 1. through SQLite ---------------------------------------------------------------


def _read_with_sqlite(copy: Path, shapes: dict[str, list[Column]], result: Salvaged) -> None:
    """Tables SQLite can scan to the end go in ``result.rows`` whole."""
    try:
        conn = sqlite3.connect(str(copy), isolation_level=None)
    except sqlite3.Error:
        return
    conn.text_factory = decode_text  # a damaged title is kept, with U+FFFD in it
    try:
        present = _tables(conn)
        for table, columns in shapes.items():
            if present is not None and table not in present:
                result.rows[table] = {}  # never made in that file: nothing to salvage
                continue
            names = ", ".join(column.name for column in columns)
            rows: dict[int, tuple[Any, ...]] = {}
            try:
                for rowid, *values in conn.execute(f"SELECT rowid, {names} FROM {table}"):
                    rows[rowid] = tuple(values)
            except sqlite3.Error:
                continue  # stopped at damage: this table is read page by page
            result.rows[table] = rows
        result.bookmark_sequence = _sequence(conn)
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> set[str] | None:
    """The tables the file's schema names, or None when the schema cannot be read."""
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return None
    return {name for (name,) in rows}


def _sequence(conn: sqlite3.Connection) -> int | None:
    """The AUTOINCREMENT counter of ``bookmarks``, when it can be read."""
    try:
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name='bookmarks'").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0]) if row and isinstance(row[0], int) else None


# -- 2. page by page -----------------------------------------------------------------


def _read_pages(
    copy: Path, shapes: dict[str, list[Column]], wanted: list[str], result: Salvaged
) -> None:
    """Decode every table leaf page of the file; keep the rows of the
    ``wanted`` tables (records are matched against every table, so another table's
    record is never taken for a damaged one)."""
    data = copy.read_bytes()
    page_size, usable = _page_geometry(data)
    pages = _pages(data, page_size)
    free = _free_pages(pages, usable)
    by_count: dict[int, list[str]] = {}
    for table, columns in shapes.items():
        by_count.setdefault(len(columns), []).append(table)
    found: dict[str, dict[int, tuple[Any, ...]]] = {table: {} for table in wanted}
    for number in sorted(pages):
        if number in free:
            continue
        page = pages[number]
        start = 100 if number == 1 else 0
        if len(page) <= start or page[start] != _LEAF_TABLE:
            continue
        try:
            cells = _cell_offsets(page, start, usable)
        except ValueError:
            result.unreadable_pages += 1
            continue
        for offset in cells:
            record = _cell(page, offset, usable, pages)
            row = _row(record, by_count, shapes) if record is not None else None
            if row is None:
                if record is None or len(record[1]) in by_count:
                    result.damaged_records += 1  # else: a table salvage need not read
                continue
            table, rowid, values = row
            if table in found:
                found[table][rowid] = values
    for table, rows in found.items():
        result.rows[table] = rows
        result.page_read.append(table)


def _page_geometry(data: bytes) -> tuple[int, int]:
    """(page size, usable bytes per page) from the header, else SQLite's defaults."""
    if data[:16] == _HEADER and len(data) >= 100:
        raw = struct.unpack(">H", data[16:18])[0]
        size = 65536 if raw == 1 else raw
        if size >= 512 and size & (size - 1) == 0:
            return size, size - data[20]
    return 4096, 4096


def _pages(data: bytes, page_size: int) -> dict[int, bytes]:
    """The file's pages by number (1-based)."""
    return {
        index // page_size + 1: data[index : index + page_size]
        for index in range(0, len(data) - page_size + 1, page_size)
    }


def _free_pages(pages: dict[int, bytes], usable: int) -> set[int]:
    """Pages on the free list (their stale rows must not come back)."""
    first = pages.get(1)
    if first is None or first[:16] != _HEADER:
        return set()
    free: set[int] = set()
    trunk = struct.unpack(">I", first[32:36])[0]
    while trunk and trunk not in free and trunk in pages:
        free.add(trunk)
        page = pages[trunk]
        count = struct.unpack(">I", page[4:8])[0]
        if count > (usable - 8) // 4:
            break
        for index in range(count):
            free.add(struct.unpack(">I", page[8 + 4 * index : 12 + 4 * index])[0])
        trunk = struct.unpack(">I", page[0:4])[0]
    return free


def _cell_offsets(page: bytes, start: int, usable: int) -> list[int]:
    """The cell pointers of a leaf page; ValueError when the header is impossible."""
    count = struct.unpack(">H", page[start + 3 : start + 5])[0]
    array = start + 8
    if array + 2 * count > usable:
        raise ValueError("cell count beyond the page")
    offsets = struct.unpack(f">{count}H", page[array : array + 2 * count])
    return [offset for offset in offsets if array + 2 * count <= offset < usable]


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """A SQLite varint at ``at``: (value, next offset); IndexError past the end."""
    value = 0
    for index in range(8):
        byte = data[at + index]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + index + 1
    return (value << 8) | data[at + 8], at + 9


def _cell(
    page: bytes, offset: int, usable: int, pages: dict[int, bytes]
) -> tuple[int, list[int], bytes] | None:
    """(rowid, serial types, record body) of one table leaf cell, or None if damaged."""
    try:
        size, at = _varint(page, offset)
        rowid, at = _varint(page, at)
        payload = _payload(page, at, size, usable, pages)
        header_size, position = _varint(payload, 0)
        if not 0 < header_size <= len(payload):
            return None
        types: list[int] = []
        while position < header_size:
            serial, position = _varint(payload, position)
            types.append(serial)
        if position != header_size:
            return None
    except (IndexError, ValueError, struct.error):
        return None
    if rowid >= 1 << 63:
        rowid -= 1 << 64
    return rowid, types, payload[header_size:]


def _payload(page: bytes, at: int, size: int, usable: int, pages: dict[int, bytes]) -> bytes:
    """A cell's whole payload, following overflow pages; ValueError when it cannot be."""
    limit = usable - 35
    if size <= limit:
        if at + size > usable:
            raise ValueError("payload beyond the page")
        return page[at : at + size]
    least = (usable - 12) * 32 // 255 - 23
    local = least + (size - least) % (usable - 4)
    if local > limit:
        local = least
    parts = [page[at : at + local]]
    got = local
    next_page = struct.unpack(">I", page[at + local : at + local + 4])[0]
    seen: set[int] = set()
    while got < size:
        if next_page in seen or next_page not in pages:
            raise ValueError("broken overflow chain")
        seen.add(next_page)
        overflow = pages[next_page]
        take = min(size - got, usable - 4)
        parts.append(overflow[4 : 4 + take])
        got += take
        next_page = struct.unpack(">I", overflow[0:4])[0]
    return b"".join(parts)


def _values(types: list[int], body: bytes) -> list[object] | None:
    """Decode a record body by its serial types; None when it does not fit."""
    values: list[object] = []
    at = 0
    for serial in types:
        if serial in (10, 11):
            return None
        if serial >= 12:
            length = (serial - 12) // 2
            raw = body[at : at + length]
            if len(raw) != length:
                return None
            if serial % 2:
                try:
                    values.append(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    return None
            else:
                values.append(bytes(raw))
            at += length
            continue
        width = (0, 1, 2, 3, 4, 6, 8, 8, 0, 0)[serial]
        raw = body[at : at + width]
        if len(raw) != width:
            return None
        at += width
        if serial == 0:
            values.append(None)
        elif serial == 7:
            values.append(struct.unpack(">d", raw)[0])
        elif serial in (8, 9):
            values.append(serial - 8)
        else:
            values.append(int.from_bytes(raw, "big", signed=True))
    return values if at == len(body) else None


def _row(
    record: tuple[int, list[int], bytes],
    by_count: dict[int, list[str]],
    shapes: dict[str, list[Column]],
) -> tuple[str, int, tuple[Any, ...]] | None:
    """(table, rowid, values) when the record fits one of the tables, else None."""
    rowid, types, body = record
    values = _values(types, body)
    if values is None:
        return None
    for table in by_count.get(len(types), ()):
        row = _fitted(shapes[table], rowid, values)
        if row is not None:
            return table, rowid, row
    return None


def _fitted(columns: list[Column], rowid: int, values: list[object]) -> tuple[Any, ...] | None:
    """The row for ``columns`` (the rowid filled in), or None when a value cannot fit."""
    out: list[object] = []
    for column, value in zip(columns, values, strict=True):
        if column.is_rowid:
            if value is not None:
                return None
            value = rowid
        elif not _fits(column, value):
            return None
        out.append(value)
    return tuple(out)


def _fits(column: Column, value: object) -> bool:
    """Whether ``value`` could have been stored in ``column``."""
    if value is None:
        return not column.not_null
    if column.kind == "TEXT":
        return isinstance(value, str) and "\x00" not in value
    if column.kind == "INTEGER":
        return isinstance(value, int)
    if column.kind == "REAL":
        return isinstance(value, (int, float))
    return True


# -- into the new database ------------------------------------------------------------


@dataclass
class Recovery:
    """What salvage put into the new database, for the message to the user."""

    source: str  # the set-aside file's name
    bookmarks: int = 0
    notes: int = 0
    marks: int = 0  # article_state rows: read marks and reading positions
    searches: int = 0
    trashed_uids: set[str] = field(default_factory=set)  # deleted bookmarks: never restored
    missing_bookmarks: int | None = None  # ids handed out but found nowhere (None: unknown)
    page_read: list[str] = field(default_factory=list)
    damaged_records: int = 0
    unreadable_pages: int = 0
    error: str = ""


def salvage_into(conn: sqlite3.Connection, bad: Path) -> Recovery:
    """Copy every readable row of ``bad`` into ``conn`` (a new, migrated database)."""
    conn.execute(SAVED_SEARCHES_TABLE)  # made on first use: the damaged file may have it
    shapes = table_shapes(conn)
    found = salvage(bad, shapes)
    recovery = Recovery(
        source=bad.name,
        page_read=found.page_read,
        damaged_records=found.damaged_records,
        unreadable_pages=found.unreadable_pages,
        error=found.error,
    )
    added = _insert(conn, shapes, found.rows, found.bookmark_sequence or 0)
    recovery.marks = added.get("article_state", 0)
    recovery.searches = added.get("saved_searches", 0)
    live = found.rows.get("bookmarks", {})
    trash = found.rows.get("bookmarks_trash", {})
    recovery.bookmarks = added.get("bookmarks", 0)
    recovery.notes = sum(1 for row in live.values() if _column(shapes, "bookmarks", row, "note"))
    recovery.trashed_uids = {
        str(_column(shapes, "bookmarks_trash", row, "uid")) for row in trash.values()
    }
    if found.bookmark_sequence is not None:
        known = {i for i in (*live, *trash) if 1 <= i <= found.bookmark_sequence}
        recovery.missing_bookmarks = found.bookmark_sequence - len(known)
    return recovery


def _column(shapes: dict[str, list[Column]], table: str, row: tuple[Any, ...], name: str) -> object:
    """The value of column ``name`` in a row of ``table``."""
    names = [column.name for column in shapes[table]]
    return row[names.index(name)] if name in names else None


def _insert(
    conn: sqlite3.Connection,
    shapes: dict[str, list[Column]],
    rows: dict[str, dict[int, tuple[Any, ...]]],
    sequence: int,
) -> dict[str, int]:
    """Insert the rows (first one wins on a unique key); how many per table."""
    added: dict[str, int] = {}
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, by_rowid in rows.items():
            names = ", ".join(column.name for column in shapes[table])
            marks = ", ".join("?" * len(shapes[table]))
            before = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                [by_rowid[rowid] for rowid in sorted(by_rowid)],
            )
            added[table] = conn.total_changes - before
        # A new bookmark must never take the id of one in the trash (undo brings it back)
        # nor one handed out before: the counter is at least what the damaged file had.
        top = conn.execute(
            "SELECT max(?, coalesce((SELECT max(id) FROM bookmarks_trash), 0), "
            "coalesce((SELECT max(id) FROM bookmarks), 0))",
            (sequence,),
        ).fetchone()[0]
        conn.execute("DELETE FROM sqlite_sequence WHERE name = 'bookmarks'")
        if top:
            conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('bookmarks', ?)", (top,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return added


__all__ = ["TABLES", "Column", "Recovery", "Salvaged", "salvage", "salvage_into", "table_shapes"]
