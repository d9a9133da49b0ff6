"""The focused pane looks different from the others, in dark and light themes."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio


def _look(widget) -> tuple[str, object]:
    """The border type and the title colour of a pane."""
    return widget.styles.border_top[0], widget.styles.border_title_color


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_tab_moves_the_heavy_accent_border(library, make_app, theme):
    app = make_app(library, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == theme
        screen = app.screen
        pane_box = screen.query_one("#reader-pane")
        assert app.focused is screen.article_list
        focused_look = _look(screen.article_list)
        assert focused_look[0] == "heavy"
        assert _look(screen.section_tree)[0] == "round"
        assert _look(screen.section_tree)[1] != focused_look[1]  # the title colour differs too
        await pilot.press("tab")  # the reader is empty: tab goes on to the tree
        assert app.focused is screen.section_tree
        assert _look(screen.section_tree)[0] == "heavy"
        assert _look(screen.article_list)[0] == "round"
        await pilot.press("tab", "enter")  # back to the list, open an article
        await settle(pilot)
        assert screen.reader.has_focus
        assert pane_box.styles.border_top[0] == "heavy"
        assert _look(screen.article_list)[0] == "round"
