"""Library search: the query language, planning, ranking, snippets and find-in-article."""

from tuireader.catalog.fts import IndexStatus
from tuireader.search.engine import (
    Hit,
    SearchResults,
    build_index,
    build_index_if_free,
    count,
    hits_in_article,
    index_ready,
    index_status,
    matching_ids,
    results_words,
    search,
)

__all__ = [
    "Hit",
    "IndexStatus",
    "SearchResults",
    "build_index",
    "build_index_if_free",
    "count",
    "hits_in_article",
    "index_ready",
    "index_status",
    "matching_ids",
    "results_words",
    "search",
]
