"""Row shapes shared by the state store: bookmark columns, conversion, text filter, stamps."""

from __future__ import annotations

import time
from typing import Any

from tuireader.library.model import Bookmark

BOOKMARK_COLUMNS = (
    "uid, fingerprint, path, title, quote, note, created, updated, "
    "block, start_offset, end_block, end_offset, prefix, suffix"
)
INSERT_BOOKMARK = f"INSERT INTO bookmarks({BOOKMARK_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
# What a filter word is looked for in: title, quote, note and path, case-folded (ASCII).
_SEARCHABLE = (
    "instr(lower(title || char(10) || coalesce(quote, '') || char(10) || note "
    "|| char(10) || path), ?) > 0"
)


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds (sortable as text)."""
    now = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now))
    return f"{stamp}.{int(now % 1 * 1000):03d}Z"


def file_stamp() -> str:
    """The current UTC time for a file name (``20240208T190500``): backups, set-aside files."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime())


def row_to_bookmark(row: tuple[Any, ...]) -> Bookmark:
    """Build a Bookmark from ``SELECT id, <BOOKMARK_COLUMNS>``."""
    (ident, uid, fp, path, title, quote, note, created, _updated) = row[:9]
    block, start, end_block, end, prefix, suffix = row[9:]
    return Bookmark(
        id=int(ident),
        fingerprint=fp,
        path=path,
        title=title,
        quote=quote,
        note=note,
        created=created,
        block=block,
        start=start,
        end=end,
        prefix=prefix,
        suffix=suffix,
        end_block=end_block,
        uid=uid,
    )


def filter_clause(filter_text: str) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause keeping bookmarks that contain every word of ``filter_text``."""
    words = tuple(word.lower() for word in filter_text.split())
    if not words:
        return "", ()
    return "WHERE " + " AND ".join([_SEARCHABLE] * len(words)), words
