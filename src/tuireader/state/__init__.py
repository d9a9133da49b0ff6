"""The user's own work in state.db: read marks, positions, bookmarks, saved searches, backups, export/import.

One :class:`StateStore` per state.db, with a part per kind of work: ``store.marks``,
``store.positions``, ``store.bookmarks`` and ``store.searches``. A change that cannot be
saved raises :class:`StateWriteError` (its text is for people).
"""

from tuireader.state.searches import SavedSearch
from tuireader.state.store import (
    StateStore,
    StateWriteError,
)

__all__ = [
    "SavedSearch",
    "StateStore",
    "StateWriteError",
]
