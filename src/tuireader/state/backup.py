"""Rolling backups of state.db as JSON in ``DATA_DIR/backups/``.

A backup holds read marks, positions, reading statistics, the vocabulary list and all
bookmarks (as W3C annotations, so ``tuireader bookmarks import`` reads it back). One is made when the store opens (at most
once a day), after every :data:`CHANGES_PER_BACKUP` changes and when a store that changed
something is closed (:class:`BackupSchedule`), so the newest backup is never far behind.
Kept: the newest :data:`KEEP`, and the newest of each of the :data:`DAYS` days before.
Each is written atomically (temp file, fsync, ``os.replace``): a crash never leaves half a
file. After damage, :func:`restore_latest` merges the newest one into what was salvaged.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Protocol

from tuireader.library.files import FileReadError, read_limited
from tuireader.state.bookmarks import Bookmarks
from tuireader.state.export import to_annotation, write_atomic
from tuireader.state.importing import (
    MAX_IMPORT_BYTES,
    parse_export,
    position_number,
    text_field,
)
from tuireader.state.marks import ReadMarks
from tuireader.state.reading import ReadingStats, dumped_rows
from tuireader.state.rows import file_stamp, now_iso
from tuireader.state.salvage import Recovery
from tuireader.state.vocabulary import Vocabulary, dumped_words
from tuireader.text import json_out

KEEP = 10
DAYS = 7
MIN_INTERVAL_S = 24 * 3600
#: Changes (one transaction each) between two backups while a store is open.
CHANGES_PER_BACKUP = 100
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


def prune(folder: Path, keep: int = KEEP, now: float | None = None) -> None:
    """Delete all but the newest ``keep`` backups and the newest of each of the
    :data:`DAYS` days before them (never touches state.db itself)."""
    found = backups(folder)
    now = time.time() if now is None else now
    recent_days = {time.strftime("%Y%m%d", time.gmtime(now - 86400 * n)) for n in range(DAYS + 1)}
    daily: dict[str, Path] = {}
    for old in found[:-keep]:
        day = old.name[len(_PREFIX) : len(_PREFIX) + 8]
        if day in recent_days:
            daily[day] = old  # oldest first: the last one seen is the day's newest
    for old in found[:-keep]:
        if old not in daily.values():
            old.unlink(missing_ok=True)


class BackupSchedule:
    """Backs a store up after every :data:`CHANGES_PER_BACKUP` changes and at close.

    ``changed`` is the store connection's ``after_write`` hook. A failed backup never
    fails the change that triggered it: the reason is kept in :attr:`problem`.
    """

    def __init__(self, store: BackedUpStore, folder: Path) -> None:
        """Back ``store`` up into ``folder``."""
        self._store = store
        self._folder = folder
        self.pending = 0
        self.problem: str | None = None
        self._told: str | None = None  # the problem take_problem last gave out

    def changed(self) -> None:
        """Count one committed change; back up when enough have piled up."""
        self.pending += 1
        if self.pending >= CHANGES_PER_BACKUP:
            self.backup_now()

    def at_close(self) -> None:
        """Back up once more if anything changed since the last backup."""
        if self.pending:
            self.backup_now()

    def backup_now(self) -> None:
        """Write a backup now (the count starts again even if it failed)."""
        self.pending = 0
        try:
            write_backup(self._store, self._folder)
            self.problem = None
        except OSError as exc:
            self.problem = f"Could not write a backup in {self._folder}: {exc.strerror or exc}"

    def take_problem(self) -> str | None:
        """The reason the last backup failed, once: None when it worked, or when the
        same reason was given before (a backup that works again clears it, so a later
        failure is told again)."""
        if self.problem is None or self.problem == self._told:
            self._told = self.problem
            return None
        self._told = self.problem
        return self.problem


def restore_latest(store: BackedUpStore, folder: Path, recovery: Recovery | None = None) -> str:
    """Merge the newest readable backup into ``store``; a notice saying what came back.

    ``recovery`` is what salvage already copied from the damaged file: the backup only
    adds what is missing (bookmarks by uid, marks by article), and bookmarks that were in
    the damaged file's trash stay deleted.
    """
    skip = recovery.trashed_uids if recovery is not None else set()
    restored: tuple[Path, int, int, int] | None = None
    for backup in reversed(backups(folder)):
        try:
            text = read_limited(backup, MAX_IMPORT_BYTES).decode("utf-8")
            bookmarks = [b for b in parse_export(text).bookmarks if b.uid not in skip]
            document = json.loads(text)
            states = [_state_row(item) for item in document.get("article_state", [])]
            # Every part is checked before anything is written: a backup refused for a bad
            # row leaves nothing of itself behind when the one before is tried.
            dumped_rows(document.get("reading") or {})
            dumped_words(document.get("vocabulary") or [])
            known = {b.uid for b in store.bookmarks.matching()}
            added = store.bookmarks.insert(bookmarks)
            notes = sum(1 for b in bookmarks if b.note and b.uid not in known)
            marks = store.marks.restore(states)
            store.stats.restore(document.get("reading") or {})
            store.vocab.restore(document.get("vocabulary") or [])
        except (FileReadError, ValueError, TypeError, KeyError, AttributeError):
            continue  # ImportFormatError and UnicodeDecodeError are ValueErrors
        restored = (backup, added, min(notes, added), marks)
        break
    return recovery_notice(recovery, restored)


def recovery_notice(recovery: Recovery | None, restored: tuple[Path, int, int, int] | None) -> str:
    """How many bookmarks, notes and marks came back from where, and what did not."""
    parts: list[str] = []
    if recovery is not None and not (recovery.bookmarks or recovery.marks or recovery.searches):
        parts.append(f"Nothing could be read from the damaged file {recovery.source}.")
    elif recovery is not None:
        how = " (read page by page)" if recovery.page_read else ""
        parts.append(
            f"Recovered from the damaged file {recovery.source}{how}: "
            f"{_counted(recovery.bookmarks, recovery.notes, recovery.marks)}"
            + (f", {recovery.searches} saved search(es)" if recovery.searches else "")
            + "."
        )
    if restored is not None:
        backup, added, notes, marks = restored
        more = " more" if recovery is not None else ""
        parts.append(f"From the backup {backup.name}: {_counted(added, notes, marks, more)}.")
    elif recovery is None:
        parts.append("No backup was found to restore from: the new state database starts empty.")
    else:
        parts.append("No backup was found to add to it.")
    if recovery is not None:
        parts.append(_losses(recovery, restored[1] if restored else 0))
    return " ".join(part for part in parts if part)


def _counted(bookmarks: int, notes: int, marks: int, more: str = "") -> str:
    """ "12 bookmark(s) (3 with notes), 40 read mark(s)/position(s)"."""
    return (
        f"{bookmarks}{more} bookmark(s) ({notes} with notes), "
        f"{marks}{more} read mark(s)/position(s)"
    )


def _losses(recovery: Recovery, from_backup: int) -> str:
    """What could not be recovered from the damaged file or the backup."""
    lost: list[str] = []
    if recovery.error:
        lost.append(f"the damaged file could not be read ({recovery.error})")
    if recovery.missing_bookmarks:
        missing = max(recovery.missing_bookmarks - from_backup, 0)
        if missing:
            lost.append(f"{missing} bookmark(s) found in neither")
    if recovery.damaged_records:
        lost.append(f"{recovery.damaged_records} damaged record(s) could not be read")
    if recovery.unreadable_pages:
        lost.append(f"{recovery.unreadable_pages} page(s) were unreadable")
    if not lost:
        return "Nothing was lost." if recovery.missing_bookmarks == 0 else ""
    return "Not recovered: " + "; ".join(lost) + "."


def _state_row(item: dict[str, Any]) -> tuple[Any, ...]:
    """An article_state row from a backup entry (fields checked by type)."""
    fp = text_field(item["fingerprint"], "fingerprint")
    path, read_at = item.get("last_path"), item.get("read_at")
    path = None if path is None else text_field(path, "last_path")
    read_at = None if read_at is None else text_field(read_at, "read_at")
    block = position_number(item.get("pos_block"), "pos_block")
    offset = position_number(item.get("pos_offset"), "pos_offset")
    return (fp, path, int(bool(item.get("read"))), read_at, block, offset)
