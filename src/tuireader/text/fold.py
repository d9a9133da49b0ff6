"""Search normalization: NFKC plus case folding, with a map back to the original.

Both the index and the query are folded, so ``ＡＢＣ`` finds ``abc`` and ``Straße``
finds ``STRASSE``. :func:`fold_with_map` also says where each folded character came
from, so a hit found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that fold to themselves and never combine with a neighbour under
# NFKC: lowercase ASCII, digits, ASCII punctuation, CJK ideographs, kana, CJK
# punctuation without compatibility forms. Most of a Chinese article is in here.
_STABLE_RUN = re.compile(
    "[\x00-\x40\x5b-\x7f\u3001-\u3029\u3030-\u3035\u303c-\u303f\u3041-\u3096"
    "\u30a1-\u30fa\u30fc\u30fd\u3400-\u4dbf\u4e00-\u9fff]+"
)


def fold(s: str) -> str:
    """Fold text for searching: NFKC normalization, then case folding."""
    if s.isascii():
        return s.lower()
    return unicodedata.normalize("NFKC", s).casefold()


def fold_with_map(s: str) -> tuple[str, list[int]]:
    """Fold ``s`` and return, for each folded character, its index in ``s``.

    The folded string equals :func:`fold` of ``s``; ``len(map) == len(folded)``.
    When one character folds to several (``ß`` -> ``ss``) they all point to it;
    when several compose to one (``e`` + combining acute) it points to the first.
    """
    if s.isascii():
        return s.lower(), list(range(len(s)))
    parts: list[str] = []
    index_map: list[int] = []
    done = 0  # everything before this index of s has been folded
    for match in _STABLE_RUN.finditer(s):
        start, end = match.span()
        if end < len(s) and _is_mark(s[end]):
            end -= 1  # the last stable character combines with the mark after it
        if end <= start:
            continue
        _fold_unstable(s, done, start, parts, index_map)
        parts.append(s[start:end])
        index_map.extend(range(start, end))
        done = end
    _fold_unstable(s, done, len(s), parts, index_map)
    return "".join(parts), index_map


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or unicodedata.combining(char) != 0


def _fold_unstable(s: str, start: int, end: int, parts: list[str], index_map: list[int]) -> None:
    """Fold ``s[start:end]`` cluster by cluster, appending text and origins."""
    if start >= end:
        return
    chunk = s[start:end]
    folded = fold(chunk)
    clusters = _clusters(chunk)
    pieces = [fold(chunk[a:b]) for a, b in clusters]
    if "".join(pieces) != folded:
        # Composition across our cluster boundaries (rare): spread evenly.
        parts.append(folded)
        size = len(folded)
        index_map.extend(start + min(i * len(chunk) // size, len(chunk) - 1) for i in range(size))
        return
    parts.append(folded)
    for (a, b), piece in zip(clusters, pieces, strict=True):
        last = b - a - 1
        index_map.extend(start + a + min(i, last) for i in range(len(piece)))


def _clusters(chunk: str) -> list[tuple[int, int]]:
    """Split into a starter plus its following combining marks."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(chunk)):
        if not _is_mark(chunk[i]) and not _is_jamo_tail(chunk[i]):
            bounds.append((begin, i))
            begin = i
    bounds.append((begin, len(chunk)))
    return bounds


def _is_jamo_tail(char: str) -> bool:
    """Hangul vowel and final jamo compose with the syllable before them."""
    code = ord(char)
    return 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF
