"""The library screen at every terminal size: panes, their sizes, and what follows a resize."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SIZE, settle

pytestmark = pytest.mark.anyio


def status_text(screen) -> str:
    return str(screen.status.render())


async def test_reading_percent_follows_a_resize(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")  # "On tea": short, the whole of it fits
        await settle(pilot)
        await pilot.pause(0.4)
        assert "reading: 100%" in status_text(app.screen)
        await pilot.resize_terminal(50, 20)
        await pilot.pause(0.4)  # the position is reported once the reader is still
        assert "reading: 0%" in status_text(app.screen)


def text_left(reader) -> int:
    """The screen column where the reader's text starts (its first non-blank cell)."""
    lefts = []
    for y in range(reader.size.height):
        line = "".join(segment.text for segment in reader.render_line(y))
        if line.strip():
            lefts.append(len(line) - len(line.lstrip()))
    return reader.content_region.x + min(lefts)


@pytest.mark.parametrize("fullscreen", [False, True])
async def test_note_strip_lines_up_with_the_text_column(library, make_app, fullscreen):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        if fullscreen:
            await pilot.press("f")
        await pilot.press("v")  # selecting: the strip says which keys act on it
        await settle(pilot)
        screen = app.screen
        strip = screen.reader_pane.note_strip()
        assert strip.display
        assert strip.content_region.x == text_left(screen.reader)
