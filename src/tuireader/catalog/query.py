"""The catalog's read queries: listings, counts, neighbours, the section tree.

Every listing walks one range of the ``membership`` index (section prefix, then sort
keys), so page N of a 100,000-article section costs an index walk, never a sort.
Read and bookmark marks come from the user's state.db when it is attached as ``st``;
without it every article is unread and not bookmarked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from tuireader.catalog.db import section_key, sections_of_key
from tuireader.catalog.rows import (
    ROOT_NAME,
    ArticleRow,
    RowJson,
    SectionNode,
    add_counts,
    sort_children,
    to_row,
)

SORTS = ("date", "title", "path")
# Sort keys as columns of the membership index (path is not there: scripts only).
_ORDER = {
    "date": ("date_rank", "title_key", "article_id"),
    "title": ("title_key", "article_id"),
}
# Marks from the attached state.db; {f} is the fingerprint column to look up.
_READ = "COALESCE((SELECT s.read FROM st.article_state s WHERE s.fingerprint = {f}), 0)"
_BOOKMARKED = "EXISTS (SELECT 1 FROM st.bookmarks b WHERE b.fingerprint = {f})"
_CHUNK = 500  # SQLite accepts 999 parameters in old builds; stay well under
_ROW_COLUMNS = "a.id, a.path, a.meta, a.format, a.encoding, a.fingerprint, a.warnings"


class Queries:
    """Read queries on one connection; ``attached`` says whether ``st`` is available."""

    def __init__(self, conn: sqlite3.Connection, attached: bool) -> None:
        """Wrap ``conn``; marks come from ``st`` only when ``attached``."""
        self.conn = conn
        self.attached = attached

    def read_sql(self, column: str) -> str:
        """SQL for "is read" of the article whose fingerprint is ``column``."""
        return _READ.format(f=column) if self.attached else "0"

    def bookmarked_sql(self, column: str) -> str:
        """SQL for "is bookmarked" of the article whose fingerprint is ``column``."""
        return _BOOKMARKED.format(f=column) if self.attached else "0"

    def _select(self) -> str:
        """The row columns plus the two marks."""
        marks = f"{self.read_sql('a.fingerprint')}, {self.bookmarked_sql('a.fingerprint')}"
        return f"SELECT {_ROW_COLUMNS}, {marks}"

    def _filters(self, unread_only: bool, bookmarked_only: bool) -> str:
        """Extra WHERE terms on membership ``m`` for the unread / bookmarked views."""
        terms = ""
        if unread_only:
            terms += f" AND NOT {self.read_sql('m.fingerprint')}"
        if bookmarked_only:
            terms += f" AND {self.bookmarked_sql('m.fingerprint')}"
        return terms

    def rows(
        self,
        section: Sequence[str],
        offset: int,
        limit: int,
        sort: str,
        unread_only: bool,
        bookmarked_only: bool,
    ) -> list[ArticleRow]:
        """One page of a section's listing."""
        key = section_key(tuple(section))
        if _check_sort(sort) == "path":
            return self._rows_by_path(key, offset, limit, unread_only, bookmarked_only)
        order = ", ".join(f"m.{column}" for column in _ORDER[sort])
        # The inner query skips `offset` entries inside the covering membership index;
        # only the page's rows are then looked up in articles.
        sql = (
            f"{self._select()} FROM (SELECT m.* FROM membership m WHERE m.prefix = ?"
            f"{self._filters(unread_only, bookmarked_only)} ORDER BY {order} LIMIT ? OFFSET ?)"
            f" AS m CROSS JOIN articles a ON a.id = m.article_id ORDER BY {order}"
        )
        params = (key, max(limit, 0), max(offset, 0))
        return [to_row(values) for values in self.conn.execute(sql, params)]

    def _rows_by_path(
        self, key: str, offset: int, limit: int, unread_only: bool, bookmarked_only: bool
    ) -> list[ArticleRow]:
        """A page ordered by path (sorted on the fly: meant for scripts, not the UI)."""
        sql = (
            f"{self._select()} FROM membership m CROSS JOIN articles a ON a.id = m.article_id "
            f"WHERE m.prefix = ?{self._filters(unread_only, bookmarked_only)} "
            "ORDER BY a.path LIMIT ? OFFSET ?"
        )
        params = (key, max(limit, 0), max(offset, 0))
        return [to_row(values) for values in self.conn.execute(sql, params)]

    def row(self, article_id: int) -> ArticleRow | None:
        """The listing row of one article, or None if it is not in the catalog."""
        sql = f"{self._select()} FROM articles a WHERE a.id = ?"
        values = self.conn.execute(sql, (article_id,)).fetchone()
        return to_row(values) if values else None

    def row_by_path(self, path: str) -> ArticleRow | None:
        """The listing row of the article at a library-relative path, or None."""
        sql = f"{self._select()} FROM articles a WHERE a.path = ?"
        values = self.conn.execute(sql, (path,)).fetchone()
        return to_row(values) if values else None

    def is_empty(self) -> bool:
        """Whether the catalog holds no article."""
        return bool(self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0])

    def count(self, section: Sequence[str], unread_only: bool, bookmarked_only: bool) -> int:
        """How many articles a section's listing has."""
        sql = (
            "SELECT count(*) FROM membership m WHERE m.prefix = ?"
            f"{self._filters(unread_only, bookmarked_only)}"
        )
        return int(self.conn.execute(sql, (section_key(tuple(section)),)).fetchone()[0])

    def neighbour(
        self,
        article_id: int,
        section: Sequence[str],
        sort: str,
        step: int,
        unread_only: bool,
        bookmarked_only: bool = False,
    ) -> ArticleRow | None:
        """The row ``step`` places after (or before, if negative) an article in a listing."""
        keys = self.conn.execute(
            "SELECT date_rank, title_key FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if keys is None or step == 0:
            return self.row(article_id) if keys is not None else None
        # Path order is not kept in an index; walking by title is the closest cheap order.
        sort = "title" if _check_sort(sort) == "path" else sort
        columns = [f"m.{column}" for column in _ORDER[sort]]
        here = (keys[0], keys[1], article_id) if sort == "date" else (keys[1], article_id)
        forward = step > 0
        direction = "" if forward else " DESC"
        sql = (
            f"SELECT m.article_id FROM membership m WHERE m.prefix = ? "
            f"AND ({', '.join(columns)}) {'>' if forward else '<'} "
            f"({', '.join('?' * len(here))}){self._filters(unread_only, bookmarked_only)} "
            f"ORDER BY {', '.join(c + direction for c in columns)} LIMIT 1 OFFSET ?"
        )
        params = (section_key(tuple(section)), *here, abs(step) - 1)
        found = self.conn.execute(sql, params).fetchone()
        return self.row(found[0]) if found else None

    def index_in_listing(
        self,
        article_id: int,
        section: Sequence[str],
        sort: str,
        unread_only: bool,
        bookmarked_only: bool = False,
    ) -> int | None:
        """Where an article is in a listing (0-based), or None if the listing lacks it.

        Counts the index entries before it with the listing's own filters and sort keys:
        one index walk, never a pass over the rows.
        """
        key = section_key(tuple(section))
        filters = self._filters(unread_only, bookmarked_only)
        here = self.conn.execute(
            "SELECT m.date_rank, m.title_key, a.path FROM membership m "
            "JOIN articles a ON a.id = m.article_id "
            f"WHERE m.prefix = ? AND m.article_id = ?{filters}",
            (key, article_id),
        ).fetchone()
        if here is None:
            return None
        date_rank, title_key, path = here
        if _check_sort(sort) == "path":
            sql = (
                "SELECT count(*) FROM membership m CROSS JOIN articles a ON a.id = m.article_id "
                f"WHERE m.prefix = ? AND a.path < ?{filters}"
            )
            return int(self.conn.execute(sql, (key, path)).fetchone()[0])
        columns = ", ".join(f"m.{column}" for column in _ORDER[sort])
        values = (date_rank, title_key, article_id) if sort == "date" else (title_key, article_id)
        marks = ", ".join("?" * len(values))
        sql = f"SELECT count(*) FROM membership m WHERE m.prefix = ? AND ({columns}) < ({marks}){filters}"
        return int(self.conn.execute(sql, (key, *values)).fetchone()[0])

    def sections_with_fingerprint(self, fingerprint: str) -> list[tuple[str, ...]]:
        """The sections of every article with this fingerprint (one entry per article)."""
        sql = "SELECT section_key FROM articles WHERE fingerprint = ?"
        return [sections_of_key(key) for (key,) in self.conn.execute(sql, (fingerprint,))]

    def path_with_fingerprint(self, fingerprint: str) -> str | None:
        """The path of some article with this fingerprint, or None."""
        sql = "SELECT path FROM articles WHERE fingerprint = ? LIMIT 1"
        found = self.conn.execute(sql, (fingerprint,)).fetchone()
        return str(found[0]) if found else None

    def known_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Those of ``fingerprints`` that some catalogued article has."""
        return self._known("fingerprint", fingerprints)

    def known_paths(self, paths: Iterable[str]) -> set[str]:
        """Those of ``paths`` that some catalogued article is at."""
        return self._known("path", paths)

    def paths_of_unique_titles(self, titles: Iterable[str]) -> dict[str, str]:
        """Title → path, for those of ``titles`` that exactly one article has (how a
        bookmark finds its article again once it was both edited and moved)."""
        items, found = sorted(set(titles)), dict[str, str]()
        for start in range(0, len(items), _CHUNK):
            chunk = items[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT title, min(path) FROM articles WHERE title IN ({marks}) "
                "GROUP BY title HAVING count(*) = 1"
            )
            found.update((title, path) for title, path in self.conn.execute(sql, chunk))
        return found

    def _known(self, column: str, values: Iterable[str]) -> set[str]:
        """Those of ``values`` found in the articles' ``column`` (chunked IN queries)."""
        items, found = sorted(set(values)), set[str]()
        for start in range(0, len(items), _CHUNK):
            chunk = items[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {column} FROM articles WHERE {column} IN ({marks})"
            found.update(value for (value,) in self.conn.execute(sql, chunk))
        return found

    def iter_all(self) -> Iterator[ArticleRow]:
        """Every article's row, by path (for scripts; streams instead of paging)."""
        sql = f"{self._select()} FROM articles a ORDER BY a.path"
        for values in self.conn.execute(sql):
            yield to_row(values)

    def iter_json(self) -> Iterator[RowJson]:
        """Every article as :class:`RowJson`, by path (for ``list --json``)."""
        sql = "SELECT path, meta, format, encoding, warnings FROM articles ORDER BY path"
        loads = json.loads
        for path, meta, kind, encoding, warnings in self.conn.execute(sql):
            listed = [] if warnings == "[]" else loads(warnings)  # most have none
            yield RowJson(path, loads(meta), kind, encoding, listed)

    def ids_in_section(self, section: Sequence[str]) -> list[int]:
        """The ids of every article in a section and its subsections."""
        sql = "SELECT article_id FROM membership WHERE prefix = ? ORDER BY article_id"
        return [row[0] for row in self.conn.execute(sql, (section_key(tuple(section)),))]

    def fingerprints_in_section(self, section: Sequence[str]) -> list[tuple[str, str]]:
        """(fingerprint, path) of every article in a section and its subsections."""
        sql = (
            "SELECT a.fingerprint, a.path FROM membership m "
            "CROSS JOIN articles a ON a.id = m.article_id WHERE m.prefix = ?"
        )
        return [tuple(row) for row in self.conn.execute(sql, (section_key(tuple(section)),))]

    def section_tree(self) -> SectionNode:
        """The tree of sections, counts rolled up to every ancestor, children by name."""
        root = SectionNode(ROOT_NAME, ())
        index: dict[tuple[str, ...], SectionNode] = {(): root}
        # Answered from the (section_key, fingerprint) index alone: no article row is read.
        sql = (
            f"SELECT a.section_key, count(*), total(NOT {self.read_sql('a.fingerprint')}) "
            "FROM articles a GROUP BY a.section_key"
        )
        for key, total, unread in self.conn.execute(sql):
            add_counts(index, sections_of_key(key), total, int(unread))
        sort_children(root)
        return root


def _check_sort(sort: str) -> str:
    """Reject unknown sort names early, with a clear message."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    return sort
