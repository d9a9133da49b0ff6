"""The user's own work in state.db: read marks, reading positions, bookmarks and notes.

:class:`StateStore` is one object with a part per kind of work, each with the same API
style: ``store.marks`` (read marks), ``store.positions`` (reading positions),
``store.bookmarks`` (bookmarks and notes), ``store.searches`` (saved searches),
``store.stats`` (reading statistics) and ``store.vocab`` (words looked up).
Opening never raises (a damaged, newer or unwritable database gives ``notices`` for the
user and possibly ``read_only``); every change is one small ``BEGIN IMMEDIATE``
transaction and a failed change raises :class:`StateWriteError` with a message for
people, so the app can show it and keep running. Safe for two processes at once (SQLite
WAL, busy timeout) and for threads of one process (a lock).
"""

from __future__ import annotations

from pathlib import Path

from tuireader.library.model import Bookmark
from tuireader.state.backup import BackupSchedule, backup_if_due, restore_latest
from tuireader.state.bookmarks import Bookmarks
from tuireader.state.connection import StateDb
from tuireader.state.marks import Positions, ReadMarks
from tuireader.state.opening import OpenedDb, open_state_db
from tuireader.state.reading import ReadingStats
from tuireader.state.safety import StateWriteError
from tuireader.state.searches import SavedSearches
from tuireader.state.vocabulary import Vocabulary

__all__ = ["StateStore", "StateWriteError", "Bookmark"]


class StateStore:
    """Read marks, positions, bookmarks and saved searches, stored in one SQLite file."""

    def __init__(self, opened: OpenedDb, path: Path | None) -> None:
        """Use :meth:`open`; this wraps an already opened database."""
        self._db = StateDb(opened.conn, opened.read_only)
        self.path = path
        self.notices: list[str] = list(opened.notices)
        self.marks = ReadMarks(self._db)
        self.positions = Positions(self._db)
        self.bookmarks = Bookmarks(self._db)
        self.searches = SavedSearches(self._db)
        self.stats = ReadingStats(self._db)
        self.vocab = Vocabulary(self._db)
        self._backups: BackupSchedule | None = None

    @classmethod
    def open(cls, path: Path, *, backups: bool = True) -> StateStore:
        """Open state.db at ``path`` (never raises); backs up at most once a day at open,
        after every ``CHANGES_PER_BACKUP`` changes and at :meth:`close` (``backups``).

        When a bad file had to be set aside, the new database is filled from the newest
        backup (and the user told how much came back).
        """
        path = Path(path)
        opened = open_state_db(path)
        store = cls(opened, path)
        if opened.set_aside and not store.read_only:
            backups_dir = path.parent / "backups"
            store.notices.append(restore_latest(store, backups_dir, opened.recovery))
        if backups and not store.read_only:
            notice = backup_if_due(store, path.parent / "backups")
            if notice:
                store.notices.append(notice)
            store._backups = BackupSchedule(store, path.parent / "backups")
            store._db.after_write = store._backups.changed
        return store

    @property
    def read_only(self) -> bool:
        """Whether changes are refused (a newer schema, an unwritable file or folder)."""
        return self._db.read_only

    def take_backup_problem(self) -> str | None:
        """Why the last periodic backup failed, the first time it is asked after the
        failure (None when backups work, are off, or the reason was given already)."""
        return self._backups.take_problem() if self._backups is not None else None

    def close(self) -> None:
        """Back up what changed since the last backup, then close the database."""
        if self._backups is not None:
            self._backups.at_close()
            self._backups = None
        self._db.close()

    def integrity_ok(self) -> bool:
        """Run ``PRAGMA integrity_check`` (slow on big files; for tools and tests)."""
        return self._db.one("PRAGMA integrity_check") == ("ok",)
