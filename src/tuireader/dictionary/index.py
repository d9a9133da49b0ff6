"""The dictionary as a small SQLite file in the cache folder, and lookups against it.

Parsing CC-CEDICT's 120,000 lines takes a second or two and, as Python objects, about
100 MB; so the first use writes them once into ``dictionary-<key>.db`` (about 15 MB, built
in a temporary file and renamed into place), and each lookup afterwards is one indexed
query for every prefix at the cursor: well under a millisecond, with nothing held in
memory. The file is a cache: deleting it only costs the next build.

Segmentation is forward maximum matching: from the start of a run of Han characters,
take the longest headword, then go on after it. ``经济发展`` is one CC-CEDICT headword; a
lookup shows it and then its parts, ``经济`` and ``发展`` (:meth:`Dictionary.lookup_at`).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tuireader.dictionary.cedict import (
    MAX_WORD_CHARS,
    Entry,
    bundled_source,
    read_entries,
    source_version,
)

# Han characters (CJK unified ideographs, extension A, compatibility, planes 2-3).
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: How far back from the cursor segmentation starts (a run of Han with no punctuation
#: can be a whole paragraph; words are at most a few characters long).
_LOOKBEHIND = 48
_SEPARATOR = "\x1f"  # between definitions in one column (CC-CEDICT never uses it)


@dataclass(frozen=True, slots=True)
class Match:
    """A headword found in a text: where (``start``, ``end``) and its entries."""

    word: str
    start: int
    end: int
    entries: tuple[Entry, ...]


class Dictionary:
    """Lookups in an index built from CC-CEDICT (safe to share between threads)."""

    def __init__(self, conn: sqlite3.Connection, longest: int) -> None:
        """Use :meth:`open`; this wraps an opened index."""
        self._conn = conn
        self._lock = threading.Lock()
        self._longest = longest

    @classmethod
    def open(cls, cache_dir: Path, source: Path | None = None) -> Dictionary:
        """The index of ``source`` (the bundled CC-CEDICT by default), built on first use.

        Raises DictionaryMissingError when the data is not installed, OSError when the
        cache folder cannot be written.
        """
        source = source or bundled_source()
        target = Path(cache_dir) / f"dictionary-{_key(source)}.db"
        if not target.exists():
            build_index(source, target)
        conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        longest = conn.execute("SELECT value FROM meta WHERE name='longest'").fetchone()
        return cls(conn, int(longest[0]) if longest else MAX_WORD_CHARS)

    def close(self) -> None:
        """Close the index."""
        with self._lock:
            self._conn.close()

    def entries(self, word: str) -> tuple[Entry, ...]:
        """Every entry whose simplified or traditional form is ``word``, in file order."""
        found = self._find([word])
        return found.get(word, ())

    def longest_at(self, text: str, start: int) -> Match | None:
        """The longest headword that starts at ``text[start]`` (a Han character), or None."""
        if not 0 <= start < len(text) or not _HAN.match(text, start):
            return None
        prefixes = _prefixes(text, start, self._longest)
        found = self._find(prefixes)
        for word in reversed(prefixes):
            if word in found:
                return Match(word, start, start + len(word), found[word])
        return None

    def segment(self, text: str, start: int = 0, stop: int | None = None) -> list[Match]:
        """The headwords of ``text[start:stop]`` by forward maximum matching, in order."""
        stop = len(text) if stop is None else stop
        matches: list[Match] = []
        position = start
        while position < stop:
            match = self.longest_at(text, position)
            if match is None:
                position += 1
                continue
            matches.append(match)
            position = match.end
        return matches

    def word_at(self, text: str, offset: int) -> Match | None:
        """The headword covering ``text[offset]`` when the Han run around it is segmented."""
        if not 0 <= offset < len(text) or not _HAN.match(text, offset):
            return None
        start = offset
        while start > 0 and offset - start < _LOOKBEHIND and _HAN.match(text, start - 1):
            start -= 1
        position = start
        while position <= offset:
            match = self.longest_at(text, position)
            if match is None:
                position += 1
            elif match.end > offset:
                return match
            else:
                position = match.end
        return None

    def lookup_at(self, text: str, offset: int) -> list[Match]:
        """The word at ``offset``, then the words it is made of (``经济发展``: 经济, 发展)."""
        match = self.word_at(text, offset)
        if match is None:
            return []
        return [match, *self.parts(match)]

    def parts(self, match: Match) -> list[Match]:
        """The shorter headwords a multi-character match is made of, in order."""
        if match.end - match.start < 2:
            return []
        word = match.word
        parts: list[Match] = []
        position = 0
        while position < len(word):
            part = self._longest_shorter(word, position, len(word) - (position == 0))
            if part is None:
                position += 1
                continue
            offset = match.start
            parts.append(Match(part.word, offset + part.start, offset + part.end, part.entries))
            position = part.end
        return parts

    def lookup_passage(self, text: str) -> list[Match]:
        """Each distinct headword of a selected passage, in the order it first appears."""
        seen: dict[str, Match] = {}
        for match in self.segment(text):
            seen.setdefault(match.word, match)
        return list(seen.values())

    def readings(self, text: str) -> list[str | None]:
        """Numbered pinyin for each character of ``text`` (None where there is none).

        Word by word, so a character is read as in its word (行 in 银行 is hang2).
        """
        readings: list[str | None] = [None] * len(text)
        for match in self.segment(text):
            syllables = match.entries[0].pinyin.split()
            if len(syllables) == len(match.word):
                readings[match.start : match.end] = syllables
        return readings

    def _longest_shorter(self, word: str, start: int, limit: int) -> Match | None:
        """The longest headword at ``word[start]`` shorter than ``limit`` characters."""
        prefixes = _prefixes(word[: start + limit], start, self._longest)
        found = self._find(prefixes)
        for prefix in reversed(prefixes):
            if prefix in found:
                return Match(prefix, start, start + len(prefix), found[prefix])
        return None

    def _find(self, words: list[str]) -> dict[str, tuple[Entry, ...]]:
        if not words:
            return {}
        marks = ",".join("?" * len(words))
        sql = (
            "SELECT w.word, e.traditional, e.simplified, e.pinyin, e.definitions "
            f"FROM words w JOIN entries e ON e.id = w.entry WHERE w.word IN ({marks}) "
            "ORDER BY w.word, e.id"
        )
        with self._lock:
            rows = self._conn.execute(sql, words).fetchall()
        found: dict[str, list[Entry]] = {}
        for word, traditional, simplified, pinyin, definitions in rows:
            entry = Entry(traditional, simplified, pinyin, tuple(definitions.split(_SEPARATOR)))
            found.setdefault(word, []).append(entry)
        return {word: tuple(sorted(entries, key=_rank)) for word, entries in found.items()}


def _rank(entry: Entry) -> tuple[bool, int]:
    """Main readings first: not only a surname or a variant, then the most senses.

    CC-CEDICT lists a character's readings in pinyin order (说 shui4 "to persuade" before
    shuo1 "to speak"); the reading with more senses is nearly always the common one.
    """
    minor = all(definition.startswith(_MINOR) for definition in entry.definitions)
    return (minor, -len(entry.definitions))


_MINOR = ("surname ", "variant of ", "old variant of ", "archaic variant of ", "see ", "used in ")


def _prefixes(text: str, start: int, longest: int) -> list[str]:
    """``text[start:start+n]`` for n = 1 … while the characters are Han (or digits/letters
    after the first: CC-CEDICT has words like 卡拉OK)."""
    end = start + 1
    limit = min(len(text), start + longest)
    while end < limit and not text[end].isspace() and (text[end].isalnum()):
        end += 1
    return [text[start:stop] for stop in range(start + 1, end + 1)]


def build_index(source: Path, target: Path) -> None:
    """Write the index of ``source`` at ``target`` (a temporary file renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        conn = sqlite3.connect(temp)
        try:
            _fill(conn, read_entries(source))
        finally:
            conn.close()
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _fill(conn: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    conn.executescript(
        """PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE entries(id INTEGER PRIMARY KEY, traditional TEXT, simplified TEXT,
            pinyin TEXT, definitions TEXT);
        CREATE TABLE words(word TEXT NOT NULL, entry INTEGER NOT NULL,
            PRIMARY KEY(word, entry)) WITHOUT ROWID;"""
    )
    longest = 1
    rows: list[tuple[int, str, str, str, str]] = []
    words: list[tuple[str, int]] = []
    for number, entry in enumerate(entries, 1):
        rows.append((number, entry.traditional, entry.simplified, entry.pinyin,
                     _SEPARATOR.join(entry.definitions)))  # fmt: skip
        words.append((entry.simplified, number))
        if entry.traditional != entry.simplified:
            words.append((entry.traditional, number))
        longest = max(longest, len(entry.simplified), len(entry.traditional))
    with conn:
        conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?)", rows)
        conn.executemany("INSERT OR IGNORE INTO words VALUES (?,?)", words)
        conn.execute("INSERT INTO meta VALUES ('longest', ?)", (str(longest),))


def _key(source: Path) -> str:
    text = f"{source.resolve()}|{source_version(source)}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
