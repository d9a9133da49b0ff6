"""Search normalization: NFKC plus case folding, with a map back to the original.

Both the index and the query are folded, so ``ＡＢＣ`` finds ``abc`` and ``Straße``
finds ``STRASSE``. :func:`fold_with_map` also says where each folded character came
from, so a hit found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that fold to exactly one character each, independently of their
# neighbours: ASCII, Latin-1 letters but for ß, basic Greek and Cyrillic, CJK
# ideographs, kana, CJK punctuation, full-width ASCII. Most of any article is in
# here, and a run of them folds in C with an identity map.
_SIMPLE_RUN = re.compile(
    "[\x00-\x7f\u00c0-\u00d6\u00d8-\u00de\u00e0-\u00f6\u00f8-\u00ff"
    "\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c9\u0410-\u044f"
    "\u3000-\u3029\u3030-\u3035\u303c-\u303f\u3041-\u3096\u30a1-\u30fa\u30fc\u30fd"
    "\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]+"
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
    for match in _SIMPLE_RUN.finditer(s):
        start, end = match.span()
        if end < len(s) and _joins_previous(s[end]):
            end -= 1  # the last simple character composes with the one after it
        if end <= start:
            continue
        _fold_clusters(s, done, start, parts, index_map)
        folded = fold(s[start:end])
        if len(folded) == end - start:
            parts.append(folded)
            index_map.extend(range(start, end))
        else:  # cannot happen for the characters above; stay correct if it does
            _fold_clusters(s, start, end, parts, index_map)
        done = end
    _fold_clusters(s, done, len(s), parts, index_map)
    return "".join(parts), index_map


@lru_cache(maxsize=4096)
def _joins_previous(char: str) -> bool:
    """Can ``char`` compose with the character before it under NFKC?"""
    if unicodedata.combining(char) or unicodedata.category(char).startswith("M"):
        return True
    code = ord(char)
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return True  # Hangul vowel and final jamo
    decomposed = unicodedata.normalize("NFKD", char)
    return decomposed != char and _joins_previous(decomposed[0])


def _fold_clusters(s: str, start: int, end: int, parts: list[str], index_map: list[int]) -> None:
    """Fold ``s[start:end]`` cluster by cluster, appending text and origins."""
    if start >= end:
        return
    chunk = s[start:end]
    folded = fold(chunk)
    clusters = _clusters(chunk)
    pieces = [fold(chunk[a:b]) for a, b in clusters]
    parts.append(folded)
    if "".join(pieces) != folded:
        # Composition across cluster boundaries (rare): spread origins evenly.
        size = len(folded)
        index_map.extend(start + min(i * len(chunk) // size, len(chunk) - 1) for i in range(size))
        return
    for (a, b), piece in zip(clusters, pieces, strict=True):
        last = b - a - 1
        index_map.extend(start + a + min(i, last) for i in range(len(piece)))


def _clusters(chunk: str) -> list[tuple[int, int]]:
    """Split into a starter plus the characters that compose with it."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(chunk)):
        if not _joins_previous(chunk[i]):
            bounds.append((begin, i))
            begin = i
    bounds.append((begin, len(chunk)))
    return bounds
