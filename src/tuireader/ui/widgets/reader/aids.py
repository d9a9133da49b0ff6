"""How the reader shows text beyond wrapping it: in the other script (简/繁) and with
pinyin above each line. Pure (no Textual), used by :class:`DocumentLayout`.

A :class:`DisplayAids` is chosen by the reader; per block, :class:`BlockView` holds the
display text (converted when a script is chosen, with its offset map, so anchors and
highlights stay in the original text) and, in pinyin mode, each character's reading and
slot width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tuireader.text.ruby import slot_widths, wrap_ruby
from tuireader.text.script import ORIGINAL, Converted, convert

#: Numbered readings of a text (one per character, None where there is none).
Readings = Callable[[str], Sequence[str | None]]


@dataclass(frozen=True)
class DisplayAids:
    """The reader's display choices: ``script`` (original, simplified, traditional) and,
    in pinyin mode, a function giving readings with tone marks."""

    script: str = ORIGINAL
    readings: Readings | None = None

    @property
    def plain(self) -> bool:
        """Whether the text is shown as written, with nothing above it."""
        return self.script == ORIGINAL and self.readings is None


class BlockView:
    """One block as shown: display text, offset map, and (pinyin mode) readings."""

    def __init__(self, text: str, aids: DisplayAids) -> None:
        """Convert ``text`` (already in display form) as ``aids`` say."""
        self.converted: Converted = convert(text, aids.script)
        self.text = self.converted.text
        self.readings: list[str | None] | None = None
        self.widths: list[int] | None = None
        if aids.readings is not None and not self.text.isascii():
            readings = list(aids.readings(self.text))
            if any(readings):
                self.readings = readings
                self.widths = slot_widths(self.text, readings)

    def to_display(self, offset: int) -> int:
        """The display offset of an original offset."""
        return self.converted.to_display(offset)

    def to_original(self, offset: int) -> int:
        """The original offset of a display offset."""
        return self.converted.to_original(offset)

    def wrap(self, width: int) -> list[tuple[int, int]]:
        """Lines of the display text with reading slots (pinyin mode only)."""
        assert self.widths is not None
        lines: list[tuple[int, int]] = []
        position = 0
        for piece in self.text.split("\n"):
            end = position + len(piece)
            found = wrap_ruby(piece, self.widths[position:end], width)
            lines.extend((position + start, position + stop) for start, stop in found)
            position = end + 1
        return lines
