"""Title order for people: Chinese characters sort by their pinyin, among Latin titles.

A Chinese reader expects 春 (chūn) before 河 (hé) before 我 (wǒ), not the code-point
order 我 春 楼 河…; and a mixed library reads like a dictionary index, where 阿姨 (āyí)
sits with the A's. :func:`title_sort_key` folds the title (as search does) and writes
each Han character as its toneless-spelt syllable with the tone as a digit (``chun1``),
so a syllable ends before the next begins: 西安 (``xi1an1``) before 先 (``xian1``). The
catalog computes the key once per article, at index time, and sorts on it.

The readings are pypinyin's (its per-character dictionary, from the pinyin-data
project; the most common reading of each character). Only that table is read, from the
package's own data file: importing pypinyin itself also loads its phrase dictionary,
which costs ~57 MiB and ~0.7 s per process (measured; ``bench/bench_pinyin_sort.py``),
against ~11 MiB and ~0.2 s for the table. A polyphonic character therefore takes its
most common reading whatever the word (重庆 sorts as zhòng·qìng); for an order that is
close enough. Loaded on the first Han character met, so an English library never pays.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

from tuireader.text.fold import fold

# Combining tone marks (after NFD) and the tone each stands for.
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_UMLAUT = "\u0308"  # ü is written v, as pypinyin's TONE3 style does
# 〇 (U+3007, the ideographic zero of 二〇二四年) is the first character with a reading:
# pypinyin spells it líng, and nothing below it has one.
_FIRST_HAN = "\u3007"


def title_sort_key(title: str) -> str:
    """The key a title sorts by: folded, each Han character as ``syllable + tone``."""
    folded = fold(title)
    if not any(char >= _FIRST_HAN for char in folded):
        return folded  # nothing to spell: most Latin titles stop here
    return "".join(_reading(char) if char >= _FIRST_HAN else char for char in folded)


def tone3(reading: str) -> str:
    """``zhōng`` → ``zhong1``, ``lǜ`` → ``lv4``, ``de`` → ``de5`` (the neutral tone)."""
    tone, letters = "5", list[str]()
    for char in unicodedata.normalize("NFD", reading):
        if char in _TONES:
            tone = _TONES[char]
        elif char == _UMLAUT:
            letters[-1:] = ["v"]
        elif not unicodedata.combining(char):
            letters.append(char)
    return "".join(letters) + tone


@cache
def _reading(char: str) -> str:
    """``char``'s most common reading as ``tone3`` spells it (``char`` itself if none).
    Spelt when first met: a library's titles use a few thousand of the table's 40,000
    characters (spelling them all cost ~0.1 s at the first scan of every process)."""
    spelt = _pinyin_table().get(ord(char))
    return tone3(spelt.split(",")[0]) if spelt else char


@cache
def _pinyin_table() -> dict[int, str]:
    """pypinyin's per-character table: code point → readings, comma-separated."""
    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        data = Path(folder) / "pinyin_dict.json"
        if data.is_file():  # the file pypinyin itself loads the table from
            with data.open(encoding="utf-8") as handle:
                return {int(code): spelt for code, spelt in json.load(handle).items()}
    from pypinyin.pinyin_dict import pinyin_dict  # the public way (the whole package)

    return dict(pinyin_dict)
