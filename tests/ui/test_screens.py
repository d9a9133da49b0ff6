"""The screens a person can meet besides the library: missing, empty, problems, help."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import DataTable, Static

from tests.conftest import write_article
from tests.ui.conftest import SIZE, Notes, settle
from tuireader.ui.screens.help import HelpScreen

pytestmark = pytest.mark.anyio


def screen_text(app) -> str:
    """All the text of the Static widgets on the current screen."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_a_missing_path_gets_a_clear_screen(tmp_path, make_app):
    app = make_app(tmp_path / "nowhere")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.id == "missing"
        assert "not found" in screen_text(app)
        assert "nowhere" in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_an_empty_library_gets_a_clear_screen(tmp_path, make_app):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.id == "empty"
        assert "empty" in screen_text(app)


async def test_rescan_from_the_empty_screen_finds_new_files(tmp_path, make_app):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        write_article(empty, "new.md", "Arrived later", "2024-01-01", 2)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen.article_list.row_count == 1


async def test_problems_view_lists_each_bad_file(library, make_app):
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (library / "also-bad.html").symlink_to(library / "missing-target.html")
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = app.screen.library.catalog.problems()
        assert problems, "the catalog should report the bad files"
        await pilot.press("P")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        listed = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert {p.path for p in problems} <= listed
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.article_list.row_count == 5


async def test_library_with_only_bad_files_opens_the_problems_view(tmp_path, make_app):
    root = tmp_path / "bad"
    root.mkdir()
    (root / "a.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "a.txt"
        assert "binary" in str(table.get_row_at(0)[1])


async def test_help_lists_every_main_binding(library, make_app):
    from tuireader.ui.bindings import KEY_TABLE

    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys", Static).content)
        text = console.export_text()
        for spec in KEY_TABLE:
            assert (spec.tooltip or spec.description) in text
        assert "Page down" in text  # the reader's own keys are listed too
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_theme_is_remembered_between_runs(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_palette_offers_the_screen_actions(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        # Each entry shows its keys, as the help does (a remap included).
        assert {"Toggle read (m)", "Sort (s)", "Only unread (u)", "Mark section read (A)"} <= titles
        assert "Search library (ctrl+s, S)" in titles and "Help (?, f1)" in titles
        assert not any(title.startswith("Back in history") for title in titles)  # greyed out


async def test_palette_shows_a_remapped_key(library, make_app):
    app = make_app(library, keys={"list.sort": "f6"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Sort (f6)" in titles


async def test_config_problems_are_told_and_the_app_runs(library, make_app):
    """A broken config line reaches the user as a notification, not only on stderr."""
    app = make_app(library, problems=["config line 3: reading_width must be a number"])
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        messages = notes.messages
        assert any("reading_width" in m for m in messages)
        assert app.screen.query_one("#reader") is not None


async def test_unreadable_files_are_told_again_only_when_they_change(library, make_app):
    """A live rescan that finds the same unreadable files says nothing new; a new one is told."""
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (library / "worse.txt").write_bytes(b"\x00\x03\x04binary\xff\xfe" * 50)
    app = make_app(library)
    notes = Notes()

    def told() -> list[str]:
        return [m for m in notes.messages if "could not be read" in m]

    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        assert told() == ["2 file(s) could not be read. Press P to see which."]
        for _ in range(2):  # rescans as the folder watcher starts them
            app.screen.start_scan()
            await settle(pilot)
        assert len(told()) == 1
        (library / "third.txt").write_bytes(b"\x00\x05\x06binary\xff\xfe" * 50)
        app.screen.start_scan()
        await settle(pilot)
        assert told()[1:] == ["3 file(s) could not be read. Press P to see which."]
