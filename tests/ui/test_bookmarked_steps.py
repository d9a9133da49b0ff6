"""J/K inside the "★ Bookmarked" node step through bookmarked articles only."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.ui.library import BOOKMARKED

pytestmark = pytest.mark.anyio


async def test_j_and_k_step_through_bookmarked_articles(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("b", "j", "j", "b")  # "Harbour cranes return", "Night market opens"
        await settle(pilot)
        screen.section_tree.select_path(BOOKMARKED)
        await settle(pilot)
        screen.set_focus(screen.article_list)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current.title == "Harbour cranes return"
        await pilot.press("J")  # skips "River levels fall", which is not bookmarked
        await settle(pilot)
        assert screen.current.title == "Night market opens"
        await pilot.press("J")  # the last bookmarked one: stays
        await settle(pilot)
        assert screen.current.title == "Night market opens"
        await pilot.press("K")
        await settle(pilot)
        assert screen.current.title == "Harbour cranes return"


def test_catalog_neighbour_bookmarked_only(library, paths):
    from tuireader.state import StateStore
    from tuireader.ui.library import Library

    lib = Library(paths, library)
    try:
        lib.catalog.scan()
        rows = lib.catalog.rows((), 0, 10)
        first, third = rows[0], rows[2]
        store = StateStore.open(paths.state_db, backups=False)
        for row in (first, third):
            store.bookmarks.add_article(row.fingerprint, row.path, row.title)
        nxt = lib.catalog.neighbour(first.id, (), "date", 1, bookmarked_only=True)
        assert nxt is not None and nxt.id == third.id
        assert lib.catalog.neighbour(first.id, (), "date", 1).id == rows[1].id
        assert lib.catalog.neighbour(third.id, (), "date", 1, bookmarked_only=True) is None
    finally:
        lib.close()
