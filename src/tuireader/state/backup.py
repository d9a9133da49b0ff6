"""Rolling backups of state.db as JSON in ``DATA_DIR/backups/`` (the last 10 are kept).

A backup is made when the store opens, at most once a day: read marks, positions, reading
statistics, the vocabulary list and all bookmarks (as W3C annotations, so ``tuireader bookmarks import`` reads it back). It is
written atomically (temp file, fsync, ``os.replace``), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Protocol

from tuireader.state.bookmarks import Bookmarks
from tuireader.state.export import to_annotation, write_atomic
from tuireader.state.importing import ImportFormatError, parse_export, position_number
from tuireader.state.marks import ReadMarks
from tuireader.state.reading import ReadingStats
from tuireader.state.rows import file_stamp, now_iso
from tuireader.state.vocabulary import Vocabulary
from tuireader.text import json_out

KEEP = 10
MIN_INTERVAL_S = 24 * 3600
_PREFIX = "state-"


class BackedUpStore(Protocol):
    """The parts of the state store a backup reads and a restore fills."""

    @property
    def bookmarks(self) -> Bookmarks:
        """Bookmarks and notes."""

    @property
    def marks(self) -> ReadMarks:
        """Read marks (with the positions kept beside them)."""

    @property
    def stats(self) -> ReadingStats:
        """Reading statistics."""

    @property
    def vocab(self) -> Vocabulary:
        """Words looked up in the dictionary."""


def backup_if_due(store: BackedUpStore, folder: Path, now: float | None = None) -> str | None:
    """Back up when the newest backup is a day old or missing; a notice if it failed."""
    now = time.time() if now is None else now
    newest = newest_backup(folder)
    if newest is not None and now - newest.stat().st_mtime < MIN_INTERVAL_S:
        return None
    try:
        write_backup(store, folder)
    except OSError as exc:
        return f"Could not write a backup in {folder}: {exc.strerror or exc}"
    return None


def write_backup(store: BackedUpStore, folder: Path) -> Path:
    """Write one backup now and prune old ones; returns the new file."""
    stamp = file_stamp()
    target = folder / f"{_PREFIX}{stamp}-{os.getpid()}.json"
    write_atomic(target, backup_text(store))
    prune(folder)
    return target


def backup_text(store: BackedUpStore) -> str:
    """The whole state as JSON text."""
    bookmarks = store.bookmarks.matching()
    states = [
        {"fingerprint": fp, "last_path": path, "read": bool(read), "read_at": read_at,
         "pos_block": block, "pos_offset": offset}
        for fp, path, read, read_at, block, offset in store.marks.dump()
    ]  # fmt: skip
    document = {
        "tuireader_backup": 1,
        "created": now_iso(),
        "article_state": states,
        "reading": store.stats.dump(),
        "vocabulary": store.vocab.dump(),
        "annotations": {
            "type": "AnnotationCollection",
            "total": len(bookmarks),
            "items": [to_annotation(b) for b in bookmarks],
        },
    }
    return json_out.dumps(document, indent=1) + "\n"


def backups(folder: Path) -> list[Path]:
    """Existing backups, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}*.json"))


def newest_backup(folder: Path) -> Path | None:
    """The most recent backup, or None."""
    found = backups(folder)
    return found[-1] if found else None


def prune(folder: Path, keep: int = KEEP) -> None:
    """Delete all but the newest ``keep`` backups (never touches state.db itself)."""
    for old in backups(folder)[:-keep]:
        old.unlink(missing_ok=True)


def restore_latest(store: BackedUpStore, folder: Path) -> str:
    """Fill ``store`` from the newest readable backup; a notice saying what came back."""
    for backup in reversed(backups(folder)):
        try:
            text = backup.read_text(encoding="utf-8")
            bookmarks = parse_export(text).bookmarks
            states = [_state_row(item) for item in json.loads(text).get("article_state", [])]
            document = json.loads(text)
            added = store.bookmarks.insert(bookmarks)
            marks = store.marks.restore(states)
            store.stats.restore(document.get("reading") or {})
            store.vocab.restore(document.get("vocabulary") or [])
        except (OSError, ValueError, TypeError, KeyError, AttributeError, ImportFormatError):
            continue
        return f"Restored {added} bookmark(s) and {marks} read mark(s)/position(s) from {backup}."
    return "No backup was found to restore from: the new state database starts empty."


def _state_row(item: dict) -> tuple:
    """An article_state row from a backup entry (fields checked by type)."""
    fp, path = str(item["fingerprint"]), item.get("last_path")
    block = position_number(item.get("pos_block"), "pos_block")
    offset = position_number(item.get("pos_offset"), "pos_offset")
    return (fp, path, int(bool(item.get("read"))), item.get("read_at"), block, offset)
