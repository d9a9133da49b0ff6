"""The catalog's result types (listing rows, the section tree) and how they are built."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from tuireader.catalog.codec import decode_meta
from tuireader.library.model import ArticleMeta

ROOT_NAME = "All articles"


@dataclass(frozen=True)
class ArticleRow:
    """One line of an article listing (no body): the article's metadata and file facts."""

    id: int
    path: str
    meta: ArticleMeta
    format: str
    encoding: str
    fingerprint: str
    warnings: tuple[str, ...]
    read: bool = False
    bookmarked: bool = False

    @property
    def title(self) -> str:
        """The title (``meta.title``)."""
        return self.meta.title


class RowJson(NamedTuple):
    """One article of a whole-library listing in JSON-ready form, for scripts: built
    without an ArticleMeta per row. ``meta`` is ``ArticleMeta.to_json()`` with its empty
    fields left out, as the catalog stores it (``model.expand_meta_json`` fills them)."""

    path: str
    meta: dict[str, object]
    format: str
    encoding: str
    warnings: list[str]


@dataclass
class SectionNode:
    """A section of the tree with article counts that include all its subsections."""

    name: str
    path: tuple[str, ...]
    total: int = 0
    unread: int = 0
    children: list[SectionNode] = field(default_factory=list)


def to_row(values: Sequence[Any]) -> ArticleRow:
    """Build an ArticleRow from a result tuple of ``_select``."""
    return ArticleRow(
        id=values[0],
        path=values[1],
        meta=decode_meta(values[2]),
        format=values[3],
        encoding=values[4],
        fingerprint=values[5],
        warnings=tuple(json.loads(values[6])),
        read=bool(values[7]),
        bookmarked=bool(values[8]),
    )


def add_counts(
    index: dict[tuple[str, ...], SectionNode], sections: tuple[str, ...], total: int, unread: int
) -> None:
    """Add one section's counts to it and all its ancestors, creating nodes as needed.

    ``index`` maps section paths to their nodes and holds the root under ``()``.
    """
    for depth in range(len(sections) + 1):
        path = sections[:depth]
        node = index.get(path)
        if node is None:
            node = SectionNode(path[-1], path)
            index[path[:-1]].children.append(node)
            index[path] = node
        node.total += total
        node.unread += unread


def sort_children(node: SectionNode) -> None:
    """Sort every node's children by name."""
    node.children.sort(key=lambda child: child.name)
    for child in node.children:
        sort_children(child)
