"""The dictionary popup: the word at the cursor (or each word of a passage), pinyin with
tone marks and CC-CEDICT's definitions, over the reader, which does not move.

A ``ModalScreen`` drawn on top of the library screen: the text underneath keeps its
place, escape (or the key again) closes it. Every string shown is built as ``Text``
(never markup); the entries come from the bundled dictionary, the words from the article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.dictionary.cedict import SHORT_ATTRIBUTION
from tuireader.dictionary.index import Match
from tuireader.dictionary.pinyin import tone_marks
from tuireader.ui.bindings import bindings
from tuireader.ui.safe_text import one_line

#: Definitions shown per entry (a character can have dozens of senses).
MAX_SENSES = 8
#: Entries shown per word.
MAX_ENTRIES = 4


def entry_text(matches: list[Match]) -> Text:
    """The popup's body: each word, then each reading with its senses."""
    text = Text()
    for number, match in enumerate(matches):
        if number:
            text.append("\n")
        text.append(one_line(match.word), style="bold")
        if number:
            text.append("  (part)", style="dim")
        for entry in match.entries[:MAX_ENTRIES]:
            text.append("\n  ")
            text.append(one_line(tone_marks(entry.pinyin)), style="italic")
            forms = {entry.simplified, entry.traditional} - {match.word}
            if forms:
                text.append("  " + one_line(" ".join(sorted(forms))), style="dim")
            senses = entry.definitions[:MAX_SENSES]
            more = len(entry.definitions) - len(senses)
            text.append("\n    " + one_line("; ".join(senses)) + (f" (+{more})" if more else ""))
    return text


def not_found_text(word: str) -> Text:
    """What the popup says when nothing at the cursor is in the dictionary."""
    text = Text("Not in the dictionary: ", style="dim")
    text.append(one_line(word) or "(no Chinese word here)")
    return text


class DictionaryPopup(ModalScreen[None]):
    """A box with dictionary entries; escape or the dictionary key closes it."""

    BINDINGS: ClassVar = bindings("dictionary")

    def __init__(self, body: Text, saved: int = 0) -> None:
        """Show ``body``; ``saved`` words went to the vocabulary list."""
        super().__init__()
        self._body = body
        self._saved = saved

    def compose(self) -> ComposeResult:
        """The entries in a scrollable box, the source line under them."""
        with VerticalScroll(id="dictionary-box") as box:
            box.border_title = "Dictionary"
            box.border_subtitle = "escape closes"
            yield Static(self._body, id="dictionary-entries")
            note = (
                f"{self._saved} word(s) kept for `tuireader vocab export` · " if self._saved else ""
            )
            yield Static(Text(note + SHORT_ATTRIBUTION, style="dim"), id="dictionary-source")

    def action_close(self) -> None:
        """Close the popup."""
        self.dismiss(None)
