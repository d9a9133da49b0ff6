"""Which articles match a parsed query, and in what order, doing no more work than needed.

A dense match set is paged by a short newest-first walk (``search_probe``) without
touching the index. Otherwise every term gives a candidate set from the index
(``search_lookup``), exact for terms of 1-3 characters and a superset for longer ones.
Candidates are checked against the folded text only where a set is not exact, and only
as far as the page needs, walking in ranked order: title hits first, then the rest,
newest first. When the whole match set is small (at most :data:`RANK_ALL`), it is
checked in full and ordered by title hit, then hit count, then date, and the total is
exact. A large set's total is exact when no check was needed; otherwise it is None
until :func:`exact_ids` counts it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from tuireader.search.lookup import candidates, count_holding, title_ids
from tuireader.search.probe import batches, by_date, dense_page, matching_ids, newest_first

RANK_ALL = 200
# A term is in the title, the byline (author, source) or the body: the term thrice.
_HOLDS = "(instr(d.title, ?) > 0 OR instr(d.byline, ?) > 0 OR instr(t.folded, ?) > 0)"
_HOLDS_PARAMS = 3
_CHECK_BATCH = 64
_DENSE = 20  # stream the date index when candidates are over 1/_DENSE of the library


@dataclass
class Plan:
    """One query's text terms and filter set; candidate sets are looked up on demand.

    ``clauses`` / ``excluded`` hold (terms, candidate ids, exact) once :meth:`resolve`
    has run; :meth:`full_predicate` needs no lookup at all.
    """

    clause_terms: list[tuple[str, ...]]
    excluded_terms: list[str]
    allowed: set[int] | None
    title_only: bool
    clauses: list[tuple[tuple[str, ...], set[int], bool]] = field(default_factory=list)
    excluded: list[tuple[str, set[int], bool]] = field(default_factory=list)
    resolved: bool = False
    _titled: set[int] | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        """Every positive term, once each, in order."""
        return tuple(dict.fromkeys(t for terms in self.clause_terms for t in terms))

    def resolve(self, conn: sqlite3.Connection) -> Plan:
        """Look every term up in the index (once)."""
        if not self.resolved:
            for terms in self.clause_terms:
                found: set[int] = set()
                exact = True
                for term in terms:
                    ids, term_exact = candidates(conn, term, self.title_only)
                    found |= ids
                    exact = exact and term_exact
                self.clauses.append((terms, found, exact))
            self.excluded = [(t, *candidates(conn, t, False)) for t in self.excluded_terms]
            self.resolved = True
        return self

    def title_hits(self, conn: sqlite3.Connection) -> set[int]:
        """Articles with a positive term in their title (within the filter set)."""
        if self._titled is None:
            hits: set[int] = set()
            for term in self.terms:
                hits |= title_ids(conn, term)
            self._titled = hits if self.allowed is None else hits & self.allowed
        return self._titled

    def full_predicate(self) -> tuple[str, list[str]]:
        """SQL over ``d`` (search_docs) and ``t`` (texts: ``t.folded``) for the whole text part."""
        holds = "(instr(d.title, ?) > 0)" if self.title_only else _HOLDS
        width = 1 if self.title_only else _HOLDS_PARAMS
        parts = ["(" + " OR ".join([holds] * len(terms)) + ")" for terms in self.clause_terms]
        params = [t for terms in self.clause_terms for term in terms for t in [term] * width]
        for term in self.excluded_terms:
            parts.append(f"NOT {_HOLDS}")
            params += [term] * _HOLDS_PARAMS
        return " AND ".join(parts) or "1", params

    @property
    def exact(self) -> bool:
        """Whether the candidates need no check against the text."""
        return all(e for *_, e in self.clauses) and all(e for *_, e in self.excluded)

    def candidate_ids(self, conn: sqlite3.Connection) -> set[int]:
        """Articles that may match (exactly those that match when ``exact``)."""
        ids = self.allowed
        for _terms, found, _exact in self.clauses:
            ids = set(found) if ids is None else ids & found
        if ids is None:
            ids = {row[0] for row in conn.execute("SELECT id FROM search_docs")}
        for _term, found, exact in self.excluded:
            if exact:
                ids -= found
        return ids

    def check(self, conn: sqlite3.Connection, ids: Iterable[int]) -> list[int]:
        """The ids (in the given order) that really match, checking their folded text.

        The check runs in SQL (``instr`` on the stored UTF-8): no Python string is made
        for a body, which is what makes counting tens of thousands of candidates bearable.
        """
        ids = list(ids)
        if self.exact or not ids:
            return ids
        where, params = self._predicate()
        return matching_ids(conn, ids, where, params)

    def _predicate(self) -> tuple[str, list[str]]:
        """SQL requiring every inexact clause and refusing every inexact exclusion."""
        parts: list[str] = []
        params: list[str] = []
        for terms, _found, exact in self.clauses:
            if not exact:
                parts.append("(" + " OR ".join([_HOLDS] * len(terms)) + ")")
                params += [term for term in terms for _ in range(_HOLDS_PARAMS)]
        for term, _found, exact in self.excluded:
            if not exact:
                parts.append(f"NOT {_HOLDS}")
                params += [term] * _HOLDS_PARAMS
        return " AND ".join(parts), params


def make_plan(
    clauses: list[tuple[str, ...]],
    excluded: list[str],
    allowed: set[int] | None,
    title_only: bool,
) -> Plan:
    """A plan for these terms; nothing is looked up yet."""
    return Plan(list(clauses), list(excluded), allowed, title_only)


def exact_count(conn: sqlite3.Connection, plan: Plan) -> int:
    """How many articles match: counted by the index alone for one short term and
    nothing else (no filter, no exclusion, not in the title only), else the size of
    :func:`exact_ids`."""
    alone = plan.allowed is None and not plan.excluded_terms and not plan.title_only
    if alone and len(plan.clause_terms) == 1 and len(plan.clause_terms[0]) == 1:
        counted = count_holding(conn, plan.clause_terms[0][0])
        if counted is not None:
            return counted
    return len(exact_ids(conn, plan))


def exact_ids(conn: sqlite3.Connection, plan: Plan) -> set[int]:
    """Every matching article (checks every candidate when needed)."""
    plan.resolve(conn)
    return set(plan.check(conn, plan.candidate_ids(conn)))


def ranked_page(
    conn: sqlite3.Connection, plan: Plan, offset: int, limit: int
) -> tuple[list[int], int | None]:
    """The ids of one page in ranked order, and the total (None: not counted)."""
    quick = dense_page(conn, plan, offset + limit, RANK_ALL)
    if quick is not None:
        return quick[offset : offset + limit], None
    ids = plan.resolve(conn).candidate_ids(conn)
    if len(ids) <= RANK_ALL:
        ranked = _rank_all(conn, plan, plan.check(conn, ids))
        return ranked[offset : offset + limit], len(ranked)
    wanted = offset + limit
    if wanted == 0:  # a count only
        return [], (len(ids) if plan.exact else None)
    titled = by_date(conn, plan.title_hits(conn) & ids)
    order = chain(titled, _date_order(conn, ids, set(titled)))
    page: list[int] = []
    checked = 0
    for batch in batches(order, _CHECK_BATCH):
        page += plan.check(conn, batch)
        checked += len(batch)
        if len(page) >= wanted:
            break
    if plan.exact:
        total: int | None = len(ids)
    else:
        total = len(page) if checked == len(ids) else None
    return page[offset:wanted], total


def _rank_all(conn: sqlite3.Connection, plan: Plan, ids: list[int]) -> list[int]:
    """A small match set ordered by title hit, hit count, date."""
    if not ids:
        return []
    sql = (
        "SELECT d.id, d.title, d.byline, t.folded, d.date_rank FROM search_docs d "
        "JOIN texts t ON t.id = d.id WHERE d.id IN (SELECT value FROM json_each(?))"
    )
    keys = {}
    for article_id, title, byline, body, rank in conn.execute(sql, (json.dumps(ids),)):
        in_title = any(term in title for term in plan.terms)
        hits = sum((title + byline + body).count(term) for term in plan.terms)
        keys[article_id] = (not in_title, -hits, rank, article_id)
    return sorted(keys, key=keys.__getitem__)


def _date_order(conn: sqlite3.Connection, ids: set[int], skip: set[int]) -> Iterator[int]:
    """Candidates not in ``skip``, newest first, read lazily."""
    total = conn.execute("SELECT max(rowid) FROM search_docs").fetchone()[0] or 0
    if len(ids) * _DENSE < total:
        yield from (i for i in by_date(conn, ids) if i not in skip)
        return
    yield from (i for i in newest_first(conn, skip) if i in ids)
