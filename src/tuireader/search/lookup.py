"""Candidate articles for one folded term, from the trigram index.

One or two characters: the index text is padded so every character starts a trigram, so
the articles holding the term are exactly those holding a trigram that starts with it.
Those trigrams are read from the index vocabulary and OR-ed together: exact.

Exactly three characters: one trigram, so the index answer is exact. More: the articles
holding every trigram of the term, a superset (``detail=none`` keeps no positions); the
caller checks candidates against the folded text, only as far as needed.

Title-only terms: the index's candidates checked against the small folded titles: exact.

:func:`count_holding` counts, for a count alone, in SQLite without fetching a single id.
"""

from __future__ import annotations

import json
import sqlite3

_OR_CHUNK = 250
_TOP = "\U0010ffff"


def candidates(conn: sqlite3.Connection, term: str, title_only: bool) -> tuple[set[int], bool]:
    """Articles that may hold ``term``, and whether that set is exact."""
    if not term:
        return set(), True
    if title_only:
        return title_ids(conn, term), True
    if len(term) > 3:
        return _fts_ids(conn, _all_trigrams(term)), False
    if len(term) == 3:
        return _fts_ids(conn, _quote(term)), True
    return _short_term(conn, term), True


def count_holding(conn: sqlite3.Connection, term: str) -> int | None:
    """How many articles hold ``term`` (1-3 characters), counted by the index without
    fetching their ids (half the time of :func:`candidates` for a common term); None
    when that count would not be exact (a longer term, or a short one with too many
    trigrams for one OR query)."""
    if not term or len(term) > 3:
        return None
    expr = _quote(term) if len(term) == 3 else _short_expression(conn, term)
    if expr is None:
        return None
    if not expr:
        return 0
    sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1"
    return int(conn.execute(sql, (expr,)).fetchone()[0])


def title_ids(conn: sqlite3.Connection, term: str) -> set[int]:
    """Articles whose folded title holds ``term``, exactly.

    Three or more characters: the index's candidates (title or body), checked against
    the title. Shorter: a scan of the small titles table.
    """
    if len(term) < 3:
        sql = "SELECT json_group_array(id) FROM search_docs WHERE instr(title, ?1) > 0"
        return _id_set(conn, sql, term)
    expr = _all_trigrams(term)
    sql = (
        "SELECT json_group_array(id) FROM search_docs WHERE id IN "
        "(SELECT rowid FROM search_fts WHERE search_fts MATCH ?1) AND instr(title, ?2) > 0"
    )
    return set(json.loads(conn.execute(sql, (expr, term)).fetchone()[0]))


def _all_trigrams(term: str) -> str:
    """An FTS5 expression requiring every trigram of ``term``."""
    return " AND ".join(_quote(term[i : i + 3]) for i in range(len(term) - 2))


def _fts_ids(conn: sqlite3.Connection, expr: str) -> set[int]:
    """Rowids matching an FTS5 expression."""
    sql = "SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?1"
    return _id_set(conn, sql, expr)


def _id_set(conn: sqlite3.Connection, sql: str, param: str) -> set[int]:
    """The ids a ``json_group_array`` query returns (one string: quicker than rows)."""
    return set(json.loads(conn.execute(sql, (param,)).fetchone()[0]))


def _quote(token: str) -> str:
    """An FTS5 string literal."""
    return '"' + token.replace('"', '""') + '"'


def _short_term(conn: sqlite3.Connection, term: str) -> set[int]:
    """Articles holding a term of 1-2 characters, via the trigrams starting with it."""
    trigrams = _trigrams_from(conn, term)
    ids: set[int] = set()
    for start in range(0, len(trigrams), _OR_CHUNK):
        ids |= _fts_ids(conn, " OR ".join(_quote(t) for t in trigrams[start : start + _OR_CHUNK]))
    return ids


def _short_expression(conn: sqlite3.Connection, term: str) -> str | None:
    """One FTS5 expression matching exactly the articles that hold ``term`` (1-2
    characters); "" when no trigram starts with it, None when there are too many for
    one query."""
    trigrams = _trigrams_from(conn, term)
    if len(trigrams) > _OR_CHUNK:
        return None
    return " OR ".join(_quote(t) for t in trigrams)


def _trigrams_from(conn: sqlite3.Connection, term: str) -> list[str]:
    """The index's trigrams that start with ``term``."""
    _ensure_vocab(conn)
    found = conn.execute(
        "SELECT term FROM temp.search_vocab WHERE term >= ? AND term <= ?", (term, term + _TOP)
    )
    return [row[0] for row in found]


def _ensure_vocab(conn: sqlite3.Connection) -> None:
    """The vocabulary view of the index, made once per connection (in temp)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
        "USING fts5vocab(main, search_fts, 'row')"
    )
