"""Read counts follow the catalog; the list cursor finds rows past the cached pages."""

from __future__ import annotations

import threading
import time

import pytest

from tests.conftest import write_article
from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio

SAME_TEXT = "The same words filed in three places.\n\nA second paragraph of them.\n"


def _copies(root) -> None:
    """Three files with one text (one fingerprint) in three sections, and one other."""
    for folder in ("a", "b", "c/d"):
        target = root / folder / "same.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(SAME_TEXT, encoding="utf-8")
    write_article(root, "a/other.md", "Other", "2024-01-01", 2)


def _catalog_unread(screen, section=()) -> int:
    return screen.library.catalog.count(section, unread_only=True)


async def test_reading_one_copy_updates_every_copys_section(tmp_path, make_app):
    root = tmp_path / "lib"
    _copies(root)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.section_tree.unread(()) == 4
        row = screen.library.row_for_path("b/same.txt")
        screen.open_row(row)
        await settle(pilot)
        for section in ((), ("a",), ("b",), ("c",), ("c", "d")):
            assert screen.section_tree.unread(section) == _catalog_unread(screen, section)
        assert screen.section_tree.unread(()) == 1
        await pilot.press("m")  # unread again: all three copies come back
        await settle(pilot)
        assert screen.section_tree.unread(()) == 4 == _catalog_unread(screen)


async def test_opening_a_row_past_the_cached_pages_moves_the_cursor(tmp_path, make_app):
    root = tmp_path / "lib"
    for n in range(210):
        write_article(root, f"s/{n:03}.md", f"Article {n:03}", f"2020-01-{1 + n % 28:02}", 1)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.article_list.row_count == 210
        far = screen.library.catalog.rows((), offset=205, limit=1, sort="date")[0]
        assert screen.article_list.index_of(far.id) is None  # its page is not cached
        screen.open_row(far, focus=True)
        await settle(pilot)
        assert screen.article_list.cursor == 205
        await pilot.press("J")
        await settle(pilot)
        assert screen.article_list.cursor == 206
        assert screen.current.id == screen.article_list.current.id


async def test_shift_a_writes_in_a_worker_and_counts_come_from_the_catalog(
    tmp_path, make_app, monkeypatch
):
    root = tmp_path / "lib"
    _copies(root)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        threads = []
        original = screen.library.mark_section_read

        def record(section):
            threads.append(threading.current_thread())
            return original(section)

        monkeypatch.setattr(screen.library, "mark_section_read", record)
        screen.section_tree.select_path(("a",))
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert threads and threads[0] is not threading.main_thread()
        # a/same.txt shares its text with b/ and c/d/: those copies are read now too.
        assert screen.section_tree.unread(("a",)) == 0
        assert screen.section_tree.unread(("b",)) == 0
        assert screen.section_tree.unread(()) == 0 == _catalog_unread(screen)


async def test_held_down_j_walks_on_while_articles_load(library, make_app, monkeypatch):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        load = screen.library.load

        def slow_load(article_id):
            time.sleep(0.05)  # a slow disk: every J arrives before the last load ends
            return load(article_id)

        monkeypatch.setattr(screen.library, "load", slow_load)
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(4):  # four J presses in one burst, before any load has ended
            screen.action_next_article()
        # (settle would re-raise the overtaken loads' cancellations: poll instead)
        for _ in range(100):
            if not screen.reading.loading:
                break
            await pilot.pause(0.05)
        last = screen.article_list.row_at(4)
        assert screen.current.id == last.id
        assert screen.reader.article.title == last.title
        assert screen.article_list.cursor == 4
