"""The help screen lists the keys of every screen, and those screens take them from the table."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tests.ui.conftest import SIZE, settle
from tuireader.ui.bindings import KEY_TABLE, SCOPE_TITLES
from tuireader.ui.screens.help import keys_table

pytestmark = pytest.mark.anyio


def help_text(keymap: dict[str, str] | None = None) -> str:
    """The help table as plain text."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(keys_table(keymap or {}))
    return console.export_text()


def test_help_lists_the_keys_of_the_other_screens():
    text = help_text()
    for title in ("Find bar (/)", "Library search (ctrl+s)", "Bookmarks (B)", "Note editor (a)"):
        assert title in text
    assert text.count("Bookmarks (B)") == 1  # the screen and its list under one heading
    for words in (
        "Regular expression on/off",  # ctrl+r in the find bar
        "Save the search (or forget it, if saved)",  # ctrl+s in the search screen
        "Open the chosen result",
        "Bring back the last deleted",  # u in the bookmarks screen
        "Open at the passage",
        "Close without saving",  # escape in the note editor
    ):
        assert words in text


def test_every_scope_has_a_title_and_ids_are_unique():
    assert {spec.scope for spec in KEY_TABLE} <= set(SCOPE_TITLES)
    ids = [spec.id for spec in KEY_TABLE]
    assert len(ids) == len(set(ids))


def test_screens_take_their_bindings_from_the_table():
    from tuireader.ui.screens.bookmarks import BookmarksScreen
    from tuireader.ui.screens.library_search import SearchScreen
    from tuireader.ui.screens.note_editor import NoteEditor
    from tuireader.ui.widgets.bookmark_list import BookmarkList
    from tuireader.ui.widgets.find_bar import FindBar

    for owner, scope in (
        (FindBar, "find"),
        (SearchScreen, "search"),
        (BookmarksScreen, "bookmarks"),
        (BookmarkList, "bookmark_list"),
        (NoteEditor, "editor"),
    ):
        table_ids = {spec.id for spec in KEY_TABLE if spec.scope == scope}
        assert {binding.id for binding in owner.BINDINGS} == table_ids


def test_a_remapped_screen_key_shows_in_the_help():
    assert "f2" in help_text({"find.regex": "f2"})


async def test_a_remapped_find_key_works(library, make_app):
    app = make_app(library, keys={"find.regex": "f2"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("slash", "P", "a")
        await settle(pilot)
        bar = app.screen.finder.bar
        assert bar is not None and not bar.regex
        await pilot.press("f2")
        await pilot.pause()
        assert bar.regex


@pytest.mark.parametrize(
    ("config", "press", "does"),
    [
        ('keys:\n  app.help: "ctrl+h"\n', "question_mark", "opens the help"),
        ("keys:\n  article.next: n\n", "J", "opens the next article"),
    ],
)
async def test_a_refused_remap_is_told_and_the_default_key_keeps_working(
    library, paths, config, press, does
):
    from tests.ui.conftest import Notes
    from tuireader.config import load_settings
    from tuireader.ui.app import TuireaderApp
    from tuireader.ui.screens.help import HelpScreen

    paths.config_file.write_text(config, encoding="utf-8")
    app = TuireaderApp(paths, load_settings(paths.config_file), library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        assert any("line 2: keys:" in message for message in notes.messages)
        await pilot.press(press)
        await settle(pilot)
        if does == "opens the help":
            assert isinstance(app.screen, HelpScreen)
        else:
            assert app.screen.current.title == "River levels fall"  # J from the first row
