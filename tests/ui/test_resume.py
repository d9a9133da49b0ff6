"""Reading position: kept across a resize and across a restart of the app."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio


async def scroll_into_article(pilot, presses: int = 8) -> object:
    """Open the long article and page down a few times; the reader's anchor."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    reader = pilot.app.screen.reader
    for _ in range(presses):
        reader.scroll_page_down(animate=False)
        await pilot.pause()
    await settle(pilot)
    return reader.position


async def test_resize_keeps_the_paragraph_in_view(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        anchor = await scroll_into_article(pilot, presses=3)
        assert anchor.block > 0
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert app.screen.reader.position.block == anchor.block


async def test_restart_reopens_the_article_at_the_same_place(library, make_app):
    first = make_app(library)
    async with first.run_test(size=SIZE) as pilot:
        anchor = await scroll_into_article(pilot)
        assert anchor.block > 0
        first.screen.save_position()
    second = make_app(library)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = second.screen
        assert screen.current is not None
        assert screen.current.title == "Harbour cranes return"
        assert screen.reader.position.block == anchor.block


async def test_reopening_an_article_restores_its_position(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        anchor = await scroll_into_article(pilot)
        await pilot.press("J")
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        assert app.screen.current.title == "Harbour cranes return"
        assert app.screen.reader.position.block == anchor.block
