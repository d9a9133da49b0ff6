"""Messages that workers post back to the library screen (workers never touch widgets).

Every thread worker of the library screen and its controllers ends by posting one of
these; the screen handles each with ``@on(...)`` and calls its controllers down.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tuireader.catalog import ArticleRow, ScanReport
from tuireader.library.model import Article
from tuireader.search.find import FindResult


@dataclass
class ScanProgress(Message):
    """The library scan has looked at ``done`` of ``total`` files."""

    done: int
    total: int


@dataclass
class ScanFinished(Message):
    """The library scan ended; ``error`` is set when it failed as a whole."""

    report: ScanReport | None = None
    error: str | None = None


@dataclass
class ArticleLoaded(Message):
    """An article's blocks were loaded (``error`` when they could not be); ``complete``
    False: its first blocks only, the rest still loading (another ArticleLoaded follows)."""

    row: ArticleRow
    article: Article | None = None
    error: str | None = None
    complete: bool = True


@dataclass
class IndexProgress(Message):
    """The background index build has indexed ``indexed`` of ``total`` articles."""

    indexed: int
    total: int


@dataclass
class IndexBuilt(Message):
    """The background index build ended (``error`` if it failed)."""

    indexed: int
    total: int
    error: str | None = None


@dataclass
class FindDone(Message):
    """Hits of ``query`` in the article shown as ``generation`` (from the find worker)."""

    generation: int
    query: str
    result: FindResult
    mode: str  # "type": incremental; "load": a new article; "library": a search result


@dataclass
class SavedCounted(Message):
    """A saved search's matches were counted (``error`` for a bad query)."""

    name: str
    query: str
    total: int
    error: str | None = None
