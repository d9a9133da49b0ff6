"""The user's own work in state.db: read marks, positions, bookmarks, saved searches, backups, export/import."""

from tuireader.state.store import (
    StateStore,
    StateWriteError,
)

__all__ = [
    "StateStore",
    "StateWriteError",
]
