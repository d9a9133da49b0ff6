"""Words looked up in the dictionary (``store.vocab``), and their CSV export for Anki.

Each headword is one row: the first lookup stores its pinyin, definitions and the
sentence it was found in; a later lookup counts and updates the row. The export is a CSV
that Anki imports as notes (its ``#separator`` and ``#columns`` header lines say how).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import dataclass

from tuireader.state.connection import StateDb
from tuireader.state.rows import now_iso

#: The columns of the CSV export, in order (Anki's first two fields: front, back).
CSV_COLUMNS = ("word", "pinyin", "definitions", "context", "source")
_CONTEXT_CHARS = 300
# The text fields of a dumped word, in the order of ``_RESTORE``'s first columns.
_DUMP_TEXT = ("word", "pinyin", "definitions", "context", "fingerprint", "path", "title", "created")
_RESTORE = """INSERT OR IGNORE INTO vocabulary(word, pinyin, definitions, context, fingerprint,
    path, title, created, lookups, updated) VALUES (?,?,?,?,?,?,?,?,?,?)"""
_SAVE = """INSERT INTO vocabulary(word, pinyin, definitions, context, fingerprint, path, title,
    created, updated) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(word) DO UPDATE SET
    lookups = lookups + 1, updated = excluded.updated"""


@dataclass(frozen=True, slots=True)
class VocabWord:
    """One word of the vocabulary list; ``definitions`` are joined by ``"; "``."""

    word: str
    pinyin: str
    definitions: str
    context: str = ""
    fingerprint: str = ""
    path: str = ""
    title: str = ""
    lookups: int = 1
    created: str = ""


class Vocabulary:
    """The vocabulary list kept in state.db."""

    def __init__(self, db: StateDb) -> None:
        """Read and write through ``db``."""
        self._db = db

    def save(self, word: VocabWord) -> None:
        """Add ``word``, or count one more lookup of it."""
        stamp = now_iso()
        values = (word.word, word.pinyin, word.definitions, word.context[:_CONTEXT_CHARS],
                  word.fingerprint, word.path, word.title, stamp, stamp)  # fmt: skip
        self._db.write(lambda c: c.execute(_SAVE, values))

    def remove(self, word: str) -> bool:
        """Delete ``word`` from the list; whether it was there."""
        return bool(
            self._db.write(
                lambda c: c.execute("DELETE FROM vocabulary WHERE word=?", (word,)).rowcount
            )
        )

    def words(self) -> list[VocabWord]:
        """Every word, the first looked up first."""
        rows = self._db.all(
            "SELECT word, pinyin, definitions, context, fingerprint, path, title, lookups, "
            "created FROM vocabulary ORDER BY id"
        )
        return [VocabWord(*row) for row in rows]

    def dump(self) -> list[dict[str, object]]:
        """Every word as a dict, for backups."""
        return [
            {"word": w.word, "pinyin": w.pinyin, "definitions": w.definitions,
             "context": w.context, "fingerprint": w.fingerprint, "path": w.path,
             "title": w.title, "lookups": w.lookups, "created": w.created}
            for w in self.words()
        ]  # fmt: skip

    def restore(self, items: list[dict[str, object]]) -> int:
        """Add dumped words not yet in the list; how many were added."""
        stamp = now_iso()
        rows = [(*row, stamp) for row in dumped_words(items)]

        def insert(conn: sqlite3.Connection) -> int:
            before = conn.total_changes
            conn.executemany(_RESTORE, rows)
            return int(conn.total_changes - before)

        return self._db.write(insert)

    def to_csv(self) -> str:
        """The list as CSV for Anki: header lines, then one note per word."""
        out = io.StringIO()
        out.write("#separator:Comma\n#html:false\n#columns:" + ",".join(CSV_COLUMNS) + "\n")
        writer = csv.writer(out, lineterminator="\n")
        for word in self.words():
            writer.writerow((word.word, word.pinyin, word.definitions, word.context, word.title))
        return out.getvalue()


def dumped_words(items: object) -> list[tuple[object, ...]]:
    """The words of a :meth:`Vocabulary.dump`, checked: ValueError when one is not a word
    (a backup is checked whole before any of it is restored)."""
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ValueError("not a vocabulary list")
    return [(*_dumped_texts(item), _dumped_count(item)) for item in items]


def _dumped_texts(item: dict[str, object]) -> list[str]:
    """The text fields of a dumped word (ValueError when one is not text or no word)."""
    values = [item.get(name, "") for name in _DUMP_TEXT]
    if not all(isinstance(value, str) for value in values) or not values[0]:
        raise ValueError("not a vocabulary entry")
    return [str(value) for value in values]


def _dumped_count(item: dict[str, object]) -> int:
    lookups = item.get("lookups", 1)
    if not isinstance(lookups, int) or isinstance(lookups, bool) or lookups < 1:
        raise ValueError("not a vocabulary entry")
    return lookups
