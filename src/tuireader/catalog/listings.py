"""The last walk's folder listings, kept in the catalog so the next scan skips what did not change.

One row per folder (``folders``: key, stamp, listing). The listing is one blob, read back
without parsing an object per file (the JSON it replaced took a third of an unchanged
rescan of 100k files): a header (``L1``, the number of files, the byte length of the
subfolder keys), the files' size and mtime_ns as little-endian 64-bit integers
(:data:`~tuireader.library.walk.Facts`), then the subfolder keys and the file keys, each
list joined by NUL (a key is UTF-8 and never holds one). A row in any other form (an
older catalog's JSON, a damaged row) is ignored: that folder is listed again. They are written
only at the end of a scan that changed something, after every change is committed, and
only when no other connection wrote to the catalog meanwhile (``PRAGMA data_version``):
two scans racing over the same file must not leave listings newer than the rows. Older
listings are always safe: a folder or file changed since then no longer matches them.

With the listings goes what the rows were read with: the encoding rules of the scan
(``scan_settings.encodings``, a list of rule sets). A clean save leaves that scan's rules
alone; a scan that raced another adds its rules to those stored, since a row may hold
either scan's reading, and the next scan reads again every file that any stored set reads
otherwise than its own rules do.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import sys
from collections.abc import Iterable

from tuireader.library.encoding.rules import NO_RULES, EncodingRules
from tuireader.library.walk import FolderSeen, Listing, new_facts

_ENCODINGS = "encodings"
_PARSER = "parser"
_MAGIC = b"L1"
_HEADER = struct.Struct("<2sQQ")  # magic, files, bytes of the subfolder keys
_SWAP = sys.byteorder != "little"  # the stored integers are little-endian


def load_listings(conn: sqlite3.Connection) -> dict[str, Listing]:
    """Folder key → the listing the last complete scan recorded."""
    listings: dict[str, Listing] = {}
    for key, stamp, data in conn.execute("SELECT path, stamp, listing FROM folders"):
        listing = _load(stamp, data)
        if listing is not None:  # else damaged or of an older form: listed again
            listings[key] = listing
    return listings


def was_scanned(conn: sqlite3.Connection) -> bool:
    """Whether listings were saved: some scan completed (and none raced it since)."""
    return conn.execute("SELECT 1 FROM folders LIMIT 1").fetchone() is not None


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's counter of commits by other connections (see the module)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def load_encodings(conn: sqlite3.Connection) -> tuple[EncodingRules, ...]:
    """The encoding rules the rows were read with: one set, or several after scans with
    different rules raced (see the module). A catalog that never stored any was read
    without rules."""
    found = conn.execute("SELECT value FROM scan_settings WHERE name = ?", (_ENCODINGS,))
    row = found.fetchone()
    try:
        sets = json.loads(row[0]) if row else []
        stored = tuple(EncodingRules.from_data(rules) for rules in sets)
    except (ValueError, TypeError):
        stored = ()  # a damaged row: as if read without rules (the usual case)
    return stored or (NO_RULES,)


def parsed_with(conn: sqlite3.Connection) -> int | None:
    """The parser version (``library.formats.PARSER_VERSION``) the rows were read with;
    None for a catalog that never stored one (made before versions were stored)."""
    row = conn.execute("SELECT value FROM scan_settings WHERE name = ?", (_PARSER,)).fetchone()
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None  # a damaged value: read everything again, once


def save_listings(
    conn: sqlite3.Connection,
    folders: Iterable[FolderSeen],
    since: int,
    encodings: EncodingRules = NO_RULES,
    parser: int | None = None,
) -> bool:
    """Replace the recorded listings with ``folders`` and the stored encoding rules with
    ``encodings``, unless another connection wrote since ``data_version`` was ``since``:
    then the listings are dropped (the next scan lists everything) and ``encodings`` is
    added to the rules stored. ``parser``, the parser version every row now has, is
    stored only with saved listings (a racing scan may have written rows of another).
    Whether the listings were saved."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM folders")
        saved = data_version(conn) == since
        if saved:
            conn.executemany(
                "INSERT OR REPLACE INTO folders (path, stamp, listing) VALUES (?, ?, ?)",
                [(folder.key, folder.stamp, _dump(folder.listing())) for folder in folders],
            )
        sets = [encodings] if saved else [*load_encodings(conn), encodings]
        unique = list(dict.fromkeys(sets))
        value = json.dumps([rules.to_data() for rules in unique], ensure_ascii=False)
        conn.execute(
            "INSERT OR REPLACE INTO scan_settings (name, value) VALUES (?, ?)",
            (_ENCODINGS, value),
        )
        if saved and parser is not None:
            conn.execute(
                "INSERT OR REPLACE INTO scan_settings (name, value) VALUES (?, ?)",
                (_PARSER, str(parser)),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return saved


def update_stamps(conn: sqlite3.Connection, folders: Iterable[FolderSeen], since: int) -> None:
    """Record the new stamps of folders that were listed again but hold the same files
    (a hidden swap file came and went, say), unless another connection wrote since."""
    rows = [(folder.stamp, folder.key) for folder in folders]
    if not rows:
        return
    conn.execute("BEGIN IMMEDIATE")
    if data_version(conn) == since:
        conn.executemany("UPDATE folders SET stamp = ? WHERE path = ?", rows)
    conn.execute("COMMIT")


def _dump(listing: Listing) -> bytes:
    """The stored form of a listing (see the module)."""
    subdirs = "\0".join(listing.subdirs).encode("utf-8")
    facts = new_facts()
    facts.extend(listing.facts)
    if _SWAP:
        facts.byteswap()
    header = _HEADER.pack(_MAGIC, len(listing.keys), len(subdirs))
    return b"".join((header, facts.tobytes(), subdirs, "\0".join(listing.keys).encode("utf-8")))


def _load(stamp: str | None, data: object) -> Listing | None:
    """The listing stored as ``data``, or None when it is not one (see the module)."""
    if not isinstance(data, bytes) or not data.startswith(_MAGIC):
        return None
    try:
        _magic, files, subdirs_size = _HEADER.unpack_from(data)
        start = _HEADER.size
        end = start + 16 * files
        facts = new_facts()
        facts.frombytes(data[start:end])
        subdirs = data[end : end + subdirs_size].decode("utf-8")
        keys = data[end + subdirs_size :].decode("utf-8")
    except (struct.error, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    if _SWAP:
        facts.byteswap()
    key_list = keys.split("\0") if keys else []
    if len(facts) != 2 * files or len(key_list) != files or end + subdirs_size > len(data):
        return None
    return Listing(stamp, subdirs.split("\0") if subdirs else [], key_list, facts)
