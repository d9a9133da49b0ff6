"""The catalog's result types (listing rows, the section tree) and how they are built."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

ROOT_NAME = "All articles"


@dataclass(frozen=True)
class ArticleRow:
    """One line of an article listing (no body)."""

    id: int
    path: str
    title: str
    sections: tuple[str, ...]
    date: str | None
    source: str | None
    author: str | None
    format: str
    encoding: str
    fingerprint: str
    warnings: tuple[str, ...]
    read: bool = False
    bookmarked: bool = False


@dataclass
class SectionNode:
    """A section of the tree with article counts that include all its subsections."""

    name: str
    path: tuple[str, ...]
    total: int = 0
    unread: int = 0
    children: list[SectionNode] = field(default_factory=list)


def to_row(values: Sequence) -> ArticleRow:
    """Build an ArticleRow from a result tuple of ``_select``."""
    return ArticleRow(
        id=values[0],
        path=values[1],
        title=values[2],
        sections=tuple(json.loads(values[3])),
        date=values[4],
        source=values[5],
        author=values[6],
        format=values[7],
        encoding=values[8],
        fingerprint=values[9],
        warnings=tuple(json.loads(values[10])),
        read=bool(values[11]),
        bookmarked=bool(values[12]),
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
