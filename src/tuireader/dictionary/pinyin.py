"""CC-CEDICT's numbered pinyin (``lu:4 se4``) as people read it (``lǜ sè``).

The tone mark goes on ``a`` or ``e`` when there is one, on the ``o`` of ``ou``, else on
the last vowel; ``u:`` (and ``v``) is ``ü``; tone 5 (neutral) has no mark. Anything that
is not a numbered syllable (``C``, ``·``, ``,``) is kept as it is.
"""

from __future__ import annotations

import re

_MARKS = {
    "a": "āáǎàa",
    "e": "ēéěèe",
    "i": "īíǐìi",
    "o": "ōóǒòo",
    "u": "ūúǔùu",
    "ü": "ǖǘǚǜü",
}
_SYLLABLE = re.compile(r"^([A-Za-zÜü:]+?)([1-5])$")


def tone_marks(numbered: str) -> str:
    """``jing1 ji4`` → ``jīng jì``; syllables are kept apart by single spaces."""
    return " ".join(syllable_with_mark(part) for part in numbered.split())


def syllable_with_mark(syllable: str) -> str:
    """One numbered syllable with its tone mark (``lu:3`` → ``lǚ``, ``r5`` → ``r``)."""
    match = _SYLLABLE.match(syllable)
    if match is None:
        return syllable.replace("u:", "ü").replace("U:", "Ü")
    letters = match.group(1).replace("u:", "ü").replace("U:", "Ü").replace("v", "ü")
    tone = int(match.group(2))
    index = _mark_position(letters.lower())
    if index is None or tone == 5:
        return letters
    char = letters[index]
    marked = _MARKS[char.lower()][tone - 1]
    return letters[:index] + (marked.upper() if char.isupper() else marked) + letters[index + 1 :]


def _mark_position(lower: str) -> int | None:
    for vowel in ("a", "e"):
        if vowel in lower:
            return lower.index(vowel)
    if "ou" in lower:
        return lower.index("ou")
    for index in range(len(lower) - 1, -1, -1):
        if lower[index] in _MARKS:
            return index
    return None
