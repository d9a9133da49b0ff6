"""Passage selection by whole sentences, across paragraphs (pure, no Textual).

A selection has a fixed end (the sentence it started at) and a moving head; the passage
runs from the earlier to the later of the two, so stepping back shrinks it again.
Sentences come from :func:`tuireader.library.sentences.sentence_spans`; rules have none.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.library.model import RULE, Anchor, Block
from tuireader.library.sentences import sentence_spans

Position = tuple[int, int]  # (block index, sentence index in that block)


class SentenceSelection:
    """The sentences of an article's blocks and a selection over them."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self.fixed: Position | None = None
        self.head: Position | None = None

    def sentences(self, block: int) -> list[tuple[int, int]]:
        """Sentence spans of ``block`` (cached; none for rules and blank text)."""
        if block not in self._spans:
            item = self._blocks[block]
            self._spans[block] = [] if item.kind == RULE else sentence_spans(item.text)
        return self._spans[block]

    def position_at(self, anchor: Anchor) -> Position | None:
        """The sentence holding ``anchor``, else the next sentence after it."""
        for block in range(max(0, anchor.block), len(self._blocks)):
            offset = anchor.offset if block == anchor.block else 0
            for index, (_, end) in enumerate(self.sentences(block)):
                if offset < end:
                    return (block, index)
        return self._last_position()

    def _last_position(self) -> Position | None:
        """The article's last sentence (None when it has none)."""
        for block in range(len(self._blocks) - 1, -1, -1):
            if self.sentences(block):
                return (block, len(self.sentences(block)) - 1)
        return None

    def step(self, position: Position, steps: int) -> Position:
        """Move ``steps`` sentences forward (or back), stopping at the article's ends."""
        for _ in range(abs(steps)):
            moved = self._next(position) if steps > 0 else self._previous(position)
            if moved is None:
                break
            position = moved
        return position

    def _next(self, position: Position) -> Position | None:
        block, index = position
        if index + 1 < len(self.sentences(block)):
            return (block, index + 1)
        for later in range(block + 1, len(self._blocks)):
            if self.sentences(later):
                return (later, 0)
        return None

    def _previous(self, position: Position) -> Position | None:
        block, index = position
        if index > 0:
            return (block, index - 1)
        for earlier in range(block - 1, -1, -1):
            if self.sentences(earlier):
                return (earlier, len(self.sentences(earlier)) - 1)
        return None

    # -- the selection ---------------------------------------------------------------
    def start(self, anchor: Anchor) -> bool:
        """Select the sentence at ``anchor``; False when the article has no sentence."""
        position = self.position_at(anchor)
        self.fixed = self.head = position
        return position is not None

    def extend(self, steps: int) -> None:
        """Move the selection's head by ``steps`` sentences."""
        if self.head is not None:
            self.head = self.step(self.head, steps)

    def clear(self) -> None:
        """Drop the selection."""
        self.fixed = self.head = None

    def bounds(self) -> tuple[Anchor, Anchor] | None:
        """(start, end) anchors of the selected passage, end exclusive."""
        if self.fixed is None or self.head is None:
            return None
        first, last = sorted((self.fixed, self.head))
        start = self.sentences(first[0])[first[1]][0]
        end = self.sentences(last[0])[last[1]][1]
        return Anchor(first[0], start), Anchor(last[0], end)

    def spans(self) -> list[tuple[int, int, int]]:
        """The selection as (block, start, end) spans, one per block it touches."""
        bounds = self.bounds()
        if bounds is None:
            return []
        first, last = bounds
        spans = []
        for block in range(first.block, last.block + 1):
            sentences = self.sentences(block)
            if not sentences:
                continue
            start = first.offset if block == first.block else sentences[0][0]
            end = last.offset if block == last.block else sentences[-1][1]
            spans.append((block, start, end))
        return spans

    def head_span(self) -> tuple[int, int, int] | None:
        """(block, start, end) of the head sentence, to keep it in view."""
        if self.head is None:
            return None
        block, index = self.head
        start, end = self.sentences(block)[index]
        return block, start, end
