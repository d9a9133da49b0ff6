"""Read marks: m toggles one article, A marks a section; list and tree follow."""

from __future__ import annotations

import pytest

from tests.conftest import write_article
from tests.ui.conftest import SIZE, Notes, settle

pytestmark = pytest.mark.anyio


async def test_opening_marks_read_and_m_toggles_it_back(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.section_tree.unread(()) == 5
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article_list.row_at(0).read is True
        assert screen.section_tree.unread(()) == 4
        assert screen.section_tree.unread(("news", "world")) == 1
        await pilot.press("m")
        await settle(pilot)
        assert screen.article_list.row_at(0).read is False
        assert screen.section_tree.unread(()) == 5
        assert screen.section_tree.unread(("news",)) == 4


async def test_policy_end_does_not_mark_on_open(library, make_app):
    app = make_app(library, mark_read="end")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.article_list.row_at(0).read is False


async def test_m_in_the_list_marks_the_row_under_the_cursor(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "m")
        await settle(pilot)
        assert app.screen.article_list.row_at(1).read is True
        assert app.screen.article_list.row_at(0).read is False


async def test_shift_a_marks_the_section_read(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.section_tree.select_path(("news",))
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert screen.section_tree.unread(("news",)) == 0
        assert screen.section_tree.unread(()) == 1
        assert all(screen.article_list.row_at(i).read for i in range(4))


def undo_notices(notes) -> list[str]:
    """The notifications that offer an undo key."""
    return [m for m in notes.messages if "U to undo" in m]


async def test_A_on_a_big_section_asks_first_and_U_undoes_it(tmp_path, make_app):
    from tuireader.ui.controllers.read_marks import CONFIRM_SECTION_FROM
    from tuireader.ui.screens.confirm import ConfirmScreen

    root = tmp_path / "big"
    for n in range(CONFIRM_SECTION_FROM + 1):
        write_article(root, f"desk/a{n:03d}.md", f"Article {n}", "2024-01-01", 1)
    app = make_app(root)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        screen = app.screen
        total = CONFIRM_SECTION_FROM + 1
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"{total:,} unread articles" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and screen.section_tree.unread(()) == total
        await pilot.press("A", "y")
        await settle(pilot)
        assert screen.section_tree.unread(()) == 0
        assert undo_notices(notes)
        await pilot.press("U")
        await settle(pilot)
        assert screen.section_tree.unread(()) == total
        assert not any(screen.article_list.row_at(i).read for i in range(total))


async def test_undo_of_A_leaves_articles_read_before_it_read(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("enter")  # opening marks "Harbour cranes return" read
        await settle(pilot)
        await pilot.press("h", "A")  # 4 unread: under the threshold, no question
        await settle(pilot)
        assert screen.section_tree.unread(()) == 0
        await pilot.press("U")
        await settle(pilot)
        assert screen.section_tree.unread(()) == 4
        assert screen.article_list.row_at(0).read is True


async def test_m_in_unread_only_mode_can_be_undone(library, make_app):
    app = make_app(library)
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("u", "j", "m")
        await settle(pilot)
        assert screen.article_list.row_count == 4  # "River levels fall" left the list
        assert any("River levels fall" in m for m in undo_notices(notes))
        await pilot.press("U")
        await settle(pilot)
        assert screen.article_list.row_count == 5
        assert screen.article_list.current.title == "River levels fall"
        assert screen.section_tree.unread(()) == 5
