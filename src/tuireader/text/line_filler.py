"""The general line filler behind :func:`tuireader.text.wrap.wrap_lines`.

Text is cut into tokens by one compiled regex: runs of spaces, runs of ideographs
(every one two cells wide, a break allowed between any two, so a run is split by
arithmetic), single wide characters with their extenders, and words of narrow
characters. Lines are filled greedily; when a break would violate kinsoku, the
last pieces of the line move down with the next token, never past the width.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len as _rich_cell_len

from tuireader.text.kinsoku import may_break

# Ideographs, kana and Hangul syllables: all two cells, a break allowed between any two.
_RUN = "\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0002fffd\U00030000-\U0003fffd"
# Other wide or CJK characters (punctuation, full-width forms, emoji): one token each.
_WIDE = "\u1100-\u115f\u2e80-\ua4cf\ua960-\ua97f\ud7b0-\ud7ff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef\U0001f000-\U0001faff"
# Characters that belong to the character before them (grapheme extenders).
_EXTEND = "\u0300-\u036f\u200d\ufe00-\ufe0f\u20d0-\u20ff\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"

_NARROW = f"[^ \\t\u200d{_WIDE}{_RUN}]"
_TOKEN = re.compile(
    f"(?P<space>[ \\t]+)"
    f"|(?P<run>[{_RUN}]+)"
    f"|(?P<wide>[{_WIDE}](?:\u200d.|[{_EXTEND}])*)"
    # A ZWJ glues the next character, whatever it is, to the word.
    f"|(?P<word>(?:{_NARROW}|\u200d.?)(?:{_NARROW}+|\u200d.?)*)",
    re.DOTALL,
)
_RUN_KIND, _OTHER = 1, 2
_MAX_PULL = 6  # how many pieces kinsoku may move to the next line


def _token_width(token: str) -> int:
    if token.isascii() and token.isprintable():
        return len(token)
    return _cached_width(token) if len(token) <= 64 else _rich_cell_len(token)


@lru_cache(maxsize=65536)
def _cached_width(token: str) -> int:
    return _rich_cell_len(token)


class LineFiller:
    """Greedy line filling over regex tokens; one instance per call."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width
        self.lines: list[tuple[int, int]] = []
        # Current line: pieces [start, end, cells, gap-before, kind]; gap is the
        # width of the spaces between this piece and the previous one.
        self.pieces: list[list[int]] = []
        self.used = 0
        self.gap = 0

    def run(self) -> list[tuple[int, int]]:
        """Fill lines of at most ``width`` cells; the (start, end) span of each line."""
        pieces, width = self.pieces, self.width  # pieces is cleared in place, never rebound
        for match in _TOKEN.finditer(self.text):
            kind = match.lastgroup
            start, end = match.span()
            if kind == "space":
                if pieces:
                    self.gap += end - start
                continue
            is_run = kind == "run"
            cells = 2 * (end - start) if is_run else _token_width(match.group())
            gap = self.gap if pieces else 0
            if self.used + gap + cells <= width:  # the common case, kept inline for speed
                pieces.append([start, end, cells, gap, _RUN_KIND if is_run else _OTHER])
                self.used += gap + cells
                self.gap = 0
            elif is_run:
                self._place_run(start, end)
            else:
                self._place(start, end, cells)
        if pieces:
            self._emit()
        return self.lines or [(0, 0)]

    def _place(self, start: int, end: int, cells: int) -> None:
        """Place a token that does not fit on the current line."""
        if cells > self.width and end - start > 1:
            self._place_long_word(start, end)
            return
        if self.pieces:
            self._new_line(start, cells)
        self._append(start, end, cells, 0, _OTHER)

    def _place_run(self, start: int, end: int) -> None:
        pos = start
        while pos < end:
            gap = self.gap if self.pieces else 0
            fit = min(end - pos, (self.width - self.used - gap) // 2)
            if fit <= 0 and not self.pieces:
                fit = 1  # a two-cell character on a one-cell line
            if fit > 0:
                self._append(pos, pos + fit, 2 * fit, gap, _RUN_KIND)
                pos += fit
            if pos < end:
                self._new_line(pos, 2)

    def _append(self, start: int, end: int, cells: int, gap: int, kind: int) -> None:
        self.pieces.append([start, end, cells, gap, kind])
        self.used += gap + cells
        self.gap = 0

    def _new_line(self, next_start: int, next_cells: int) -> None:
        """End the current line before ``next_start``, moving pieces down for kinsoku."""
        moved = self._pull_for_kinsoku(next_start, next_cells)
        self._emit()
        for piece in moved:
            gap = piece[3] if self.pieces else 0
            self._append(piece[0], piece[1], piece[2], gap, piece[4])
        self.gap = 0  # spaces at a break belong to neither line

    def _pull_for_kinsoku(self, next_start: int, next_cells: int) -> list[list[int]]:
        """Pieces to move from the end of this line so that the break is allowed.

        Only a break without spaces can be forbidden. Gives up (breaks anyway)
        when moving more would overflow the next line or empty this one.
        """
        text, pieces = self.text, self.pieces
        moved: list[list[int]] = []
        first_start, first_gap, carried = next_start, self.gap, next_cells
        for _ in range(_MAX_PULL):
            if not pieces or first_gap:
                break
            if may_break(text[pieces[-1][1] - 1], text[first_start]):
                break
            piece = self._take_last()
            if piece is None:
                break
            if carried + piece[2] > self.width:
                self._put_back(piece)
                break
            carried += piece[2]
            moved.insert(0, piece)
            first_start, first_gap = piece[0], piece[3]
        return moved

    def _take_last(self) -> list[int] | None:
        """Detach the last piece (or the last ideograph of a run) from the line."""
        last = self.pieces[-1]
        if last[4] == _RUN_KIND and last[1] - last[0] > 1:
            last[1] -= 1
            last[2] -= 2
            self.used -= 2
            return [last[1], last[1] + 1, 2, 0, _RUN_KIND]
        if len(self.pieces) == 1:
            return None
        self.pieces.pop()
        self.used -= last[2] + last[3]
        return last

    def _put_back(self, piece: list[int]) -> None:
        last = self.pieces[-1]
        if piece[4] == _RUN_KIND and piece[3] == 0 and last[4] == _RUN_KIND and last[1] == piece[0]:
            last[1] += 1
            last[2] += 2
            self.used += 2
        else:
            self.pieces.append(piece)
            self.used += piece[2] + piece[3]

    def _emit(self) -> None:
        self.lines.append((self.pieces[0][0], self.pieces[-1][1]))
        self.pieces.clear()
        self.used = 0

    def _place_long_word(self, start: int, end: int) -> None:
        """Hard-split a word wider than the line into chunks that fit."""
        if self.pieces:
            self._new_line(start, 0)
        pos = start
        while pos < end:
            if self.pieces and self.used >= self.width:
                self._emit()
            room = self.width - self.used
            cut, cells = _fit_prefix(self.text, pos, end, room)
            if self.pieces and self.used + cells > self.width:
                self._emit()
                continue
            self._append(pos, cut, cells, 0, _OTHER)
            pos = cut
            if pos < end:
                self._emit()


def _fit_prefix(text: str, start: int, end: int, room: int) -> tuple[int, int]:
    """Longest prefix of ``text[start:end]`` within ``room`` cells, cut between
    graphemes; at least one grapheme, so that every call makes progress."""
    stop = min(end, start + room)
    chunk = text[start:stop]
    if chunk and chunk.isascii() and chunk.isprintable() and (stop == end or text[stop].isascii()):
        return stop, len(chunk)
    cells = 0
    pos = start
    # Lazily, one grapheme at a time: a slice of the text could end inside a grapheme
    # (a letter with dozens of combining marks) and cut it.
    for match in _GRAPHEME.finditer(text, start, end):
        grapheme = match.group()
        width = _token_width(grapheme)
        if cells + width > room and pos > start:
            break
        cells += width
        pos += len(grapheme)
    return pos, cells


_GRAPHEME = re.compile(f"(?:\u200d.|[{_EXTEND}])+|.(?:\u200d.|[{_EXTEND}])*", re.DOTALL)
