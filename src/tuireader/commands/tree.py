"""``tuireader tree [LIBRARY]``: the section tree with article counts, indented."""

from __future__ import annotations

import argparse

from tuireader.catalog import SectionNode
from tuireader.commands import common


def register(subparsers) -> None:
    """Add the ``tree`` subcommand."""
    parser = common.add_command(subparsers, "tree", help="show the sections of a library")
    common.add_library_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Scan the library and print its section tree."""
    _, catalog = common.scanned_library(args)
    try:
        for line in tree_lines(catalog.section_tree()):
            print(line)
        problems = len(catalog.problems())
    finally:
        catalog.close()
    if problems:
        common.error(f"{problems} file(s) could not be read (see `tuireader list`)")
    return 0


def tree_lines(node: SectionNode, depth: int = 0) -> list[str]:
    """``name (count)`` for the node and its descendants, two spaces per level."""
    lines = [f"{'  ' * depth}{common.show_path(node.name)} ({node.total})"]
    for child in node.children:
        lines.extend(tree_lines(child, depth + 1))
    return lines
