"""Live updates: files added, changed and removed while the app runs show up by themselves."""

from __future__ import annotations

import pytest

from tests.conftest import write_article
from tests.ui.conftest import SIZE, Notes, settle

pytestmark = pytest.mark.anyio


async def wait_for(pilot, condition, seconds: float = 6.0) -> bool:
    """Poll ``condition`` while the app runs, for up to ``seconds``."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    await settle(pilot)
    return condition()


async def test_added_and_removed_files_appear_and_go(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.section_tree.count_of((), False) == 5
        await pilot.press("j", "j")  # the cursor on "Night market opens"
        kept = screen.article_list.current.path
        write_article(library, "aaa/new.md", "Brand new", "2025-01-01", 2)  # sorts first
        assert await wait_for(pilot, lambda: screen.section_tree.count_of((), False) == 6)
        await settle(pilot)
        assert screen.article_list.row_count == 6
        assert screen.article_list.current.path == kept  # the cursor followed its article
        (library / "essays" / "tea.md").unlink()
        assert await wait_for(pilot, lambda: screen.section_tree.count_of((), False) == 5)
        assert screen.library.row_for_path("essays/tea.md") is None


async def test_the_open_article_reloads_at_its_place_when_its_file_changes(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("enter")  # "Harbour cranes return", 30 paragraphs
        await settle(pilot)
        await pilot.press("space", "space", "space")
        await settle(pilot)
        anchor = screen.reader.position
        assert anchor.block > 0
        old, old_fingerprint = screen.reader.article, screen.current.fingerprint
        target = library / "news/world/harbour.md"
        target.write_text(
            target.read_text(encoding="utf-8") + "\nA paragraph added at the end.\n",
            encoding="utf-8",
        )
        assert await wait_for(pilot, lambda: screen.reader.article is not old)
        await settle(pilot)
        assert screen.current.path == "news/world/harbour.md"
        assert screen.current.fingerprint != old_fingerprint
        assert "added at the end" in screen.reader.article.blocks[-1].text
        assert screen.reader.position == anchor
        assert screen.reader.has_focus


async def test_a_change_during_a_scan_queues_one_more_scan(library, make_app, monkeypatch):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        started = []
        original = screen.scanning.start
        monkeypatch.setattr(
            screen.scanning, "start", lambda changed=None: started.append(1) or original(changed)
        )
        screen.start_scan()
        screen.watching.files_changed()  # the scan above has not finished: queued, not started
        assert len(started) == 1
        write_article(library, "late.md", "Late arrival", "2025-02-02", 1)
        await settle(pilot)
        await settle(pilot)
        # The queued scan ran once the first ended (the app's own watcher may also report
        # the write after that, and start one more: a race this test does not decide).
        assert len(started) >= 2
        assert screen.section_tree.count_of((), False) == 6


async def test_a_removed_open_article_stays_open_and_is_reported_once(library, make_app):
    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("enter")
        await settle(pilot)
        article = screen.reader.article
        (library / "news/world/harbour.md").unlink()

        def reported() -> int:
            return sum("was removed" in message for message in notes.messages)

        assert await wait_for(pilot, lambda: reported() == 1)
        assert screen.reader.article is article
        await pilot.press("r")  # another scan: no second notice
        await settle(pilot)
        assert reported() == 1


def scan_in_two_batches(monkeypatch, app, library, then_in_the_ui=None):
    """Make the first scan catalogue the files on disk, show them (as the list does every
    few seconds of a first build), run ``then_in_the_ui`` on the UI thread, and only then
    find three newer articles: the newest rows arrive last, as in a big library."""
    from tuireader.catalog import Catalog

    real_scan = Catalog.scan
    newer = [(f"later/new{n}.md", f"Newer {n}", f"2025-0{n}-01") for n in (1, 2, 3)]

    def scan(self, progress=None, check_files=True, also_check=(), index=False):
        if (library / newer[0][0]).exists():
            return real_scan(self, progress, check_files, also_check, index)
        real_scan(self, progress, check_files, also_check, index)
        app.call_from_thread(app.screen.refresh_library)  # waits until it has run
        if then_in_the_ui is not None:
            app.call_from_thread(then_in_the_ui)
        for path, title, date in newer:
            write_article(library, path, title, date, 2)
        return real_scan(self, progress, check_files, also_check, index)

    monkeypatch.setattr(Catalog, "scan", scan)


async def test_the_first_build_ends_with_the_newest_article_on_top(library, make_app, monkeypatch):
    app = make_app(library)
    scan_in_two_batches(monkeypatch, app, library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.article_list.row_count == 8
        assert screen.article_list.cursor == 0
        assert screen.article_list.current.title == "Newer 3"
        assert screen.article_list.scroll_offset.y == 0


async def test_after_the_first_build_a_moved_cursor_keeps_its_article(
    library, make_app, monkeypatch
):
    app = make_app(library)
    scan_in_two_batches(
        monkeypatch, app, library, lambda: app.screen.article_list.action_cursor_down()
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.article_list.row_count == 8
        assert screen.article_list.current.title == "River levels fall"  # the row moved to
