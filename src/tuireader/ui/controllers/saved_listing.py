"""A saved search as a listing: the article list's row source over ``search.search``.

The article list reads any object with ``count()`` and ``rows(offset, limit)``. A search
pages in ranked order, but a large match set is paged without being counted, so the
count is found first, off the UI thread (:func:`count_matches`), and handed in. Rows are
the catalog's own rows (with read and bookmark marks), in the search's order. No textual.
"""

from __future__ import annotations

from tuireader import search as library_search
from tuireader.catalog import ArticleRow, Catalog
from tuireader.search.query import QueryError


def count_matches(catalog: Catalog, query: str) -> tuple[int, str | None]:
    """(number of matching articles, error for people or None); blocking, for a worker."""
    first = library_search.search(catalog, query, limit=0)
    if first.error and first.ready:  # a bad query (not "index still building")
        return 0, first.error
    if first.total is not None:
        return first.total, None
    try:
        return library_search.count(catalog, query), None
    except QueryError as exc:
        return 0, str(exc)


class SavedSearchListing:
    """The matches of a saved search, in ranked order, as pages of catalog rows."""

    def __init__(self, catalog: Catalog, name: str, query: str, total: int) -> None:
        """The ``total`` matches of ``query`` (the search called ``name``) in ``catalog``."""
        self.catalog = catalog
        self.name = name
        self.query = query
        self.total = total
        self._paths: list[str] = []  # the longest run of result paths fetched so far

    def count(self) -> int:
        """How many articles match (counted before the listing was made)."""
        return self.total

    def rows(self, offset: int, limit: int) -> list[ArticleRow]:
        """One page of matches as catalog rows (an article gone since is left out)."""
        found = library_search.search(self.catalog, self.query, limit=limit, offset=offset)
        rows = (self.catalog.row(hit.article_id) for hit in found.results)
        return [row for row in rows if row is not None]

    def paths(self, upto: int) -> list[str]:
        """The paths of the first ``upto`` matches (for the reader's result trail)."""
        upto = min(max(upto, 0), self.total)
        if len(self._paths) < upto:
            found = library_search.search(self.catalog, self.query, limit=upto)
            self._paths = [hit.path for hit in found.results]
        return self._paths[:upto]
