"""What the dictionary popup says: the word at the cursor (or each word of a passage),
pinyin with tone marks and CC-CEDICT's definitions.

Every string is built as ``Text`` (never markup); the entries come from the bundled
dictionary, the words from the article. The popup itself is
:class:`~tuireader.ui.widgets.dictionary_panel.DictionaryPanel`.
"""

from __future__ import annotations

from rich.text import Text

from tuireader.dictionary.index import Match
from tuireader.dictionary.pinyin import tone_marks
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
