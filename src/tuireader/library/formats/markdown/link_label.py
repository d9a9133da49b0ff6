"""markdown-it's link helpers with a link-label scan linear in the run.

The inline parser (:mod:`tuireader.library.formats.markdown.inline`) installs this module
as its ``helpers``: markdown-it's link and image rules call ``parseLinkLabel`` from it.
The other two helpers are markdown-it's own.
"""

from __future__ import annotations

from markdown_it.helpers import parse_link_label
from markdown_it.helpers.parse_link_destination import parseLinkDestination
from markdown_it.helpers.parse_link_title import parseLinkTitle
from markdown_it.rules_inline.state_inline import StateInline

__all__ = ("LABELS", "parseLinkDestination", "parseLinkLabel", "parseLinkTitle")

#: The env key of one run's label ends; the renderer puts a fresh dict there per run.
LABELS = "tuireader.link_labels"


def parseLinkLabel(state: StateInline, start: int, disable_nested: bool = False) -> int:  # noqa: N802
    """markdown-it's ``parseLinkLabel`` (the ``]`` closing the ``[`` at ``start``, or -1),
    with a few token scans per bracket instead of one up to the nesting limit.

    The original scans from every ``[`` towards the end, so ``[[[[…`` costs a scan of up
    to the nesting limit per bracket (~30 µs each; a 1 MB hostile file took ~20 s). This
    scan is the same walk over the same tokens, but it settles the inner ``[`` it passes
    as well: each one is closed by the ``]`` that returns the depth to where it opened,
    and one that never closes (or meets a nested link first) dooms every ``[`` still open
    around it. Results are kept per run, end of range and nesting mode, so a later call
    for an inner ``[`` is a look-up and a scan that reaches a settled ``[`` jumps over it.
    """
    memo = state.env.get(LABELS)
    if memo is None:
        return parse_link_label.parseLinkLabel(state, start, disable_nested)
    ends: dict[int, int] = memo.setdefault((state.posMax, disable_nested), {})
    known = ends.get(start)
    if known is not None:
        return known
    old_pos, src, maximum = state.pos, state.src, state.posMax
    skip = state.md.inline.skipToken
    open_brackets = [start]  # unclosed "[", innermost last
    state.pos = start + 1
    result = -1
    while state.pos < maximum:
        pos = state.pos
        marker = src[pos]
        if marker == "]":
            ends[open_brackets.pop()] = pos
            if not open_brackets:
                result = pos
                break
        skip(state)
        if marker != "[":
            continue
        if state.pos != pos + 1:  # a "[" inside a token: a nested link or image
            if disable_nested:
                break
            continue
        settled = ends.get(pos)
        if settled is None:
            open_brackets.append(pos)
        elif settled < 0:  # never closes, so none of the brackets around it does
            break
        else:  # closed further on: its label is a stretch at the same depth
            state.pos = settled + 1
    for bracket in open_brackets:
        ends[bracket] = -1
    state.pos = old_pos
    return result
