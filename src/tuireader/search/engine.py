"""Library search: query language in, ranked results with snippets out.

    results = search(catalog, '经济 -旅游 after:2022-01-01', limit=50)
    if not results.ready: ...            # first index build still running (partial results)
    for hit in results.results: hit.title, hit.snippet, hit.snippet_spans
    n = count(catalog, '经济')           # exact number of matching articles

Exactness: for a single term the matches are exactly the articles whose folded title,
author, source or body contains it. Ranking (``search_plan``): title hits first, then hit count, then
newest first. Hit counts need every match's text, so they rank only a match set of at
most ``RANK_ALL`` articles; a larger set is ordered by title hit, then date. A large set
is usually paged without being counted: ``total`` is None then (ask :func:`count`, e.g.
in a worker); small sets and sets found exactly by the index are counted.

The index is built by :func:`build_index` (a background thread in the UI; the CLI waits);
until then ``ready`` is False, ``error`` says so plainly and results cover only what is
indexed so far. A catalog's first scan leaves the index "pending"; after that, scans
keep it up to date in their own transactions.

For the UI: :func:`search`, :func:`count`, :func:`index_status`, :func:`build_index`;
:func:`hits_in_article` gives the (block, start, end) hits of a result's query inside
the opened article; ``search_find.find_in_text`` serves the in-article find bar;
``state_searches`` keeps saved searches.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tuireader.catalog import Catalog, locks
from tuireader.catalog import fts as search_index
from tuireader.catalog.codec import decode_meta, stored_body
from tuireader.catalog.db import connect
from tuireader.catalog.fts import IndexStatus
from tuireader.catalog.query import Queries
from tuireader.library.model import Article, ArticleMeta
from tuireader.search.filters import allowed_ids
from tuireader.search.find import Match, find_terms
from tuireader.search.plan import RANK_ALL, Plan, exact_count, exact_ids, make_plan, ranked_page
from tuireader.search.query import Query, QueryError, parse_query
from tuireader.search.snippets import make_snippet
from tuireader.search.variants import variants as script_variants

__all__ = ["RANK_ALL", "Hit", "SearchResults", "count", "results_words", "search"]


@dataclass(frozen=True)
class Hit:
    """One matching article, with a one-line snippet and its highlight spans."""

    article_id: int
    path: str
    meta: ArticleMeta
    hits: int
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    in_title: bool


@dataclass(frozen=True)
class SearchResults:
    """A page of results; ``total`` counts every match; ``error`` is for people."""

    results: list[Hit] = field(default_factory=list)
    total: int | None = 0
    ready: bool = True
    error: str | None = None
    status: IndexStatus | None = None


def index_status(catalog: Catalog) -> IndexStatus:
    """How far the search index is built."""
    return search_index.status(catalog.queries().conn)


def index_ready(catalog: Catalog) -> bool:
    """Whether the search index is built (cheaper than :func:`index_status`: no count)."""
    return search_index.is_ready(catalog.queries().conn)


def build_index(
    catalog: Catalog, progress: Callable[[int, int], None] | None = None
) -> IndexStatus:
    """Build (or finish building) the index; run it off the UI thread. Another process
    building it is waited for (``catalog.locks``), then this one carries on from there."""
    built = build_index_if_free(catalog, progress, wait=True)
    assert built is not None  # waited for the lock
    return built


def build_index_if_free(
    catalog: Catalog, progress: Callable[[int, int], None] | None = None, wait: bool = False
) -> IndexStatus | None:
    """:func:`build_index`, unless another process is building it right now: then None
    at once (a search meanwhile finds what is indexed so far)."""
    with locks.held(catalog.db_path, locks.BUILD, wait) as free:
        if not free:
            return None
        return search_index.build(connect(catalog.db_path), progress)


def search(
    catalog: Catalog, query: str, limit: int = 50, offset: int = 0, variants: bool = False
) -> SearchResults:
    """Search the library; ``variants`` also matches Simplified/Traditional forms."""
    try:
        parsed = parse_query(query)
    except QueryError as exc:
        return SearchResults(error=str(exc))
    queries = catalog.queries()
    ready = search_index.is_ready(queries.conn)
    status = None if ready else search_index.status(queries.conn)
    if not (parsed.clauses or parsed.excluded or parsed.has_filters):
        return SearchResults(ready=ready, status=status)
    plan = _plan(queries, parsed, variants)
    page, total = ranked_page(queries.conn, plan, max(offset, 0), max(limit, 0))
    results = _hits(queries, page, list(plan.terms))
    note = None if status is None else _not_ready(status)
    return SearchResults(results, total, ready, note, status)


def results_words(total: int, shown: int) -> str:
    """How many results, said the same way by the CLI and the search screen:
    ``695 results, first 200 shown`` (never ``200+``: an uncounted search is counted)."""
    words = f"{total:,} {'result' if total == 1 else 'results'}"
    return words + (f", first {shown:,} shown" if shown < total else "")


def count(catalog: Catalog, query: str, variants: bool = False) -> int:
    """The exact number of matching articles; QueryError if the query is bad."""
    queries = catalog.queries()
    return exact_count(queries.conn, _plan(queries, parse_query(query), variants))


def matching_ids(catalog: Catalog, query: str, variants: bool = False) -> set[int]:
    """Ids of every article matching ``query`` (unranked); QueryError if it is bad."""
    queries = catalog.queries()
    return exact_ids(queries.conn, _plan(queries, parse_query(query), variants))


def hits_in_article(article: Article, query: str, variants: bool = False) -> list[Match]:
    """(block, start, end) of every hit of the query's terms in the article's blocks."""
    try:
        parsed = parse_query(query)
    except QueryError:
        return []
    return find_terms([block.text for block in article.blocks], _expand(parsed.terms, variants))


def _not_ready(status: IndexStatus) -> str:
    """The plain message shown while the first build runs."""
    return (
        f"The search index is still being built ({status.indexed:,} of {status.total:,} "
        "articles); results are incomplete."
    )


def _expand(terms: Iterable[str], variants: bool) -> list[str]:
    """Terms plus their Simplified/Traditional forms when asked."""
    if not variants:
        return list(dict.fromkeys(terms))
    return list(dict.fromkeys(form for term in terms for form in script_variants(term)))


def _plan(queries: Queries, parsed: Query, variants: bool) -> Plan:
    """Look the query's terms up; filters become a set of allowed ids."""
    clauses = [tuple(_expand(clause, variants)) for clause in parsed.clauses]
    excluded = _expand(parsed.excluded, variants)
    return make_plan(clauses, excluded, allowed_ids(queries, parsed), parsed.title_only)


def _hits(queries: Queries, ids: list[int], terms: list[str]) -> list[Hit]:
    """Result rows for one page, with snippets, in the order of ``ids``."""
    if not ids:
        return []
    sql = (
        "SELECT a.id, a.path, a.meta, t.folded, t.patch, coalesce(d.title, ''), "
        "coalesce(d.byline, '') "
        "FROM articles a JOIN texts t ON t.id = a.id LEFT JOIN search_docs d ON d.id = a.id "
        "WHERE a.id IN (SELECT value FROM json_each(?))"
    )
    by_id = {row[0]: row for row in queries.conn.execute(sql, (json.dumps(ids),))}
    return [_hit(by_id[i], terms) for i in ids if i in by_id]


def _hit(row: tuple[Any, ...], terms: list[str]) -> Hit:
    """One result from its row: snippet from the first hit's paragraph."""
    article_id, path, meta, folded_body, patch, folded_title, byline = row
    body = stored_body(folded_body, patch)
    count = sum((folded_title + byline + folded_body).count(t) for t in terms)
    snippet, spans = make_snippet(body, folded_body, terms)
    return Hit(
        article_id=article_id,
        path=path,
        meta=decode_meta(meta),
        hits=count,
        snippet=snippet,
        snippet_spans=spans,
        in_title=any(term in folded_title for term in terms),
    )
