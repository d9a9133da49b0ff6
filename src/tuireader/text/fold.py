"""Search normalization: NFKC plus case folding, with a map back to the original.

:func:`fast_fold` and :func:`fold_positions` give the same results, quicker on long text
(the index folds a whole library and the find bar whole paragraphs on every key): they
skip NFKC when it would change nothing, and the per-character map when every character
stays in place.

Both the index and the query are folded, so ``ＡＢＣ`` finds ``abc`` and ``Straße``
finds ``STRASSE``. :func:`fold_with_map` also says where each folded character came
from, so a hit found in folded text can be highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

# Characters that fold to exactly one character each, independently of their
# neighbours (generated from unicodedata and checked by a test): Latin-1 but for
# ß and spacing accents, Greek, Cyrillic, general punctuation, arrows, CJK
# punctuation, kana, ideographs, Hangul syllables, full- and half-width forms.
# Most of any article is in here, and a run of them folds in C with an identity map.
_SIMPLE_RUN = re.compile(
    "["
    "\u0000-\u00a7\u00a9-\u00ae\u00b0-\u00b3\u00b5-\u00b7\u00b9-\u00bb\u00bf-\u00de"
    "\u00e0-\u00ff\u0370-\u0377\u037b-\u037f\u0386-\u038a\u038c\u038e-\u038f\u0391-\u03a1"
    "\u03a3-\u03af\u03b1-\u0482\u048a-\u04ff\u2000-\u2016\u2018-\u2024\u2027-\u2032\u2035"
    "\u2038-\u203b\u203d\u203f-\u2046\u204a-\u2056\u2058-\u2064\u2066-\u206f\u2102\u2104"
    "\u2107-\u2108\u210a-\u2115\u2117-\u211f\u2123-\u213a\u213c-\u214f\u2190-\u21ff"
    "\u2460-\u2468\u24b6-\u25ff\u3000-\u3029\u3030-\u303f\u3041-\u3096\u309d-\u309e"
    "\u30a0-\u30fe\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d\uffa1-\uffa2\uffa4"
    "\uffa7-\uffa9\uffb0-\uffbe\uffe0-\uffe2\uffe4-\uffe6\uffe8-\uffee"
    "]+"
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


# Full-width ASCII folds to ASCII under NFKC; translating it first lets most Chinese text
# pass the fast "already normalized" check instead of a full NFKC pass.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20


def fast_fold(text: str) -> str:
    """Exactly :func:`fold`, quicker on long Chinese text (skips NFKC when a no-op)."""
    if text.isascii():
        return text.lower()
    narrowed = text.translate(_FULL_WIDTH)
    if unicodedata.is_normalized("NFKC", narrowed):
        return narrowed.casefold()
    return fold(narrowed)


def fold_positions(text: str) -> tuple[str, list[int] | None]:
    """:func:`fold` of ``text`` and where each folded character came from.

    The map is None when folding kept every character in place (ASCII, and most Chinese
    text): then offsets are the same in both, and no per-character list is built, which
    keeps a 10 MB paragraph cheap to search.
    """
    if text.isascii():
        return text.lower(), None
    narrowed = text.translate(_FULL_WIDTH)  # one character for one
    if unicodedata.is_normalized("NFKC", narrowed):
        folded = narrowed.casefold()
        if len(folded) == len(narrowed):  # casefold never shrinks a character
            return folded, None
    return fold_with_map(text)


# The characters of _SIMPLE_RUN that folding leaves as they are (generated from
# unicodedata like _SIMPLE_RUN; the tests check every character). A run of them is the
# same in the folded text, so only the stretches between runs need recording. Kept as a
# pattern string: only the split below is compiled (a second compile costs ~1 ms at import).
_KEEP_RUN = (
    "["
    "\u0000-\u0040\u005b-\u009f\u00a1-\u00a7\u00a9\u00ab-\u00ae\u00b0-\u00b1\u00b6-\u00b7"
    "\u00bb\u00bf\u00d7\u00e0-\u00ff\u0371\u0373\u0375\u0377\u037b-\u037d\u03ac-\u03af"
    "\u03b1-\u03c1\u03c3-\u03ce\u03d7\u03d9\u03db\u03dd\u03df\u03e1\u03e3\u03e5\u03e7"
    "\u03e9\u03eb\u03ed\u03ef\u03f3\u03f6\u03f8\u03fb-\u03fc\u0430-\u045f\u0461\u0463"
    "\u0465\u0467\u0469\u046b\u046d\u046f\u0471\u0473\u0475\u0477\u0479\u047b\u047d\u047f"
    "\u0481-\u0482\u048b\u048d\u048f\u0491\u0493\u0495\u0497\u0499\u049b\u049d\u049f"
    "\u04a1\u04a3\u04a5\u04a7\u04a9\u04ab\u04ad\u04af\u04b1\u04b3\u04b5\u04b7\u04b9\u04bb"
    "\u04bd\u04bf\u04c2\u04c4\u04c6\u04c8\u04ca\u04cc\u04ce-\u04cf\u04d1\u04d3\u04d5"
    "\u04d7\u04d9\u04db\u04dd\u04df\u04e1\u04e3\u04e5\u04e7\u04e9\u04eb\u04ed\u04ef\u04f1"
    "\u04f3\u04f5\u04f7\u04f9\u04fb\u04fd\u04ff\u200b-\u2010\u2012-\u2016\u2018-\u2023"
    "\u2027-\u202e\u2030-\u2032\u2035\u2038-\u203b\u203d\u203f-\u2046\u204a-\u2056"
    "\u2058-\u205e\u2060-\u2064\u2066-\u206f\u2104\u2108\u2114\u2117-\u2118\u211e-\u211f"
    "\u2123\u2125\u2127\u2129\u212e\u213a\u2141-\u2144\u214a-\u214f\u2190-\u21ff"
    "\u24eb-\u25ff\u3001-\u3029\u3030-\u3035\u3037\u303b-\u303f\u3041-\u3096\u309d-\u309e"
    "\u30a0-\u30fe\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "]+"
)


class Patch(NamedTuple):
    """Edits that turn a folded text back into its original, in order (three columns).

    Edit ``i`` replaces ``folded[starts[i]:starts[i] + lengths[i]]`` by ``originals[i]``.
    """

    starts: Sequence[int]
    lengths: Sequence[int]
    originals: Sequence[str]


NO_EDITS = Patch((), (), ())


def fold_with_patch(text: str) -> tuple[str, Patch]:
    """:func:`fold` of ``text``, and the edits that turn the folded text back into it.

    Each edit (see :class:`Patch`) is in folded coordinates, in order: replace
    ``folded[start:start + length]`` by ``original``. The catalog stores the folded text
    (which search needs) plus these edits instead of a second copy of the article: for
    Chinese text they are the few full-width letters, digits and symbols, for English the
    capitals. :func:`unfold` applies them.
    """
    if text.isascii():
        folded = text.lower()
        if folded == text:
            return folded, NO_EDITS
        parts = _alternating(_ASCII_LOWER_SPLIT.split(text))
        capitals = parts[1::2]
        ends = list(accumulate(map(len, parts)))  # where each part ends
        return folded, Patch(ends[0:-1:2], list(map(len, capitals)), capitals)
    # Alternating runs: kept (unchanged by folding), changed, kept, ... split in C.
    parts = _alternating(_KEEP_SPLIT.split(text))
    if len(parts) == 1:
        return text, NO_EDITS
    changed = parts[1::2]
    joins = _joins_previous
    # The few distinct first characters tell, in C, whether any stretch needs the loop.
    if any(map(joins, set(map(_first_char, changed)))):
        for i in range(1, len(parts), 2):
            if parts[i - 1] and joins(parts[i][0]):  # composes with the kept character before
                parts[i] = parts[i - 1][-1] + parts[i]
                parts[i - 1] = parts[i - 1][:-1]
        changed = parts[1::2]
    cache = _STRETCHES
    folded_changed = [cache[s] if s in cache else _fold_stretch(s) for s in changed]
    parts[1::2] = folded_changed
    ends = list(accumulate(map(len, parts)))  # where each part ends in the folded text
    patch = Patch(ends[0:-1:2], list(map(len, folded_changed)), changed)
    return "".join(parts), patch


# Splitting on the kept runs (long) rather than the changed ones (short) is about twice as
# quick: the regex engine then tries a match at each changed character, not at each kept one.
_KEEP_SPLIT = re.compile("(" + _KEEP_RUN + ")")
_ASCII_LOWER_SPLIT = re.compile("([^A-Z]+)")
_first_char = itemgetter(0)


def _alternating(parts: list[str]) -> list[str]:
    """A split on kept runs (changed, kept, ..., changed) as kept, changed, ..., kept.

    The list a split on the changed runs would give: it starts and ends with a kept run
    (perhaps empty) and holds no other empty part.
    """
    if parts[0]:
        parts.insert(0, "")
    else:
        del parts[0]
    if parts[-1]:
        parts.append("")
    else:
        del parts[-1]
    return parts


_STRETCHES: dict[str, str] = {}  # folds of short changed stretches: they repeat (，。１２)


def _fold_stretch(stretch: str) -> str:
    """:func:`fold` of a changed stretch, remembered when it is short."""
    folded = fold(stretch)
    if len(stretch) <= 4 and len(_STRETCHES) < 65536:
        _STRETCHES[stretch] = folded
    return folded


def unfold(folded: str, patch: Patch) -> str:
    """The original text from its folded form and :func:`fold_with_patch`'s edits."""
    if not patch.starts:
        return folded
    parts: list[str] = []
    done = 0
    for start, length, original in zip(*patch, strict=True):
        parts.append(folded[done:start])
        parts.append(original)
        done = start + length
    parts.append(folded[done:])
    return "".join(parts)
