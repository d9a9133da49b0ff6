"""A stand-in for the reader widget (block-level positions only; no lazy wrapping)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tuireader.model import Anchor


class ArticleReader(VerticalScroll, can_focus=True):
    """Blocks as paragraphs in a scrolling column."""

    reading_width: reactive[int] = reactive(80)

    @dataclass
    class PositionChanged(Message):
        """The first visible block changed."""

        anchor: Anchor
        percent: int

    class ReachedEnd(Message):
        """The end of the article came into view."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.anchor = Anchor(0, 0)
        self.percent = 0
        self._starts: list[int] = []

    def show_article(self, article: Any, anchor: Anchor | None = None) -> None:
        """Show ``article`` and scroll to ``anchor``."""
        self.remove_children()
        self.mount_all([Static(Text(b.text), classes="standin-block") for b in article.blocks])
        self.anchor = anchor or Anchor(0, 0)
        self.call_after_refresh(self.scroll_to_anchor, self.anchor)

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Scroll so the block of ``anchor`` is at the top."""
        blocks = list(self.query(".standin-block"))
        if 0 <= anchor.block < len(blocks):
            self.scroll_to_widget(blocks[anchor.block], top=True, animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Report the first visible block."""
        super().watch_scroll_y(old, new)
        blocks = list(self.query(".standin-block"))
        top = self.scroll_offset.y
        index = next((i for i, b in enumerate(blocks) if b.virtual_region.bottom > top), 0)
        self.anchor = Anchor(index, 0)
        end = max(1, self.max_scroll_y)
        self.percent = int(100 * min(1.0, top / end)) if self.max_scroll_y else 100
        self.post_message(self.PositionChanged(self.anchor, self.percent))
        if top >= self.max_scroll_y:
            self.post_message(self.ReachedEnd())
