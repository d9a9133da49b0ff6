"""Passage anchors: describe a passage so it can be found again after the file changes.

A :class:`QuoteSelector` keeps the exact quote, about 32 characters of text before and
after it, and its (block, offset) position. :func:`reanchor` places it in an article,
trying in order: the stored position, the exact quote (the occurrence whose context fits
best), then a fuzzy match of quote and context (the W3C Web Annotation TextQuoteSelector
approach). All offsets are in the article's flat text: block texts joined by ``\\n``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tuireader.library.model import Anchor, Article, Block
from tuireader.state.anchors_fuzzy import common_prefix_len, common_suffix_len, fuzzy_find

CONTEXT_CHARS = 32
# More occurrences than this of an exact quote are not all scored (a one-word quote).
MAX_OCCURRENCES = 2000

ANCHORED = "anchored"
REANCHORED = "reanchored"
ORPHANED = "orphaned"
MOVED = "moved"  # set by callers: the article was found by fingerprint at a new path


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """What is stored for a passage: quote, context and last known position."""

    quote: str
    prefix: str
    suffix: str
    block: int
    start: int
    end_block: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a passage was found: status plus start and end (None when orphaned)."""

    status: str
    start: Anchor | None = None
    end: Anchor | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """An article's flat text and the flat offset where each block starts."""

    text: str
    starts: tuple[int, ...]
    lengths: tuple[int, ...]

    def flat(self, anchor: Anchor) -> int | None:
        """The flat offset of ``anchor``, or None when it lies outside the article."""
        if not 0 <= anchor.block < len(self.starts):
            return None
        if not 0 <= anchor.offset <= self.lengths[anchor.block]:
            return None
        return self.starts[anchor.block] + anchor.offset

    def anchor(self, flat: int, *, is_end: bool = False) -> Anchor:
        """The (block, offset) of a flat offset; an end prefers the end of a block."""
        if not self.starts:
            return Anchor(0, 0)
        block = max(0, bisect_right(self.starts, flat) - 1)
        offset = flat - self.starts[block]
        if is_end and offset == 0 and block > 0:
            return Anchor(block - 1, self.lengths[block - 1])
        if not is_end and offset >= self.lengths[block] and block + 1 < len(self.starts):
            return Anchor(block + 1, 0)
        return Anchor(block, min(offset, self.lengths[block]))


@lru_cache(maxsize=32)
def layout_of(blocks: tuple[Block, ...]) -> Layout:
    """Build (and cache) the flat text layout of a block tuple."""
    starts, lengths, position = [], [], 0
    for block in blocks:
        starts.append(position)
        lengths.append(len(block.text))
        position += len(block.text) + 1
    return Layout("\n".join(b.text for b in blocks), tuple(starts), tuple(lengths))


def make_selector(article: Article, start: Anchor, end: Anchor) -> QuoteSelector:
    """Describe the passage from ``start`` to ``end`` (exclusive; may span blocks).

    Raises ValueError for a position outside the article or an empty passage.
    """
    layout = layout_of(article.blocks)
    begin, finish = layout.flat(start), layout.flat(end)
    if begin is None or finish is None:
        raise ValueError(f"passage {start}..{end} lies outside the article")
    if finish < begin:
        begin, finish = finish, begin
    text = layout.text
    first, last = layout.anchor(begin), layout.anchor(finish, is_end=True)
    # A passage never starts or ends on the newline between blocks.
    begin, finish = layout.flat(first) or 0, layout.flat(last) or 0
    if finish <= begin:
        raise ValueError("the passage is empty")
    return QuoteSelector(
        quote=text[begin:finish],
        prefix=text[max(0, begin - CONTEXT_CHARS) : begin],
        suffix=text[finish : finish + CONTEXT_CHARS],
        block=first.block,
        start=first.offset,
        end_block=last.block,
        end=last.offset,
    )


def reanchor(selector: QuoteSelector, article: Article) -> Placement:
    """Find ``selector``'s passage in ``article``: anchored, reanchored or orphaned."""
    layout = layout_of(article.blocks)
    if not selector.quote:
        return Placement(ORPHANED)
    begin = layout.flat(Anchor(selector.block, selector.start))
    finish = layout.flat(Anchor(selector.end_block, selector.end))
    in_place = (
        begin is not None and finish is not None and layout.text[begin:finish] == selector.quote
    )
    # Even when the quote is still at its old place, another occurrence may fit the
    # context better (a repeated phrase after an insertion): let the context decide.
    exact = _best_exact(layout.text, selector, begin if begin is not None else 0)
    if exact is not None:
        status = ANCHORED if in_place and exact == begin else REANCHORED
        return _placed(status, layout, exact, exact + len(selector.quote))
    span = fuzzy_find(layout.text, selector.quote, selector.prefix, selector.suffix, begin)
    if span is None:
        return Placement(ORPHANED)
    return _placed(REANCHORED, layout, span[0], span[1])


def _placed(status: str, layout: Layout, begin: int, finish: int) -> Placement:
    """A Placement for a flat span."""
    return Placement(status, layout.anchor(begin), layout.anchor(finish, is_end=True))


# Stands for the start or end of the article in a context (article text never holds NUL:
# it is sanitized), so "the passage ended the article" is context that must fit too.
_EDGE = "\x00"


def _best_exact(text: str, selector: QuoteSelector, hint: int) -> int | None:
    """The occurrence of the exact quote whose prefix and suffix fit best.

    A stored context shorter than :data:`CONTEXT_CHARS` was cut short by the start or end
    of the article; the edge counts as one more character of context, so of two copies
    with the same text around them the one still at the same distance from the edge wins
    (two identical paragraphs: the bookmark on the second stays on the second).
    Equal fits go to the copy nearest the old place.
    """
    quote, best, best_key = selector.quote, None, None
    prefix, suffix = selector.prefix, selector.suffix
    if len(prefix) < CONTEXT_CHARS:
        prefix = _EDGE + prefix
    if len(suffix) < CONTEXT_CHARS:
        suffix += _EDGE
    found = text.find(quote)
    count = 0
    while found >= 0 and count < MAX_OCCURRENCES:
        before = text[max(0, found - CONTEXT_CHARS) : found]
        if found < CONTEXT_CHARS:
            before = _EDGE + before
        after_at = found + len(quote)
        after = text[after_at : after_at + CONTEXT_CHARS]
        if after_at + CONTEXT_CHARS > len(text):
            after += _EDGE
        fit = common_suffix_len(before, prefix) + common_prefix_len(after, suffix)
        key = (fit, -abs(found - hint))
        if best_key is None or key > best_key:
            best, best_key = found, key
        found = text.find(quote, found + 1)
        count += 1
    return best
