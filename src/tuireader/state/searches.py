"""Saved searches, kept in the user's state.db (shown as sections in the tree).

A small table of its own, created on first use (``CREATE TABLE IF NOT EXISTS``), so the
state schema's versioned migrations need not know about it. Writes go through the store's
own transaction helper: one ``BEGIN IMMEDIATE`` per change, failures as StateWriteError.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tuireader.state.connection import StateDb
from tuireader.state.rows import now_iso

#: The table, made on first use (and by a salvage that finds saved searches).
CREATE_TABLE = """CREATE TABLE IF NOT EXISTS saved_searches(
    name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL)"""


@dataclass(frozen=True)
class SavedSearch:
    """A named query."""

    name: str
    query: str
    created: str


class SavedSearches:
    """Named queries (``store.searches``)."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        try:
            rows = self._db.all("SELECT name, query, created FROM saved_searches ORDER BY name")
        except sqlite3.OperationalError:  # nothing saved yet: the table is made on first save
            return []
        return [SavedSearch(*row) for row in rows]

    def is_saved(self, name: str) -> bool:
        """Whether a search called ``name`` is saved."""
        return any(found.name == name for found in self.all())

    def save(self, name: str, query: str) -> None:
        """Save (or replace) the search called ``name``; ValueError for an empty name/query."""
        name, query = name.strip(), query.strip()
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(CREATE_TABLE)
            conn.execute(
                "INSERT OR REPLACE INTO saved_searches (name, query, created) VALUES (?, ?, ?)",
                (name, query, now_iso()),
            )

        self._db.write(write)

    def delete(self, name: str) -> bool:
        """Forget the saved search called ``name``; False if there was none."""

        def write(conn: sqlite3.Connection) -> int:
            conn.execute(CREATE_TABLE)
            return conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount

        return self._db.write(write) > 0
