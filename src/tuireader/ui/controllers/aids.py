"""Reading aids for the library screen: the dictionary, pinyin, 简/繁, and the reading clock.

A part held by the screen (``screen.aids``): the screen's key actions call it. The dictionary is opened on first use in a thread (building its index the first time
ever takes about a second), so start-up never pays for it; lookups after that take a
millisecond or two on the UI thread. Time spent reading is counted by a
:class:`~tuireader.state.reading.ReadingClock` and written to state.db when the article
changes, every minute, and when the app closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from tuireader.catalog import ArticleRow, Catalog
from tuireader.dictionary.pinyin import tone_marks
from tuireader.library.keys import split_chapter_key
from tuireader.library.model import Anchor, Article
from tuireader.library.sentences import sentence_at
from tuireader.state import StateWriteError
from tuireader.state.reading import Reading, ReadingClock
from tuireader.state.vocabulary import VocabWord
from tuireader.text.script import ORIGINAL, SCRIPTS
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.widgets.reader.aids import DisplayAids

if TYPE_CHECKING:
    from tuireader.dictionary.index import Dictionary, Match

SCRIPT_NAMES = {
    ORIGINAL: "as written",
    "simplified": "简体 Simplified",
    "traditional": "繁體 Traditional",
}
#: How far a lookup at the reading position looks for a Chinese word.
_SEARCH_AHEAD = 200


class ReadingAids:
    """The screen's dictionary, display choices and reading time."""

    def __init__(self, host: MainHost, cache_dir: Path, script: str = ORIGINAL) -> None:
        """Serve ``host`` (the library screen); the dictionary index lives in ``cache_dir``."""
        self.host = host
        self._cache_dir = cache_dir
        self.script = script if script in SCRIPTS else ORIGINAL
        self.pinyin = False
        self._dictionary: Dictionary | None = None
        self._opening = False
        self._clock = ReadingClock()
        self._reading: tuple[ArticleRow, Article, int] | None = None  # row, article, chars at start
        self._furthest = 0
        self._books: dict[str, list[tuple[str, int]]] = {}  # book key → chapter sizes

    # -- display -----------------------------------------------------------------------
    def display(self) -> DisplayAids:
        """What the reader should show now (readings only once the dictionary is open)."""
        readings = self._readings if self.pinyin and self._dictionary is not None else None
        return DisplayAids(self.script, readings)

    def _readings(self, text: str) -> Sequence[str | None]:
        assert self._dictionary is not None
        return [tone_marks(r) if r else None for r in self._dictionary.readings(text)]

    def cycle_script(self) -> str:
        """Next script (as written → Simplified → Traditional); its name for people."""
        self.script = SCRIPTS[(SCRIPTS.index(self.script) + 1) % len(SCRIPTS)]
        self._apply()
        return SCRIPT_NAMES[self.script]

    def toggle_pinyin(self) -> None:
        """Pinyin above the text on or off (opening the dictionary first if needed)."""
        self.pinyin = not self.pinyin
        if self.pinyin and self._dictionary is None:
            self._with_dictionary(self._apply)
        else:
            self._apply()

    def _apply(self) -> None:
        self.host.reader.set_aids(self.display())

    # -- books ---------------------------------------------------------------------------
    def book_percent(self, path: str, percent: int, catalog: Catalog) -> int | None:
        """How far through its whole book the chapter at ``path`` is read, 0..100
        (``percent`` through the chapter); None when ``path`` is no chapter."""
        found = split_chapter_key(path)
        if found is None:
            return None
        book = found[0]
        sizes = self._books.get(book)
        if sizes is None or path not in dict(sizes):  # new, or the book changed
            sizes = self._books[book] = catalog.chapter_sizes(book)
        return share_of_book(sizes, path, percent)

    # -- dictionary ----------------------------------------------------------------------
    def lookup_here(self) -> None:
        """Look up the selected passage, else the first Chinese word from the reading position."""
        reader = self.host.reader
        article = reader.article
        if article is None:
            return
        selection = reader.selection
        if selection is not None:
            passage = _passage(article, *selection)
            self._with_dictionary(lambda: self._show_passage(passage))
            return
        anchor = reader.position
        self._with_dictionary(lambda: self._show_word(article, anchor, search=True))

    def lookup_at(self, anchor: Anchor) -> None:
        """Look up the word at ``anchor`` (a double-click)."""
        article = self.host.reader.article
        if article is not None:
            self._with_dictionary(lambda: self._show_word(article, anchor, search=False))

    def _show_word(self, article: Article, anchor: Anchor, search: bool) -> None:
        assert self._dictionary is not None
        if not 0 <= anchor.block < len(article.blocks):
            return
        text = article.blocks[anchor.block].text
        matches: list[Match] = []
        end = min(len(text), anchor.offset + (_SEARCH_AHEAD if search else 1))
        for offset in range(max(0, anchor.offset), end):
            matches = self._dictionary.lookup_at(text, offset)
            if matches:
                break
        # Deferred: the dictionary's modules cost 80 ms, before the first frame if at the top.
        from tuireader.ui.widgets.dictionary_text import entry_text, not_found_text

        if not matches:
            word = text[anchor.offset : anchor.offset + 1]
            self.host.dictionary_panel.show_entries(not_found_text(word))
            return
        self.host.dictionary_panel.show_entries(entry_text(matches), 1)
        # Kept after the popup is painted: a state write waits for the disk.
        self.host.call_after_refresh(self._save_word, matches[0], article, text)

    def _show_passage(self, passage: str) -> None:
        assert self._dictionary is not None
        matches = self._dictionary.lookup_passage(passage)
        from tuireader.ui.widgets.dictionary_text import entry_text, not_found_text  # see above

        body = entry_text(matches) if matches else not_found_text(passage[:20])
        self.host.dictionary_panel.show_entries(body)

    def _save_word(self, match: Match, article: Article, text: str) -> None:
        entry = match.entries[0]
        span = sentence_at(text, match.start) or (0, len(text))
        row = self.host.current
        word = VocabWord(
            word=match.word,
            pinyin=tone_marks(entry.pinyin),
            definitions="; ".join(entry.definitions),
            context=text[span[0] : span[1]],
            fingerprint=row.fingerprint if row is not None else "",
            path=row.path if row is not None else article.path,
            title=article.title,
        )
        try:
            self.host.opened.state.vocab.save(word)
        except StateWriteError as exc:
            self.host.notify(str(exc), title="Word not kept", markup=False, severity="warning")

    def _with_dictionary(self, then: Callable[[], None]) -> None:
        """Run ``then`` on the UI thread once the dictionary is open."""
        if self._dictionary is not None:
            then()
            return
        if self._opening:
            return
        self._opening = True
        self.host.notify("Opening the dictionary…", timeout=2)
        self.host.run_worker(lambda: self._open(then), thread=True, group="dictionary")

    def _open(self, then: Callable[[], None]) -> None:
        """In a worker: open (or build) the index, then continue on the UI thread."""
        from tuireader.dictionary.cedict import DictionaryMissingError
        from tuireader.dictionary.index import Dictionary

        try:
            dictionary = Dictionary.open(self._cache_dir)
        except (DictionaryMissingError, OSError) as exc:
            self.host.app.call_from_thread(self._failed, str(exc))
            return
        self.host.app.call_from_thread(self._opened, dictionary, then)

    def _opened(self, dictionary: Dictionary, then: Callable[[], None]) -> None:
        self._dictionary = dictionary
        self._opening = False
        then()

    def _failed(self, message: str) -> None:
        self._opening = False
        self.pinyin = False
        self.host.notify(message, title="No dictionary", markup=False, severity="error")

    def close(self) -> None:
        """Close the dictionary (the app is closing)."""
        if self._dictionary is not None:
            self._dictionary.close()
            self._dictionary = None

    # -- reading time --------------------------------------------------------------------
    def started(self, row: ArticleRow, article: Article, anchor: Anchor) -> None:
        """An article opened at ``anchor``: count the one before, start the clock."""
        self.flush()
        at = chars_before(article, anchor)
        self._reading = (row, article, at)
        self._furthest = at
        self._clock.start(time.monotonic())

    def moved(self, anchor: Anchor) -> None:
        """The reader moved: it is reading (and got this far)."""
        if self._reading is None:
            return
        self._clock.touch(time.monotonic())
        self._furthest = max(self._furthest, chars_before(self._reading[1], anchor))

    def flush(self) -> None:
        """Write the time and characters read since the last flush."""
        if self._reading is None:
            return
        row, article, start = self._reading
        seconds = self._clock.take(time.monotonic())
        chars = max(0, self._furthest - start)
        self._reading = (row, article, self._furthest)
        section = " › ".join(article.meta.sections)
        reading = Reading(row.fingerprint, row.path, article.title, section, seconds, chars)
        # Statistics are not worth an alarm: a failed write is simply not counted.
        with suppress(StateWriteError):
            self.host.opened.state.stats.add(reading)

    def finished(self) -> None:
        """The end of the article came into view."""
        if self._reading is None:
            return
        row, article, _ = self._reading
        self._furthest = len(article.body_text)
        with suppress(StateWriteError):
            self.host.opened.state.stats.finish(row.fingerprint, row.path, article.title)


def share_of_book(sizes: list[tuple[str, int]], path: str, percent: int) -> int | None:
    """The whole book's percentage read when chapter ``path`` is ``percent`` read."""
    total = sum(size for _, size in sizes)
    before = 0
    for key, size in sizes:
        if key == path:
            return min(100, round(100 * (before + size * percent / 100) / max(total, 1)))
        before += size
    return None


def chars_before(article: Article, anchor: Anchor) -> int:
    """How many characters of the article come before ``anchor``."""
    blocks = article.blocks[: max(0, anchor.block)]
    return sum(len(block.text) for block in blocks) + max(0, anchor.offset)


def _passage(article: Article, start: Anchor, end: Anchor) -> str:
    """The text from ``start`` to ``end`` (end exclusive), blocks joined by newlines."""
    parts = []
    for index in range(start.block, end.block + 1):
        text = article.blocks[index].text
        left = start.offset if index == start.block else 0
        right = end.offset if index == end.block else len(text)
        parts.append(text[left:right])
    return "\n".join(parts)
