"""The full-text index inside catalog.db: an FTS5 trigram index over the folded text.

The folded body itself is stored once, by the catalog (``texts.folded``, see
``catalog.codec``); the index adds:
  ``search_docs``  id, folded title (padded), folded byline (the author and the source,
                   each padded; "" when there are none), date_rank: small rows, so title
                   hits and the recency order of results are quick to read.
  ``search_fts``   FTS5, trigram tokenizer, ``detail=none``, contentless, one column:
                   the padded folded title, the byline, then the padded folded body
                   (a plain term finds an article by its author or source). It only
                   knows which article holds which trigram (no columns, no positions),
                   which keeps it small; exactness comes from checking candidates
                   against the folded text, and title hits from the small titles table.
  ``search_meta``  ``state`` ("ready" once every article is indexed, else "pending") and
                   ``version`` (layout + Unicode version: folding must not change under a
                   contentless index, whose deletions replay the indexed text).

Folded title, author, source and body are each padded with two newlines. Blocks are
joined by ``\\n`` in the body and a query never contains a newline, so a term never
matches across two paragraphs, nor across the title, the byline and the body; inside a paragraph (reflowed from
hard-wrapped lines by the parser) it does. The padding makes every character start a
trigram, which is how 1-2 character terms are answered exactly from the trigram
vocabulary.

The catalog calls :func:`ensure_schema`, :func:`add_many` and :func:`remove` in its own
write transactions (``remove`` before it replaces or deletes the article's text,
``add_many`` with the articles a transaction stored, at its end). :func:`add` indexes
once the index is ready, or before when the scan is asked to index as it goes
(``now``: a scan whose library will be searched, the app's or ``tuireader search``'s);
the first build (:func:`build`, meant for a background thread) picks up every article
not yet indexed and marks the index ready in the same transaction that finds nothing
left to do. Indexing as the scan goes is what makes a first build quick: the index's
SQLite work, most of a build, then runs while the scan's worker processes parse, not
after them; whether an article is indexed is always whether it is in ``search_docs``,
written in the same transaction as its index entry, so an interrupted scan or build
leaves nothing half done.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tuireader.text.fold import fold

PAD = "\n\n"
_BATCH = 400
_AUTOMERGE = 4  # FTS5's default: the live index merges its segments as it grows

VERSION = f"5/{unicodedata.unidata_version}"
_TABLES = ("search_fts", "search_docs", "search_text", "search_meta")  # search_text: v3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, byline TEXT NOT NULL, date_rank INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS search_docs_date ON search_docs(date_rank, id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    text, content='', detail=none, tokenize='trigram case_sensitive 1');
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class IndexStatus:
    """How far the index is: ``ready`` when every article is in it."""

    ready: bool
    indexed: int
    total: int


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the index tables if missing, or anew if of another version ("pending")."""
    if _stored_version(conn) not in (VERSION, None):
        for table in _TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.executescript(_SCHEMA)
    conn.execute("INSERT OR IGNORE INTO search_meta (key, value) VALUES ('state', 'pending')")
    conn.execute("INSERT OR IGNORE INTO search_meta (key, value) VALUES ('version', ?)", (VERSION,))


def is_current(conn: sqlite3.Connection, names: set[str]) -> bool:
    """Whether the index tables are all there, of this version (``names``: the tables and
    indexes in ``sqlite_master``); :func:`ensure_schema` would then change nothing."""
    wanted = {"search_docs", "search_fts", "search_meta"}
    return wanted <= names and _stored_version(conn, names) == VERSION


def _stored_version(conn: sqlite3.Connection, names: set[str] | None = None) -> str | None:
    """The index version in this catalog; None if there is no index; "" if unknown."""
    if names is None:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if not names & set(_TABLES):
        return None
    if "search_meta" not in names:
        return ""
    row = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
    return row[0] if row else ""


@dataclass(frozen=True)
class Entry:
    """One article to index: its id, display title, folded body as stored in ``texts``,
    metadata as stored in ``articles`` (JSON) and date sort key."""

    article_id: int
    title: str
    folded: str
    meta: str
    rank: int


def add(
    conn: sqlite3.Connection,
    article_id: int,
    title: str,
    folded: str,
    meta: str,
    *,
    rank: int | None = None,
    now: bool = False,
) -> None:
    """Index one article if the index is live or ``now`` says to; else the build will.

    ``title`` is the display title, ``folded`` the folded body as stored in ``texts``,
    ``meta`` the article's metadata as stored in ``articles`` (JSON).
    The caller has removed any earlier entry of this id (:func:`remove`, before it
    replaced the text). ``rank`` is the article's date sort key when the caller has it
    (read from the catalog otherwise).
    """
    if now or is_ready(conn):
        if rank is None:
            rank = _date_rank(conn, article_id)
        add_many(conn, [Entry(article_id, title, folded, meta, rank)], now=True)


def add_many(conn: sqlite3.Connection, entries: Iterable[Entry], *, now: bool = False) -> None:
    """Index these articles (as :func:`add` does each), in two statements.

    A writer that stores many articles in one transaction gives them here last, just
    before it commits: see :func:`_insert_many` for why the index's inserts must not be
    interleaved with other statements.
    """
    if now or is_ready(conn):
        _insert_many(
            conn,
            [
                (entry.article_id, fold(entry.title), byline(entry.meta), entry.folded, entry.rank)
                for entry in entries
            ],
        )


def byline(meta: str) -> str:
    """The folded, padded author and source of an article's stored metadata (JSON)."""
    try:
        data = json.loads(meta)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    parts = [data.get("author"), data.get("source")]
    return "".join(fold(part) + PAD for part in parts if part and isinstance(part, str))


def remove(conn: sqlite3.Connection, article_ids: Iterable[int]) -> None:
    """Drop articles from the index (those not in it are ignored)."""
    for article_id in article_ids:
        row = conn.execute(
            "SELECT d.title || d.byline, t.folded FROM search_docs d JOIN texts t ON t.id = d.id "
            "WHERE d.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            continue
        # Contentless: deleting replays exactly the text that was indexed.
        conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', ?, ?)",
            (article_id, row[0] + row[1] + PAD),
        )
        conn.execute("DELETE FROM search_docs WHERE id = ?", (article_id,))


def is_ready(conn: sqlite3.Connection) -> bool:
    """Whether every article is indexed (the first build has finished)."""
    try:
        row = conn.execute("SELECT value FROM search_meta WHERE key = 'state'").fetchone()
    except sqlite3.OperationalError:  # a catalog made before the index existed
        return False
    return row is not None and row[0] == "ready"


def status(conn: sqlite3.Connection) -> IndexStatus:
    """Ready or not, and how many articles are indexed out of how many."""
    ready = is_ready(conn)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    indexed = total if ready else conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    return IndexStatus(ready, indexed, total)


def build(
    conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None
) -> IndexStatus:
    """Index every article not yet indexed, in small transactions; then mark ready.

    Safe to run while a scan writes (both take ``BEGIN IMMEDIATE``) and to interrupt:
    the next call carries on. ``progress(indexed, total)`` after each batch. ``conn`` is
    a connection of the caller's thread (it is closed at the end).
    """
    try:
        ensure_schema(conn)
        if not is_ready(conn):
            _merge_while_building(conn, False)
        after = 0
        while True:
            after = _build_batch(conn, after)
            if after < 0:
                break
            if progress is not None:
                now = status(conn)
                progress(now.indexed, now.total)
        final = status(conn)
        if progress is not None:
            progress(final.indexed, final.total)
        return final
    finally:
        conn.close()


def _build_batch(conn: sqlite3.Connection, after: int) -> int:
    """Index one batch of missing articles with ids above ``after``.

    Returns the id to continue after, or -1 once a pass from the start (``after`` 0)
    found nothing missing, in which case the index is marked ready in that transaction.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute(
            "SELECT a.id, a.title, a.meta, t.folded, a.date_rank "
            "FROM articles a JOIN texts t ON t.id = a.id "
            "WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM search_docs s WHERE s.id = a.id) "
            "ORDER BY a.id LIMIT ?",
            (after, _BATCH),
        ).fetchall()
        _insert_many(
            conn,
            [
                (article_id, fold(title), byline(meta), folded, rank)
                for article_id, title, meta, folded, rank in rows
            ],
        )
        if not rows and after == 0:
            # Merge the index's segments once, as it becomes ready: about a third
            # smaller, and quicker to query (a second or two for 10,000 articles).
            _merge_while_building(conn, True)
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            conn.execute("UPDATE search_meta SET value = 'ready' WHERE key = 'state'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if rows:
        return int(rows[-1][0])
    if after == 0:  # ready: give the pages the merge freed back to the file system
        _give_back_free_pages(conn)
        return -1
    return 0  # one more pass from the start catches late arrivals


def defer_merging(conn: sqlite3.Connection) -> None:
    """Before a first build's articles are indexed along a scan: no merging of segments
    until the build's one ``optimize`` (see :func:`_merge_while_building`). Nothing
    changes once the index is ready (its later additions merge as they go)."""
    if not is_ready(conn):
        _merge_while_building(conn, False)


def _merge_while_building(conn: sqlite3.Connection, merge: bool) -> None:
    """Let FTS5 merge its segments as articles are added (``automerge``, its default of
    4), or not (0) while the first build runs.

    A build that ends in ``optimize`` (one merge of everything) need not merge along the
    way: on a large Chinese archive that merging is some 15% of the build. FTS5
    keeps this setting in its own config table, so it is set in a transaction like the
    index itself: an interrupted build leaves 0 (FTS5's ``crisismerge`` still bounds the
    segments), and the transaction that marks the index ready sets it back.
    """
    value = _AUTOMERGE if merge else 0
    conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?)", (value,))


def _give_back_free_pages(conn: sqlite3.Connection) -> None:
    """Shrink the file by its free pages (the catalog uses ``auto_vacuum=INCREMENTAL``).

    ``incremental_vacuum`` frees one page per result row. ``execute`` would stop at the
    first row of this statement without columns (one page per statement, each its own
    transaction); ``executescript`` steps it to the end, in one: the 16,000 pages the
    merge of a 10,000-article Chinese archive frees go back in half the time.
    """
    if conn.execute("PRAGMA freelist_count").fetchone()[0]:
        conn.executescript("PRAGMA incremental_vacuum")


def _date_rank(conn: sqlite3.Connection, article_id: int) -> int:
    """The article's date sort key, as the catalog stored it."""
    row = conn.execute("SELECT date_rank FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else 1


def _insert_many(conn: sqlite3.Connection, rows: list[tuple[int, str, str, str, int]]) -> None:
    """Pad and index articles: (id, folded title, byline (padded already), folded body,
    date rank) each, the index's own statements one after the other.

    FTS5 keeps what it is given in memory until the transaction commits or the memory is
    full, but a statement of another table that opens a statement savepoint (an upsert
    with ``RETURNING``, say) makes it write its pending terms out as a segment of their
    own. Interleaved with the catalog's writes, every article was a segment: its terms
    sorted and written out alone, then merged again, most of the writer's time in a first
    build. Given together, the articles of a batch share segments.
    """
    conn.executemany(
        "INSERT INTO search_docs (id, title, byline, date_rank) VALUES (?, ?, ?, ?)",
        [(article_id, title + PAD, by, rank) for article_id, title, by, _folded, rank in rows],
    )
    conn.executemany(
        "INSERT INTO search_fts (rowid, text) VALUES (?, ?)",
        [
            (article_id, title + PAD + by + folded + PAD)
            for article_id, title, by, folded, _rank in rows
        ],
    )
