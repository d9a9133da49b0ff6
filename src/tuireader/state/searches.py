"""Saved searches, kept in the user's state.db (shown as sections in the tree).

A small table of its own, created on first use (``CREATE TABLE IF NOT EXISTS``), so the
state schema's versioned migrations need not know about it. Writes go through the store's
own transaction helper: one ``BEGIN IMMEDIATE`` per change, failures as StateWriteError.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tuireader.state.rows import now_iso
from tuireader.state.store import StateStore

_TABLE = """CREATE TABLE IF NOT EXISTS saved_searches(
    name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL)"""


@dataclass(frozen=True)
class SavedSearch:
    """A named query."""

    name: str
    query: str
    created: str


def saved_searches(store: StateStore) -> list[SavedSearch]:
    """Every saved search, by name."""
    with store._lock:
        try:
            rows = store._conn.execute(
                "SELECT name, query, created FROM saved_searches ORDER BY name"
            ).fetchall()
        except sqlite3.OperationalError:  # nothing saved yet: the table is made on first save
            return []
    return [SavedSearch(*row) for row in rows]


def save_search(store: StateStore, name: str, query: str) -> None:
    """Save (or replace) the search called ``name``; ValueError for an empty name/query."""
    name, query = name.strip(), query.strip()
    if not name or not query:
        raise ValueError("a saved search needs a name and a query")

    def write(conn: sqlite3.Connection) -> None:
        conn.execute(_TABLE)
        conn.execute(
            "INSERT OR REPLACE INTO saved_searches (name, query, created) VALUES (?, ?, ?)",
            (name, query, now_iso()),
        )

    store._write(write)


def delete_saved_search(store: StateStore, name: str) -> bool:
    """Forget the saved search called ``name``; False if there was none."""

    def write(conn: sqlite3.Connection) -> int:
        conn.execute(_TABLE)
        return conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount

    return store._write(write) > 0
