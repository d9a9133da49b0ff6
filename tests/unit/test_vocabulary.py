"""The vocabulary list in state.db and its CSV export for Anki."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tuireader.state import StateStore
from tuireader.state.vocabulary import CSV_COLUMNS, VocabWord


def test_words_are_saved_once_and_counted(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    word = VocabWord(
        "经济", "jīng jì", "economy; economic", "经济发展需要耐心。", "fp", "a.md", "A"
    )
    store.vocab.save(word)
    store.vocab.save(word)
    store.vocab.save(VocabWord("发展", "fā zhǎn", "development"))
    words = store.vocab.words()
    assert [(w.word, w.lookups) for w in words] == [("经济", 2), ("发展", 1)]
    assert words[0].context == "经济发展需要耐心。"
    assert store.vocab.remove("发展") and not store.vocab.remove("发展")
    store.close()
    reopened = StateStore.open(tmp_path / "state.db", backups=False)
    assert [w.word for w in reopened.vocab.words()] == ["经济"]
    reopened.close()


def test_the_csv_export_reads_back_as_anki_notes(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.db", backups=False)
    store.vocab.save(VocabWord("经济", "jīng jì", "economy; economic", 'He said "a, b"', title="T"))
    text = store.vocab.to_csv()
    store.close()
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert header == ["#separator:Comma", "#html:false", "#columns:" + ",".join(CSV_COLUMNS)]
    rows = list(csv.reader(io.StringIO("\n".join(text.splitlines()[3:]))))
    assert rows == [["经济", "jīng jì", "economy; economic", 'He said "a, b"', "T"]]
