"""Catalog look-ups the library screen needs beyond one page of rows.

Read marks are kept per fingerprint, so one mark can change the unread count of several
articles (the same text filed twice); and the list only caches the pages it has drawn,
so finding an article's place in a long listing needs the catalog. Both are index
look-ups: one query each, never a walk over the listing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tuireader.catalog.db import section_key, sections_of_key
from tuireader.ui.bookmark_lookup import listing_args

# The membership index's sort keys, in order (as in catalog_query).
_ORDER = {
    "date": ("date_rank", "title_key", "article_id"),
    "title": ("title_key", "article_id"),
}


def sections_sharing(catalog: Any, fingerprint: str) -> list[tuple[str, ...]]:
    """The sections of every catalogued article with this fingerprint (one per article)."""
    conn = catalog.reader().conn
    sql = "SELECT section_key FROM articles WHERE fingerprint = ?"
    return [sections_of_key(key) for (key,) in conn.execute(sql, (fingerprint,))]


def listing_index(
    catalog: Any, article_id: int, section: Sequence[str], sort: str, unread_only: bool
) -> int | None:
    """Where an article is in a listing (0-based), or None if the listing lacks it."""
    queries = catalog.reader()
    conn = queries.conn
    real_section, bookmarked = listing_args(tuple(section))
    key = section_key(tuple(real_section))
    # The same filters as the listing itself, so the count matches its rows.
    filters = queries._filters(unread_only, bookmarked)
    here = conn.execute(
        f"SELECT m.date_rank, m.title_key, a.path FROM membership m "
        f"JOIN articles a ON a.id = m.article_id "
        f"WHERE m.prefix = ? AND m.article_id = ?{filters}",
        (key, article_id),
    ).fetchone()
    if here is None:
        return None
    date_rank, title_key, path = here
    if sort == "path":
        sql = (
            "SELECT count(*) FROM membership m CROSS JOIN articles a ON a.id = m.article_id "
            f"WHERE m.prefix = ? AND a.path < ?{filters}"
        )
        return conn.execute(sql, (key, path)).fetchone()[0]
    columns = ", ".join(f"m.{column}" for column in _ORDER[sort])
    values = (date_rank, title_key, article_id) if sort == "date" else (title_key, article_id)
    marks = ", ".join("?" * len(values))
    sql = (
        f"SELECT count(*) FROM membership m WHERE m.prefix = ? AND ({columns}) < ({marks}){filters}"
    )
    return conn.execute(sql, (key, *values)).fetchone()[0]
