"""Keys typed quickly after leaving the reader reach the widget that now has focus."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle, type_fast

pytestmark = pytest.mark.anyio


async def _open_first(pilot) -> object:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert screen.reader.has_focus
    return screen


async def test_q_q_from_the_reader_quits(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await _open_first(pilot)
        await type_fast(pilot, "q", "q")
        assert app.return_code == 0  # the second q reached the list and quit


async def test_h_then_j_moves_the_list_cursor(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_first(pilot)
        before = screen.article_list.cursor
        await type_fast(pilot, "h", "j")
        assert screen.focused is screen.article_list
        assert screen.article_list.cursor == before + 1
