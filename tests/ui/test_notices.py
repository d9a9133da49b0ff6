"""Notifications: the same notice is not stacked while it is still on screen."""

from __future__ import annotations

import sqlite3

import pytest

from tests.ui.conftest import SIZE, Notes, settle
from tuireader.state import StateStore
from tuireader.state.schema import SCHEMA_VERSION

pytestmark = pytest.mark.anyio


def make_read_only(state_db) -> None:
    """A state.db from a newer tuireader: this one opens it read-only."""
    state_db.parent.mkdir(parents=True, exist_ok=True)
    StateStore.open(state_db, backups=False).close()
    conn = sqlite3.connect(state_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


async def test_read_only_state_says_not_saved_once_for_repeated_marks(library, paths, make_app):
    make_read_only(paths.state_db)
    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        await pilot.press("m", "m", "m")
        await settle(pilot)
        not_saved = [note for note in notes.shown if note.title == "Not saved"]
        assert len(not_saved) == 1
        assert "read-only" in not_saved[0].message
        assert app.screen.article_list.row_at(0).read is False  # nothing was written


async def test_different_notices_are_all_shown(library, make_app):
    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        app.notify("first")
        app.notify("second")
        app.notify("first", title="another title")
        await pilot.pause()
        assert notes.messages[-3:] == ["first", "second", "first"]


async def test_a_notice_comes_back_once_the_first_has_gone(library, make_app):
    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        app.notify("once more", timeout=0.05)
        app.notify("once more", timeout=0.05)
        await pilot.pause(0.1)
        app.notify("once more", timeout=0.05)
        await pilot.pause()
        assert notes.messages.count("once more") == 2


async def test_a_failed_periodic_backup_is_told_once(library, paths, make_app):
    from tuireader.state.backup import CHANGES_PER_BACKUP

    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        folder = paths.state_db.parent / "backups"
        for old in folder.iterdir():
            old.unlink()
        folder.rmdir()
        folder.write_text("a file where the backups folder should be")
        state = app.screen.library.state
        for i in range(2 * CHANGES_PER_BACKUP):  # two failed backups, one reason
            state.marks.set_read(f"fp{i}", f"{i}.txt")
        await pilot.pause(2.5)  # the position-save tick looks for it every second
        told = [m for m in notes.messages if m.startswith("Could not write a backup in")]
        assert told == [f"Could not write a backup in {folder}: File exists"]
