"""Read marks: m toggles one article, A marks a section; list and tree follow."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle

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
