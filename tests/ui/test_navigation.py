"""Keyboard flows through the library: open, next/previous, unread jumps, filter, sort."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio


async def open_first(pilot) -> object:
    """Wait for the scan, open the article under the cursor; the screen."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen


async def test_enter_opens_the_article_under_the_cursor(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        assert screen.current.title == "Harbour cranes return"
        assert screen.focused is screen.reader


async def test_list_shows_every_article_newest_first(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.screen.article_list
        titles = [articles.row_at(i).title for i in range(articles.row_count)]
        assert titles[0] == "Harbour cranes return"
        assert titles[-1] == "On tea"
        assert len(titles) == 5


async def test_shift_j_and_k_step_through_the_list(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert screen.current.title == "River levels fall"
        await pilot.press("J")
        await settle(pilot)
        assert screen.current.title == "Night market opens"
        await pilot.press("K")
        await settle(pilot)
        assert screen.current.title == "River levels fall"


async def test_brackets_jump_to_unread_articles(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)  # harbour, now read
        await pilot.press("J", "J")  # river, market: read on open
        await settle(pilot)
        await pilot.press("K", "K")  # back to harbour
        await settle(pilot)
        assert screen.current.title == "Harbour cranes return"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.current.title == "Rooftop gardens"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.current.title == "Rooftop gardens"  # nothing unread before it


async def test_u_shows_only_unread_and_s_sorts_by_title(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert screen.article_list.row_count == 4
        assert "4 unread" in str(screen.article_list.border_title)
        await pilot.press("u", "s")
        await settle(pilot)
        first = screen.article_list.row_at(0)
        assert screen.listing.sort == "title"
        assert first.title == "Harbour cranes return"
        assert screen.article_list.row_at(4).title == "Rooftop gardens"


async def test_choosing_a_section_lists_only_its_articles(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.section_tree.focus()
        screen.section_tree.select_path(("news", "local"))
        await settle(pilot)
        assert screen.listing.section == ("news", "local")
        titles = {screen.article_list.row_at(i).title for i in range(2)}
        assert titles == {"Night market opens", "Rooftop gardens"}
        assert screen.article_list.row_count == 2


async def test_history_back_returns_to_the_previous_article(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("J")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.current.title == "Harbour cranes return"
        assert screen.reading.history.can_go_forward


async def test_q_leaves_the_reader_then_quits(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert screen.focused is screen.article_list
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_opening_a_single_file_shows_it_in_the_reader(library, make_app):
    app = make_app(library, open_file=library / "news" / "local" / "market.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current is not None
        assert app.screen.current.title == "Night market opens"


async def test_clicking_a_row_opens_it(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#articles", offset=(10, 3))  # border row + rows 0, 1, 2
        await settle(pilot)
        assert app.screen.current.title == "Night market opens"


async def test_f_toggles_full_screen_reading(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert not screen.section_tree.display or screen.section_tree.region.width == 0
        assert screen.has_class("-fullscreen")
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.has_class("-fullscreen")
        assert screen.section_tree.region.width > 0


async def test_h_in_the_reader_goes_back_to_the_list(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert screen.focused is screen.article_list
        await pilot.press("h")
        await pilot.pause()
        assert screen.focused is screen.section_tree


async def test_the_status_line_says_the_list_position_in_words(library, make_app):
    """``2 of 5``: the tree's ``5/5`` means unread of all; the status line must not look alike."""
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await pilot.pause()
        line = app.screen.status.render().plain
        assert " 2 of 5 " in line and "2/5" not in line
