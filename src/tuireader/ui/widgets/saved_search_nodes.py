"""Saved searches as a branch of the section tree: "Saved searches" with one node each.

The nodes carry no section data (``data`` is None), so the tree's section logic (counts,
highlight → list, re-expansion) passes over them; the tree keeps a map from node id to
query and posts :class:`SavedSearchChosen` when one is highlighted (the article list
shows its matches, like a section's articles) or chosen with Enter (the list takes the
focus), and :class:`SavedSearchForget` when ``d`` is pressed on one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree

from tuireader.ui.safe_text import one_line

BRANCH_LABEL = "Saved searches"


@dataclass
class SavedSearchChosen(Message):
    """A saved search was highlighted (or, ``focus``, chosen): list its matches."""

    name: str
    query: str
    focus: bool = False


@dataclass
class SavedSearchForget(Message):
    """``d`` on a saved search in the tree: forget it (the screen asks first)."""

    name: str


def add_saved_searches(
    tree: Tree[Any], searches: Sequence[tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    """Replace the tree's saved-search branch; {node id: (name, query)} of the new nodes."""
    for node in list(tree.root.children):
        if node.data is None and str(node.label) == BRANCH_LABEL:
            node.remove()
    if not searches:
        return {}
    branch = tree.root.add(Text(BRANCH_LABEL, style="italic"), data=None, expand=True)
    found: dict[int, tuple[str, str]] = {}
    for name, query in searches:
        label = Text("⌕ ", style="dim", no_wrap=True, end="")
        label.append(one_line(name))
        node = branch.add_leaf(label, data=None)
        found[node.id] = (name, query)
    return found
