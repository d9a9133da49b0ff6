"""The section tree: "All articles" at the root, unread/total counts rolled up.

Children are added when a node is first expanded, so a library with thousands of
sections costs only what is on screen. Counts live in a dict keyed by section path, so
marking one article read adjusts a handful of labels without asking the catalog again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tuireader.catalog import SectionNode
from tuireader.ui.bindings import bindings
from tuireader.ui.library import BOOKMARKED
from tuireader.ui.safe_text import one_line
from tuireader.ui.widgets.saved_search_nodes import (
    SavedSearchChosen,
    SavedSearchForget,
    add_saved_searches,
)

Path = tuple[str, ...]
ROOT_LABEL = "All articles"
RIGHT_GAP = 1  # cells kept free before the border, so counts never touch it
TOGGLE_STYLE = Style.from_meta({"toggle": True})  # as Tree's: a click on the icon toggles
BOOKMARKED_LABEL = "★ Bookmarked"


def compact(number: int) -> str:
    """A count in at most four cells: 999, 9999, 12k, 100k, 1.2M."""
    if number < 10_000:
        return str(number)
    if number < 1_000_000:
        return f"{number // 1000}k"
    return f"{number / 1_000_000:.1f}M"


class SectionTree(Tree[SectionNode]):
    """A lazily filled tree of sections whose labels read ``name  unread/total``."""

    BINDINGS: ClassVar = bindings("tree")

    @dataclass
    class Chosen(Message):
        """The highlighted section changed."""

        tree: SectionTree
        path: Path
        name: str

        @property
        def control(self) -> SectionTree:
            """The tree that sent the message."""
            return self.tree

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(ROOT_LABEL), id=id)
        self.show_root = True
        self.guide_depth = 2
        self._counts: dict[Path, list[int]] = {}
        self._saved: list[tuple[str, str]] = []  # saved searches (ui/widgets/saved_search_nodes.py)
        self._saved_nodes: dict[int, tuple[str, str]] = {}
        self._bookmarked: tuple[int, int] | None = None  # the "★ Bookmarked" node's counts

    def show_tree(self, root: SectionNode) -> None:
        """Show the catalog's section tree, keeping what was expanded and highlighted."""
        expanded = {node.data.path for node in self._expanded_nodes() if node.data is not None}
        expanded.add(())
        node = self.cursor_node
        cursor = node.data.path if node is not None and node.data is not None else ()
        self._counts = {}
        self._remember(root)
        self.clear()
        self.root.data = root
        self.root.set_label(self._label(root, ROOT_LABEL))
        self.root.allow_expand = bool(root.children)
        self._reopen(self.root, expanded)
        self._show_bookmarked()
        self._saved_nodes = add_saved_searches(self, self._saved)
        self._move_to(self._find(cursor) or self.root)

    def set_saved_searches(self, searches: list[tuple[str, str]]) -> None:
        """Show these (name, query) pairs under "Saved searches"."""
        self._saved = list(searches)
        self._saved_nodes = add_saved_searches(self, self._saved)

    def set_bookmarked(self, unread: int, total: int) -> None:
        """Show the "★ Bookmarked" node with these counts."""
        self._bookmarked = (unread, total)
        self._show_bookmarked()

    def _show_bookmarked(self) -> None:
        """Add or relabel the "★ Bookmarked" node (not before its counts are known).

        Its data is a section whose path is :data:`BOOKMARKED`, so it is treated like any
        section (highlight → the list shows it, counts in the label); the library turns
        that path into a ``bookmarked_only`` listing.
        """
        if self._bookmarked is None:
            return
        unread, total = self._bookmarked
        self._counts[BOOKMARKED] = [unread, total]
        data = SectionNode(BOOKMARKED_LABEL, BOOKMARKED, total=total, unread=unread)
        for node in self.root.children:
            if node.data is not None and tuple(node.data.path) == BOOKMARKED:
                node.data = data
                node.set_label(self._label(data))
                return
        before = 0 if self.root.children else None
        self.root.add_leaf(self._label(data), data=data, before=before)
        self.root.allow_expand = True

    def adjust_unread(self, sections: Path, delta: int) -> None:
        """Change the unread count of every section on the way to ``sections``."""
        self.adjust_unread_many([sections], delta)

    def adjust_unread_many(self, sections: list[Path], delta: int) -> None:
        """Change the unread counts for several articles at once (one relabel)."""
        for one in sections:
            for depth in range(len(one) + 1):
                counts = self._counts.get(tuple(one[:depth]))
                if counts is not None:
                    counts[0] = max(0, min(counts[1], counts[0] + delta))
        self._relabel(self.root)

    def count_of(self, path: Path, unread_only: bool) -> int | None:
        """The number of (unread) articles under ``path``, if the tree knows the section."""
        counts = self._counts.get(path)
        if counts is None:
            return None
        return counts[0] if unread_only else counts[1]

    def unread(self, path: Path) -> int:
        """The unread count shown for ``path``."""
        return self._counts.get(path, [0, 0])[0]

    def _remember(self, node: SectionNode) -> None:
        self._counts[tuple(node.path)] = [node.unread, node.total]
        for child in node.children:
            self._remember(child)

    def _label(self, section: SectionNode, name: str | None = None) -> Text:
        label = Text(one_line(name or section.name), no_wrap=True, end="")
        label.append_text(Text("  ").append_text(self._counts_text(section)))
        return label

    def _counts_text(self, section: SectionNode) -> Text:
        unread, total = self._counts.get(tuple(section.path), [section.unread, section.total])
        return Text(f"{compact(unread)}/{compact(total)}", style="dim" if unread == 0 else "bold")

    def render_label(self, node: TreeNode[SectionNode], base_style: Style, style: Style) -> Text:
        """A section's name cut to fit, its counts whole and right-aligned, one cell
        short of the border (the name gives way, never the counts)."""
        if node.data is None:  # saved searches and their heading
            return super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth - RIGHT_GAP
        icon = ""
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        counts = self._counts_text(node.data)
        name = one_line(ROOT_LABEL if node.is_root else node.data.name)
        name_room = room - cell_len(icon) - counts.cell_len - 2
        if name_room < 1:  # too narrow for a name: the counts alone
            label = counts
        else:
            shown = (
                name if cell_len(name) <= name_room else set_cell_size(name, name_room - 1) + "…"
            )
            gap = room - cell_len(icon) - cell_len(shown) - counts.cell_len
            label = Text(shown + " " * max(2, gap), no_wrap=True, end="")
            label.append_text(counts)
        label.stylize(style)
        return Text.assemble((icon, base_style + TOGGLE_STYLE), label, no_wrap=True, end="")

    def _relabel(self, node: TreeNode[SectionNode]) -> None:
        if node.data is not None:
            node.set_label(self._label(node.data, ROOT_LABEL if node.is_root else None))
        for child in node.children:
            self._relabel(child)

    def _fill(self, node: TreeNode[SectionNode]) -> None:
        """Add the children of ``node`` the first time it opens."""
        if node.children or node.data is None:
            return
        for child in node.data.children:
            node.add(self._label(child), data=child, allow_expand=bool(child.children))

    def _reopen(self, node: TreeNode[SectionNode], expanded: set[Path]) -> None:
        if node.data is None or tuple(node.data.path) not in expanded:
            return
        self._fill(node)
        node.expand()
        for child in node.children:
            self._reopen(child, expanded)

    def _expanded_nodes(self) -> list[TreeNode[SectionNode]]:
        found: list[TreeNode[SectionNode]] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.is_expanded and node.data is not None:
                found.append(node)
                stack.extend(node.children)
        return found

    def _find(self, path: Path) -> TreeNode[SectionNode] | None:
        node = self.root
        for depth in range(1, len(path) + 1):
            match = [c for c in node.children if c.data and tuple(c.data.path) == path[:depth]]
            if not match:
                return None
            node = match[0]
        return node

    def select_path(self, path: Path) -> None:
        """Expand down to ``path`` and put the cursor on it (as far as it exists)."""
        node = self.root
        for depth in range(1, len(path) + 1):
            self._fill(node)
            node.expand()
            match = [c for c in node.children if c.data and tuple(c.data.path) == path[:depth]]
            if not match:
                break
            node = match[0]
        self._move_to(node)

    def _move_to(self, node: TreeNode[SectionNode]) -> None:
        # Node line numbers are only known once the tree's lines are rebuilt.
        _ = self.last_line
        self.move_cursor(node)

    @on(Tree.NodeExpanded)
    def _on_expand(self, event: Tree.NodeExpanded[SectionNode]) -> None:
        self._fill(event.node)

    @on(Tree.NodeHighlighted)
    def _on_highlight(self, event: Tree.NodeHighlighted[SectionNode]) -> None:
        event.stop()
        data = event.node.data
        if data is not None:
            name = ROOT_LABEL if event.node.is_root else data.name
            self.post_message(self.Chosen(self, tuple(data.path), name))
            return
        saved = self._saved_nodes.get(event.node.id)
        if saved is not None:  # a saved search lists its matches like a section
            self.post_message(SavedSearchChosen(*saved))

    @on(Tree.NodeSelected)
    def _on_select(self, event: Tree.NodeSelected[SectionNode]) -> None:
        event.stop()
        saved = self._saved_nodes.get(event.node.id)
        if saved is not None:
            self.post_message(SavedSearchChosen(*saved, focus=True))

    def action_select_cursor(self) -> None:
        """Enter: as Tree's; on a saved search, the list takes the focus at once."""
        super().action_select_cursor()
        node = self.cursor_node
        if node is not None and node.id in self._saved_nodes:
            # Now, not when the message arrives: a quick second Enter opens a match.
            self.app.action_focus_next()

    def action_forget_saved(self) -> None:
        """d on a saved search: ask the screen to forget it."""
        node = self.cursor_node
        saved = self._saved_nodes.get(node.id) if node is not None else None
        if saved is not None:
            self.post_message(SavedSearchForget(saved[0]))

    def action_collapse_or_parent(self) -> None:
        """Collapse the open node, or go up to the parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)

    def action_expand_or_list(self) -> None:
        """Expand the node; on a leaf or an open node, go on to the article list."""
        node = self.cursor_node
        if node is not None and node.allow_expand and not node.is_expanded:
            node.expand()
        else:
            self.app.action_focus_next()

    def action_first(self) -> None:
        """Go to the root."""
        self.move_cursor_to_line(0)

    def action_last(self) -> None:
        """Go to the last visible section."""
        self.move_cursor_to_line(self.last_line)
