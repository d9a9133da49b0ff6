"""EPUB books in the app: the book in the tree, a chapter opened, bookmarked, searched,
resumed after a restart (the book is written by the tests: Chinese and English chapters,
a nested TOC, an image)."""

from __future__ import annotations

from pathlib import Path

import pytest
from epub_builder import ENGLISH_PARAGRAPHS, standard_book, write_book

from tests.ui.conftest import SIZE, settle
from tuireader.state import StateStore

pytestmark = pytest.mark.anyio

BOOK = "The Keeper's Log"
CHINESE = "books/log.epub#4"


@pytest.fixture
def book_library(tmp_path: Path) -> Path:
    root = tmp_path / "shelf"
    write_book(root / "books" / "log.epub")
    (root / "notes.md").write_text("---\ntitle: Notes\n---\n\nA note.\n", encoding="utf-8")
    return root


def tree_labels(tree) -> list[tuple[int, str]]:
    """(depth, label) of every node of the section tree, expanded or not."""
    found: list[tuple[int, str]] = []
    stack = [(node, 0) for node in reversed(tree.root.children)]
    while stack:
        node, depth = stack.pop()
        found.append((depth, str(node.label.plain).split("  ")[0].lstrip("▶▼ ")))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return found


def shown_text(reader) -> str:
    """What the reader's visible rows show."""
    return "\n".join(reader.render_line(y).text for y in range(reader.size.height))


async def test_the_book_is_a_node_with_its_toc(book_library, make_app):
    app = make_app(book_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.section_tree
        tree.focus()
        for _ in range(3):  # expand books, then the book (children come on expanding)
            tree.root.expand_all()
            await pilot.pause()
        labels = tree_labels(tree)
        assert (0, "books") in labels
        assert (1, BOOK) in labels
        assert (2, "Part One: The Point") in labels


async def test_a_chapter_opens_is_bookmarked_and_found(book_library, make_app, paths):
    app = make_app(book_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.open_path(CHINESE)
        await settle(pilot)
        assert screen.reader.article.title == "茶馆"
        assert "经济发展需要耐心" in shown_text(screen.reader)
        await pilot.press("v", "b")
        await settle(pilot)
        await pilot.press("ctrl+s", *"经济发展")
        await settle(pilot)
        assert [hit.path for hit in app.screen.hits] == [CHINESE]
    store = StateStore.open(paths.state_db, backups=False)
    (saved,) = store.bookmarks.page("", 0, 10)
    store.close()
    assert (saved.path, saved.title) == (CHINESE, "茶馆")
    assert saved.quote == "茶馆"  # the chapter's heading: the sentence at the top


async def test_a_chapter_is_resumed_after_a_restart(tmp_path, make_app):
    book = standard_book()
    book.chapters[3].paragraphs = ENGLISH_PARAGRAPHS * 20  # Spring: long enough to scroll
    write_book(tmp_path / "shelf" / "books" / "log.epub", book)
    first = make_app(tmp_path / "shelf")
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first.screen.open_path("books/log.epub#3")
        await settle(pilot)
        first.screen.reader.scroll_page_down(animate=False)
        await settle(pilot)
        anchor = first.screen.reader.position
        assert anchor.block > 0
        first.screen.save_position()
    second = make_app(tmp_path / "shelf")
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert second.screen.current.path == "books/log.epub#3"
        assert second.screen.reader.position.block == anchor.block


async def test_the_status_line_shows_the_share_of_the_whole_book(tmp_path, make_app):
    book = standard_book()
    book.chapters[2].paragraphs = ENGLISH_PARAGRAPHS * 20  # Fog: long enough to scroll
    write_book(tmp_path / "shelf" / "books" / "log.epub", book)
    (tmp_path / "shelf" / "notes.md").write_text("# Notes\n\nA note.\n", encoding="utf-8")
    app = make_app(tmp_path / "shelf")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.open_path("books/log.epub#2")  # Fog, the second chapter
        await settle(pilot)
        sizes = screen.library.catalog.chapter_sizes("books/log.epub")
        total = sum(size for _, size in sizes)
        before_fog = round(100 * sizes[0][1] / total)
        through_fog = round(100 * (sizes[0][1] + sizes[1][1]) / total)
        assert f"reading: 0% · book {before_fog}%" in str(screen.status.render())
        screen.reader.focus()
        await pilot.press("G")
        await settle(pilot)
        await pilot.pause(0.4)  # the position is reported once scrolling stops
        assert f"reading: 100% · book {through_fog}%" in str(screen.status.render())
        screen.open_path("notes.md")
        await settle(pilot)
        assert "book" not in str(screen.status.render())
