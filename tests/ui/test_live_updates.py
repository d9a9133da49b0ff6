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
        assert len(started) == 2
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
