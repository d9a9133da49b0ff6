"""The "★ Bookmarked" node of the section tree: every bookmarked article, as a section.

Its data is a :class:`SectionNode` whose path is :data:`BOOKMARKED`, so the tree treats
it like any section (highlight → the list shows it, counts in the label) and the library
turns that path into a ``bookmarked_only`` listing.
"""

from __future__ import annotations

from typing import Any

from tuireader.catalog import SectionNode
from tuireader.ui.library import BOOKMARKED

LABEL = "★ Bookmarked"


def show_bookmarked(tree: Any, counts: tuple[int, int] | None) -> None:
    """Add or relabel the node with (unread, total) counts; None leaves the tree alone."""
    if counts is None:
        return
    unread, total = counts
    tree._counts[BOOKMARKED] = [unread, total]
    data = SectionNode(LABEL, BOOKMARKED, total=total, unread=unread)
    for node in tree.root.children:
        if node.data is not None and tuple(node.data.path) == BOOKMARKED:
            node.data = data
            node.set_label(tree._label(data))
            return
    before = 0 if tree.root.children else None
    tree.root.add_leaf(tree._label(data), data=data, before=before)
    tree.root.allow_expand = True
