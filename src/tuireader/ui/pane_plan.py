"""Which panes the library screen shows, and how big, for a terminal size (pure: no Textual).

Three layouts, chosen by the terminal's size in cells (``auto``) or by the user:

- ``wide``: section tree | article list above the reader, as on a big terminal;
- ``medium``: the tree is folded away (the list's title line names the section: ``h``
  from the list opens the tree in its place); the list beside the reader where the
  terminal is wide enough for both (:data:`BESIDE_MIN_WIDTH`), else the panes stacked
  and the one with the focus gets the room: reading, the list folds to its title line;
- ``reader``: one pane at a time, each the whole screen (the reader, the list or the tree).

Full screen (``f``) shows only the reader in any layout. The reader always gets the most
room: sizes the user sets are clamped so the tree never takes more than a third of the
width, nor the list more rows than the reader. :func:`plan` turns all of that into a
:class:`Plan`; the layout controller applies it to the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from tuireader.config.values import LAYOUTS

Mode = Literal["wide", "medium", "reader"]
Pane = Literal["tree", "list", "reader"]
MODES: tuple[Mode, ...] = ("wide", "medium", "reader")

#: The smallest terminal (columns, rows) that ``auto`` gives each layout.
WIDE_MIN = (100, 28)
MEDIUM_MIN = (60, 16)
BESIDE_MIN_WIDTH = 130  # medium on a terminal this wide: the list beside the reader

MIN_TREE_WIDTH = 16  # a name and its counts
MIN_LIST_ROWS = 2
MIN_SIDE_LIST_WIDTH = 24
BORDERS = 2  # a bordered pane's top and bottom (or left and right) lines
SPLITTER = 1  # the bar between two panes that the mouse drags
AWAY = 0  # a pane folded away (kept in the focus chain, so Tab and h still reach it)
BAR = 1  # the list folded to its title line: the section bar


@dataclass(frozen=True)
class PaneSizes:
    """The sizes the user chose: tree width and list rows (wide), list rows (stacked)."""

    tree_width: int = 28  # cells, borders included
    list_rows: int = 10  # rows of articles in the wide layout
    stacked_list_rows: int = 8  # rows of articles in the medium layout, the list focused
    side_list_width: int = 44  # cells of the list beside the reader (medium, wide enough)


@dataclass(frozen=True)
class LayoutMemory:
    """What is remembered per library: the layout chosen, the sizes, full screen.

    ``config_layout`` is the config file's ``layout`` when the choice was made: when
    the file says something else later, the file's newer word counts.
    """

    choice: str = "auto"
    config_layout: str = "auto"
    sizes: PaneSizes = PaneSizes()
    fullscreen: bool = False


@dataclass(frozen=True)
class Plan:
    """How to lay the panes out now.

    Sizes are cells: ``tree`` is a width in the wide layout, a height when stacked;
    ``None`` means "the rest of the room", :data:`AWAY` folded away, :data:`BAR` the
    list's title line alone.
    """

    mode: Mode
    stacked: bool
    tree: int | None
    list: int | None
    reader: int | None
    tree_splitter: bool
    list_splitter: bool
    beside: bool = False  # the list beside the reader: its size is a width


def mode_for(choice: str, width: int, height: int) -> Mode:
    """The layout for a ``choice`` of :data:`LAYOUTS` on a terminal ``width`` × ``height``."""
    for mode in MODES:
        if choice == mode:
            return mode
    if width >= WIDE_MIN[0] and height >= WIDE_MIN[1]:
        return "wide"
    if width >= MEDIUM_MIN[0] and height >= MEDIUM_MIN[1]:
        return "medium"
    return "reader"


def next_choice(choice: str) -> str:
    """The choice after ``choice``: auto, wide, medium, reader, auto..."""
    index = LAYOUTS.index(choice) if choice in LAYOUTS else -1
    return LAYOUTS[(index + 1) % len(LAYOUTS)]


def clamp(sizes: PaneSizes, width: int, height: int) -> PaneSizes:
    """``sizes`` kept to what leaves the reader the most room on ``width`` × ``height``
    (``height``: the rows the panes share)."""
    tree = max(MIN_TREE_WIDTH, min(sizes.tree_width, width // 3))
    # The list (with its borders) never gets more rows than the reader below it.
    most = max(MIN_LIST_ROWS, (height - SPLITTER) // 2 - BORDERS)
    return PaneSizes(
        tree_width=tree,
        list_rows=max(MIN_LIST_ROWS, min(sizes.list_rows, most)),
        stacked_list_rows=max(MIN_LIST_ROWS, min(sizes.stacked_list_rows, most)),
        side_list_width=max(MIN_SIDE_LIST_WIDTH, min(sizes.side_list_width, width // 3)),
    )


def beside(mode: Mode, width: int) -> bool:
    """Whether the list stands beside the reader (medium, on a wide enough terminal)."""
    return mode == "medium" and width >= BESIDE_MIN_WIDTH


def resized(sizes: PaneSizes, mode: Mode, width: int, columns: int, rows: int) -> PaneSizes:
    """``sizes`` after a resize key: ``columns`` more for the tree (the list, when it
    stands beside the reader), ``rows`` more for the list (of the layout in force on a
    terminal ``width`` wide; unclamped)."""
    if mode == "wide":
        return replace(
            sizes, tree_width=sizes.tree_width + columns, list_rows=sizes.list_rows + rows
        )
    if beside(mode, width):
        return replace(sizes, side_list_width=sizes.side_list_width + columns)
    if mode == "medium":
        return replace(sizes, stacked_list_rows=sizes.stacked_list_rows + rows)
    return sizes


def plan(
    mode: Mode,
    sizes: PaneSizes,
    focus: Pane,
    *,
    fullscreen: bool = False,
    reading: bool = True,
    width: int,
    height: int,
) -> Plan:
    """The panes for ``mode`` with ``focus`` in one of them, on ``width`` × ``height``
    (``height``: the rows the panes share, status line and footer excluded).
    ``reading``: an article is open (until then, stacked, the list takes the reader's room).
    """
    sizes = clamp(sizes, width, height)
    if fullscreen:
        return Plan(mode, mode != "wide", AWAY, AWAY, None, False, False)
    if mode == "wide":
        return Plan(mode, False, sizes.tree_width, sizes.list_rows + BORDERS, None, True, True)
    if beside(mode, width):  # the tree takes the list's place while it has the focus
        side = sizes.side_list_width
        if focus == "tree":
            return Plan(mode, False, side, AWAY, None, False, False, beside=True)
        return Plan(mode, False, AWAY, side, None, False, True, beside=True)
    if mode == "medium":
        unfolded = sizes.stacked_list_rows + BORDERS
        if focus == "tree" and not reading:  # the tree, then the section's articles
            return Plan(mode, True, unfolded, None, AWAY, False, False)
        if focus == "tree":  # the tree in the list's place; the list is its title line
            return Plan(mode, True, unfolded, BAR, None, False, False)
        if focus == "list" and not reading:
            return Plan(mode, True, AWAY, None, AWAY, False, False)
        if focus == "list":
            return Plan(mode, True, AWAY, unfolded, None, False, True)
        return Plan(mode, True, AWAY, BAR, None, False, False)
    # reader: one pane at a time
    if focus == "tree":
        return Plan(mode, True, None, AWAY, AWAY, False, False)
    if focus == "list":
        return Plan(mode, True, AWAY, None, AWAY, False, False)
    return Plan(mode, True, AWAY, AWAY, None, False, False)
