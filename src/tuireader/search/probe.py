"""The quick path for queries that match a large share of the library.

Looking a common term up in the index means pulling tens of thousands of ids, yet the
first page of a dense match set lies among the newest few hundred articles. So the walk
starts there: title hits first, then every article newest first, each batch checked with
``instr`` on the folded text in SQL. If more than ``RANK_ALL`` matches turn up within
:data:`PROBE` articles, the set is large (ranked by title hit, then date) and the page
is ready without the index; otherwise the caller takes the index path. A sparse set is
recognised after the first batch or two, so the probe costs a rare term little.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Protocol


class Plan(Protocol):
    """What the quick path needs of a query plan (``tuireader.search.plan.Plan``)."""

    clause_terms: list[tuple[str, ...]]
    allowed: set[int] | None

    def title_hits(self, conn: sqlite3.Connection) -> set[int]:
        """Ids whose title holds every term."""
        ...

    def full_predicate(self) -> tuple[str, list[str]]:
        """The SQL predicate (and its parameters) that checks every term exactly."""
        ...


PROBE = 4096
_BATCH = 256


def dense_page(
    conn: sqlite3.Connection, plan: Plan, wanted: int, rank_all: int
) -> list[int] | None:
    """The first ``wanted`` matches in ranked order, or None if the set is not dense."""
    if wanted == 0 or not plan.clause_terms:
        return None
    need = max(wanted, rank_all + 1)
    where, params = plan.full_predicate()
    titled = plan.title_hits(conn)
    order = chain(by_date(conn, titled), newest_first(conn, titled))
    found: list[int] = []
    looked = 0
    for batch in batches(order, _BATCH):
        looked += len(batch)
        if plan.allowed is not None:
            batch = [i for i in batch if i in plan.allowed]
        found += matching_ids(conn, batch, where, params)
        if len(found) >= need:
            return found[:wanted]
        if looked >= PROBE or 2 * len(found) * PROBE < need * looked:
            return None  # at this rate the probe would not reach half of what it needs
    return None  # the whole library held few matches: the index path ranks them


def matching_ids(
    conn: sqlite3.Connection, ids: list[int], where: str, params: list[str]
) -> list[int]:
    """The ids (in order) whose folded text satisfies ``where`` (shared with ``Plan.check``)."""
    if not ids:
        return []
    sql = (
        "SELECT json_group_array(d.id) FROM search_docs d JOIN texts t ON t.id = d.id "
        f"WHERE d.id IN (SELECT value FROM json_each(?)) AND {where}"
    )
    good = set(json.loads(conn.execute(sql, (json.dumps(ids), *params)).fetchone()[0]))
    return [i for i in ids if i in good]


def newest_first(conn: sqlite3.Connection, skip: set[int]) -> Iterator[int]:
    """Every indexed article not in ``skip``, newest first, read lazily."""
    for (article_id,) in conn.execute("SELECT id FROM search_docs ORDER BY date_rank, id"):
        if article_id not in skip:
            yield article_id


def by_date(conn: sqlite3.Connection, ids: set[int]) -> list[int]:
    """``ids`` newest first (undated last)."""
    if not ids:
        return []
    sql = (
        "SELECT id FROM search_docs WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY date_rank, id"
    )
    return [row[0] for row in conn.execute(sql, (json.dumps(sorted(ids)),))]


def batches(items: Iterable[int], size: int) -> Iterator[list[int]]:
    """Consecutive lists of up to ``size`` items."""
    batch: list[int] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
