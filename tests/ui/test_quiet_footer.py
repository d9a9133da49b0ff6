"""The main screen's footer follows focus, a moment later, and only when keys change."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.ui.widgets.quiet_footer import QuietFooter

pytestmark = pytest.mark.anyio


def footer_keys(app) -> set[str]:
    """The descriptions the footer shows now."""
    footer = app.screen.query_one(QuietFooter)
    return {getattr(key, "description", "") for key in footer.children}


async def test_footer_shows_the_reader_keys_after_an_article_opens(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Page down" not in footer_keys(app)
        await pilot.press("enter")
        await settle(pilot)  # waits for the deferred rebuild
        assert "Page down" in footer_keys(app)


async def test_a_focus_move_that_keeps_the_same_keys_schedules_no_rebuild(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(QuietFooter)
        footer.bindings_changed(app.screen)  # nothing changed since the last rebuild
        assert not footer.rebuild_pending
