"""Blocks of an HTML fragment inside another format (a ``<table>`` in a Markdown file)."""

from __future__ import annotations

from tuireader.library.formats.html.blocks import blocks_from_elements
from tuireader.library.formats.html.tree import parse_tree, remove_never_text
from tuireader.library.model import Block


def html_fragment_blocks(markup: str) -> list[Block]:
    """The blocks of ``markup`` as the page walker makes them (no clutter removal: the
    author put this fragment in the document on purpose)."""
    root = parse_tree(markup)
    if root is None:
        return []
    remove_never_text(root)
    return blocks_from_elements([next(root.iter("body"), root)])
