"""An EPUB book in the real app on a pty: open a chapter, bookmark, search, look a word
up, quit, start again on the same chapter (the book is written by the tests)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from epub_builder import write_book
from pty_harness import PtyApp

from tuireader.state import StateStore

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="pty")]
SRC = Path(__file__).resolve().parents[2] / "src"
SIZE = (120, 36)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "TUIREADER_DATA_DIR": str(tmp_path / "data"),
        "TUIREADER_CACHE_DIR": str(tmp_path / "cache"),
        "TUIREADER_CONFIG": str(tmp_path / "config.yaml"),
        "PYTHONPATH": str(SRC),
    }


def test_a_book_in_a_terminal(tmp_path: Path) -> None:
    library = tmp_path / "shelf"
    write_book(library / "books" / "log.epub")
    argv = [sys.executable, "-m", "tuireader", str(library)]
    with PtyApp(argv, size=SIZE, env=_env(tmp_path)) as app:
        app.wait_for(re.compile(rb" 1 of 4  sort"), timeout=60)
        app.settle(0.5)
        app.press("G", "enter")  # the last row: the Chinese chapter
        app.wait_for("经济发展需要耐心", timeout=20)
        app.settle(0.3)
        app.press("v", "b")
        app.settle(0.3)
        start = app.mark()
        app.press("d")  # the dictionary: the first word from the reading position
        app.wait_for("chá guǎn", since=start, timeout=30)  # 茶馆, the chapter's heading
        app.press("escape")
        app.settle(0.3)
        start = app.mark()
        app.press("S", *"经济发展")  # S: library search
        app.wait_for("1 result", since=start, timeout=20)
        app.press("escape")
        app.settle(0.3)
        assert app.quit("q", "q") == 0
    store = StateStore.open(tmp_path / "data" / "state.db", backups=False)
    (saved,) = store.bookmarks.page("", 0, 10)
    words = [word.word for word in store.vocab.words()]
    store.close()
    assert saved.path == "books/log.epub#4" and words == ["茶馆"]
    with PtyApp(argv, size=SIZE, env=_env(tmp_path)) as app:  # resumed on the chapter
        app.wait_for("经济发展需要耐心", timeout=60)
        assert app.quit() == 0
