"""Write scan outcomes into the catalog in batches of small transactions.

Every change to an article also goes to the full-text index (``tuireader.catalog.fts``)
inside the same transaction, so the index never disagrees with the catalog. The articles
a transaction stores are indexed together at its end (see ``fts.add_many``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from tuireader.catalog import fts as search_index
from tuireader.catalog.codec import Outcome, Record
from tuireader.catalog.db import ancestor_keys

#: Outcomes per transaction: big enough to be fast, small enough not to block readers.
BATCH_SIZE = 500

_ARTICLE_COLUMNS = (
    "path, size, mtime_ns, title, title_key, section_key, date, date_rank, meta, "
    "format, encoding, warnings, fingerprint"
)
_UPSERT = (
    f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 13)}) "
    f"ON CONFLICT(path) DO UPDATE SET ({_ARTICLE_COLUMNS}) = "
    f"({', '.join('excluded.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))}) "
    "RETURNING id"
)


def _dump(values: Sequence[str]) -> str:
    """A compact JSON list."""
    if not values:  # most articles have no tags and no warnings
        return "[]"
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def _article_values(rel: str, size: int, mtime: int, record: Record, rank: int) -> tuple[Any, ...]:
    """The ``_ARTICLE_COLUMNS`` values of one article, in order."""
    return (
        rel,
        size,
        mtime,
        record.title,
        record.title_key,
        record.section_key,
        record.date,
        rank,
        record.meta,
        record.format,
        record.encoding,
        _dump(record.warnings),
        record.fingerprint,
    )


class Writer:
    """Applies outcomes to the catalog; counts what it added, updated and dropped."""

    def __init__(
        self, conn: sqlite3.Connection, known_ids: dict[str, int], index: bool = False
    ) -> None:
        """``known_ids`` maps the relative paths already in the catalog to their ids;
        ``index``: index each article as it is stored, even before the index is ready
        (see :func:`tuireader.catalog.fts.add`)."""
        self._conn = conn
        self._known = known_ids
        self._index = index
        self._pending = 0
        # Stored in the open transaction, indexed when it commits (by id: the last wins).
        self._to_index: dict[int, search_index.Entry] = {}
        self.added = 0
        self.updated = 0
        self.dropped = 0

    def remove_vanished(self, article_ids: list[int], problem_paths: list[str]) -> None:
        """Forget articles and problems whose files are gone."""
        self._begin()
        for start in range(0, len(article_ids), BATCH_SIZE):
            self._delete_articles(article_ids[start : start + BATCH_SIZE])
        self._conn.executemany("DELETE FROM problems WHERE path = ?", [(p,) for p in problem_paths])
        self.flush()

    def put(self, outcome: Outcome) -> None:
        """Store one outcome: an article inserted or updated, or a problem recorded."""
        self._begin()
        job = outcome.job
        old_id = self._known.get(job.rel)
        if outcome.record is not None:
            self._store(job.rel, job.size, job.mtime_ns, outcome.record, old_id)
            self._conn.execute("DELETE FROM problems WHERE path = ?", (job.rel,))
        else:
            if old_id is not None:
                self._delete_articles([old_id])
                self.dropped += 1
            self._conn.execute(
                "INSERT OR REPLACE INTO problems (path, size, mtime_ns, error) VALUES (?,?,?,?)",
                (job.rel, job.size, job.mtime_ns, outcome.error or "could not load"),
            )
        self._pending += 1
        if self._pending >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Index what the open transaction stored, and commit it, if any."""
        if self._conn.in_transaction:
            if self._to_index:
                search_index.add_many(self._conn, self._to_index.values(), now=self._index)
                self._to_index.clear()
            self._conn.execute("COMMIT")
        self._pending = 0

    def _begin(self) -> None:
        """Open a write transaction unless one is open."""
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN IMMEDIATE")

    def _store(self, rel: str, size: int, mtime: int, record: Record, old_id: int | None) -> None:
        """Insert or update one article with its text, membership and index entries."""
        rank = record.date_rank  # a computed property: once, not once per membership row
        # An upsert, not a plain insert: another process may have scanned this file since
        # our snapshot of known paths was taken.
        values = _article_values(rel, size, mtime, record, rank)
        article_id = self._conn.execute(_UPSERT, values).fetchall()[0][0]
        self._conn.execute("DELETE FROM membership WHERE article_id = ?", (article_id,))
        if old_id is None:
            self.added += 1
        else:
            self.updated += 1
        # Before the text is replaced: the contentless index deletes by replaying the
        # text it indexed (another process may have indexed this id even when we had no
        # old id for it).
        search_index.remove(self._conn, [article_id])
        self._conn.execute(
            "INSERT OR REPLACE INTO texts (id, folded, patch, layout) VALUES (?, ?, ?, ?)",
            (article_id, record.folded, record.patch, record.layout),
        )
        self._conn.executemany(
            "INSERT INTO membership (prefix, date_rank, title_key, article_id, fingerprint) "
            "VALUES (?,?,?,?,?)",
            [
                (key, rank, record.title_key, article_id, record.fingerprint)
                for key in ancestor_keys(record.sections)
            ],
        )
        self._to_index[article_id] = search_index.Entry(
            article_id, record.title, record.folded, record.meta, rank
        )

    def _delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles from every table and from the full-text index."""
        if not article_ids:
            return
        search_index.remove(self._conn, article_ids)
        for article_id in article_ids:  # stored earlier in this transaction, not indexed yet
            self._to_index.pop(article_id, None)
        rows = [(article_id,) for article_id in article_ids]
        for table, column in (("membership", "article_id"), ("texts", "id"), ("articles", "id")):
            self._conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", rows)
