"""Library searches for the UI, on one long-lived thread with its own catalog connection.

The catalog opens one SQLite connection per thread; a thread worker per key press would
leave one behind each time, so every search runs on this runner's single thread (and
uses that thread's connection). A search that a newer one has overtaken while it waited
is skipped. No textual here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, TypeVar

from tuireader import search as library_search
from tuireader.catalog import Catalog
from tuireader.search import IndexStatus, SearchResults

RESULT_LIMIT = 200
T = TypeVar("T")


class SearchRunner:
    """Runs ``search`` and index-status queries for one catalog on one thread."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuireader-search")
        self._latest = 0
        self._lock = threading.Lock()

    def ticket(self) -> int:
        """A number for the newest search; older ones still waiting are skipped."""
        with self._lock:
            self._latest += 1
            return self._latest

    def search(
        self, query: str, ticket: int, limit: int | None = None, offset: int = 0
    ) -> SearchResults | None:
        """A page of results (blocking; call from a worker), every match counted; None if
        a newer search was asked for. ``limit`` defaults to :data:`RESULT_LIMIT`."""
        page = RESULT_LIMIT if limit is None else limit
        return self._pool.submit(self._search, query, ticket, page, offset).result()

    def status(self) -> IndexStatus:
        """How far the index is built (blocking; call from a worker)."""
        return self._pool.submit(library_search.index_status, self.catalog).result()

    def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(catalog, *args)`` on the search thread (blocking; call from a worker)."""
        return self._pool.submit(function, self.catalog, *args).result()

    def _search(self, query: str, ticket: int, limit: int, offset: int) -> SearchResults | None:
        if ticket != self._latest:
            return None
        found = library_search.search(self.catalog, query, limit=limit, offset=offset)
        if found.total is None and not found.error:  # "695 results", never "200+"
            found = replace(found, total=library_search.count(self.catalog, query))
        return found

    def close(self) -> None:
        """Stop the thread (its connection is closed with the catalog)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
