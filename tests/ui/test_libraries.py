"""Several libraries from the config: palette commands switch the library screen."""

from __future__ import annotations

import pytest

from tests.conftest import write_article
from tests.ui.conftest import SIZE, Notes, settle

pytestmark = pytest.mark.anyio


def _two_libraries(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_article(first, "a/one.md", "First one", "2024-01-01", 2)
    for n in range(3):
        write_article(second, f"b/{n}.md", f"Second {n}", "2024-02-01", 2)
    return first, second


def _commands(app) -> dict:
    return {command.title: command for command in app.get_system_commands(app.screen)}


async def test_switch_library_reopens_the_screen_on_the_other_folder(tmp_path, make_app):
    first, second = _two_libraries(tmp_path)
    app = make_app(first, libraries={"first": first, "second": second})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        old_screen, old_library = app.screen, app.screen.library
        await pilot.press("enter")  # read the first library's article
        await settle(pilot)
        commands = _commands(app)
        assert "Switch library: second" in commands
        assert "Switch library: first" not in commands  # it is the open one
        await commands["Switch library: second"].callback()
        await settle(pilot)
        screen = app.screen
        assert screen is not old_screen
        assert screen.library is not old_library
        assert screen.library.root == second
        assert screen.section_tree.count_of((), False) == 3
        assert screen.article_list.row_at(0).title.startswith("Second")
        assert app.settings.library_name == "second"
        assert "Switch library: first" in _commands(app)
        await _commands(app)["Switch library: first"].callback()
        await settle(pilot)
        # The same state store: what was read in the first library is still read.
        assert app.screen.library.root == first
        assert app.screen.section_tree.unread(()) == 0


async def test_switching_through_the_palette(tmp_path, make_app):
    first, second = _two_libraries(tmp_path)
    app = make_app(first, libraries={"first": first, "second": second})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"switch library second")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.library.root == second


async def test_a_missing_library_folder_is_reported_not_opened(tmp_path, make_app):
    first, _ = _two_libraries(tmp_path)
    app = make_app(first, libraries={"first": first, "gone": tmp_path / "gone"})
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        screen = app.screen
        await _commands(app)["Switch library: gone"].callback()
        await settle(pilot)
        assert app.screen is screen
        assert screen.library.root == first
        assert any("was not found" in message for message in notes.messages)


async def test_a_library_name_with_markup_is_shown_as_typed(tmp_path, make_app):
    first, second = _two_libraries(tmp_path)
    name = "[bold red]news[/] [@click=app.quit]x[/]"
    app = make_app(first, libraries={"first": first, name: second})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"switch library")
        await pilot.pause(0.5)
        from textual.command import CommandList

        shown = str(app.screen.query_one(CommandList).get_option_at_index(0).prompt)
        assert "[@click=app.quit]" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert app.screen.library.root == second
