"""Full-text index hooks called by the catalog (STUB: the search work replaces this).

The catalog calls these inside its own write transactions, so the index always follows
the catalog: ``ensure_schema`` once per connection, ``add`` for each new or changed
article, ``remove`` for articles that vanished or changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the index tables if they are missing."""


def add(conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
    """Index one article's title and body (plain, unfolded text)."""


def remove(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Drop articles from the index."""
