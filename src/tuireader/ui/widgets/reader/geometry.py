"""How each kind of block sits in the text column: prefixes, indents and wrap width.

Pure functions of (block, column width); the layout and the drawing both use them so the
wrapped lines and the drawn lines always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.library.model import (
    ABSTRACT,
    CODE,
    HEADING,
    LIST_ITEM,
    QUOTE,
    RULE,
    TABLE,
    Block,
)
from tuireader.text.wrap import cell_width

QUOTE_BAR = "▌ "
BULLET = "• "
RULE_CHAR = "─"
ABSTRACT_INDENT = "  "
MIN_TEXT_WIDTH = 8  # below this an indent is dropped rather than squeezing the text


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a block's text goes: a prefix before the first and the following lines.

    ``first_prefix`` and ``next_prefix`` have the same cell width (a hanging indent), so
    every line of the block gets ``text_width`` cells; ``scroll`` keeps each line whole
    (code: a line wider than the column scrolls sideways instead of wrapping); ``hard``
    marks text whose spacing means something (code: no readings above it); ``role``
    names the style the block is drawn with (``table`` blocks are set in columns).
    """

    role: str
    first_prefix: str = ""
    next_prefix: str = ""
    text_width: int = 1
    right_pad: int = 0
    hard: bool = False
    scroll: bool = False


def block_geometry(block: Block, column: int) -> Geometry:
    """The geometry of ``block`` in a text column ``column`` cells wide."""
    column = max(1, column)
    if block.kind == LIST_ITEM:
        return _list_geometry(block, column)
    if block.kind == QUOTE:
        return _prefixed("quote", QUOTE_BAR, QUOTE_BAR, column)
    if block.kind == CODE:
        # One cell of panel on each side, so the background frames the code.
        return Geometry("code", " ", " ", max(1, column - 2), right_pad=1, hard=True, scroll=True)
    if block.kind == TABLE and block.table is not None:
        return Geometry("table", text_width=column)
    if block.kind == HEADING:
        return Geometry(heading_role(block.level), text_width=column)
    if block.kind == RULE:
        return Geometry("rule", text_width=column)
    if block.kind == ABSTRACT:  # set in from both sides, styled apart from the body
        return _prefixed("abstract", ABSTRACT_INDENT, ABSTRACT_INDENT, column - 2)
    return Geometry("paragraph", text_width=column)


def heading_role(level: int) -> str:
    """Style role of a heading: H1 and H2 are drawn distinctly from deeper ones."""
    return f"heading{level}" if level in (1, 2) else "heading"


def _list_geometry(block: Block, column: int) -> Geometry:
    """A bullet or number, indented two cells per level, with a hanging indent."""
    marker = f"{block.ordinal}. " if block.ordinal is not None else BULLET
    indent = "  " * max(0, block.level)
    first = indent + marker
    if column - cell_width(first) < MIN_TEXT_WIDTH:
        first = marker
    return _prefixed("list", first, " " * cell_width(first), column)


def _prefixed(role: str, first: str, following: str, column: int) -> Geometry:
    """A geometry whose prefix is dropped when the column is too narrow for it."""
    width = column - cell_width(first)
    if width < 1:
        return Geometry(role, text_width=column)
    return Geometry(role, first, following, width)
