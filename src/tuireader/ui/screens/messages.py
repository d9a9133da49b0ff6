"""Messages that workers post back to the UI thread (workers never touch widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class ScanProgress(Message):
    """The library scan has looked at ``done`` of ``total`` files."""

    done: int
    total: int


@dataclass
class ScanFinished(Message):
    """The library scan ended; ``error`` is set when it failed as a whole."""

    report: Any = None
    error: str | None = None


@dataclass
class ArticleLoaded(Message):
    """An article's blocks were loaded in a worker."""

    row: Any
    article: Any = None
    error: str | None = None
    anchor: Any = None
