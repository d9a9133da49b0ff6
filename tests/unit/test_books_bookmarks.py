"""Bookmarks in EPUB chapters, checked against the files: in place, moved, orphaned."""

from __future__ import annotations

from pathlib import Path

from epub_builder import write_book

from tuireader.library.books import load_chapter
from tuireader.library.loader import fingerprint, load_article
from tuireader.library.model import Anchor
from tuireader.state import StateStore
from tuireader.state.anchors import ANCHORED, MOVED, ORPHANED
from tuireader.state.check import BookmarkChecker


def _passage(tmp_path: Path, root: Path):
    article = load_chapter(root / "books" / "log.epub", root, 4)
    store = StateStore.open(tmp_path / "state.db", backups=False)
    start = Anchor(1, 0)
    end = Anchor(1, article.blocks[1].text.index("，"))
    saved = store.bookmarks.add_passage(article, start, end, "a note", fp=fingerprint(article))
    store.close()
    return saved


def test_a_chapter_passage_is_found_in_place_and_after_the_book_moves(tmp_path: Path) -> None:
    root = tmp_path / "shelf"
    write_book(root / "books" / "log.epub")
    saved = _passage(tmp_path, root)
    assert (saved.path, saved.quote) == ("books/log.epub#4", "经济发展需要耐心")
    check = BookmarkChecker(root, load_article, fingerprint).check(saved)
    assert (check.status, check.path) == (ANCHORED, "books/log.epub#4")
    (root / "books" / "log.epub").rename(root / "moved.epub")
    check = BookmarkChecker(root, load_article, fingerprint).check(saved)
    assert (check.status, check.path) == (MOVED, "moved.epub#4")
    (root / "moved.epub").unlink()
    check = BookmarkChecker(root, load_article, fingerprint).check(saved)
    assert check.status == ORPHANED


def test_the_checker_lists_each_chapter_of_a_book_and_nothing_of_a_broken_one(
    tmp_path: Path,
) -> None:
    root = tmp_path / "shelf"
    write_book(root / "books" / "log.epub")
    (root / "broken.epub").write_bytes(b"not a zip")
    (root / "a.md").write_text("# A\n\nx\n", encoding="utf-8")
    keys = BookmarkChecker(root, load_article, fingerprint).library_files()
    assert sorted(keys) == ["a.md", *(f"books/log.epub#{i}" for i in range(5))]
