"""Kinsoku: which punctuation may not start a line, and which may not end one."""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len

# May not start a line (closing punctuation, also ASCII).
CLOSING = frozenset("，。、；：？！）」』】〉》〕〗〙〛｝］｠｡､…‥”’»›,.;:?!)]}％‰℃°")
# May not end a line (opening punctuation).
OPENING = frozenset("（「『【〈《〔〖〘〚｛［｟“‘«‹([{")


@lru_cache(maxsize=4096)
def starts_glued(char: str) -> bool:
    """True when no line may start with ``char``."""
    return char in CLOSING or (not char.isascii() and cell_len(char) == 0)


def may_break(before: str, after: str) -> bool:
    """May a line end with ``before`` and the next start with ``after`` (no space between)?"""
    return before not in OPENING and before != "\u200d" and not starts_glued(after)
