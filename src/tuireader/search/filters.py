"""The non-text parts of a search query: sections, dates and the user's marks, as SQL.

Marks come from the user's state.db attached to the catalog connection as ``st`` (see
``Catalog.attach_state``); without it every article is unread and none is bookmarked.
"""

from __future__ import annotations

from tuireader.catalog.query import Queries
from tuireader.search.query import Query


def allowed_ids(queries: Queries, parsed: Query) -> set[int] | None:
    """Ids passing the section, date and mark filters (None: no filter)."""
    where, params = _filter_sql(queries, parsed)
    if not where:
        return None
    sql = "SELECT a.id FROM articles a WHERE " + " AND ".join(where)
    return {row[0] for row in queries.conn.execute(sql, params)}


def _filter_sql(queries: Queries, parsed: Query) -> tuple[list[str], list[object]]:
    """WHERE terms and parameters for sections, dates and the user's marks."""
    where: list[str] = []
    params: list[object] = []
    for section in parsed.sections:
        # A whole name anywhere on the path; ASCII case does not matter (News = news).
        where.append(
            "instr(lower(char(31) || a.section_key), lower(char(31) || ? || char(31))) > 0"
        )
        params.append(section)
    if parsed.after:
        where.append("substr(a.date, 1, length(?)) >= ?")
        params += [parsed.after, parsed.after]
    if parsed.before:
        where.append("substr(a.date, 1, length(?)) <= ?")
        params += [parsed.before, parsed.before]
    # The marks' SQL is the listings' own; without state.db it reads "0" (all unread).
    if parsed.unread and queries.attached:
        where.append(f"NOT {queries.read_sql('a.fingerprint')}")
    if parsed.bookmarked:
        where.append(queries.bookmarked_sql("a.fingerprint"))
    if parsed.meta_field:
        # The field from the article's stored metadata (a JSON column); case folded.
        value = f"lower(coalesce(json_extract(a.meta, '$.{parsed.meta_field}'), ''))"
        for clause in parsed.meta_clauses:
            where.append("(" + " OR ".join(f"instr({value}, ?) > 0" for _ in clause) + ")")
            params += list(clause)
    return where, params
