"""Helpers for the app tests: the test size, waiting for the app to settle, typing fast."""

from __future__ import annotations

import pytest

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Wait until the library is open, workers are done and their messages handled."""
    for _ in range(200):  # the main screen opens its library just after the first paint
        if getattr(pilot.app.screen, "library", True) is not None:
            break
        await pilot.pause(0.01)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await footer_settled(pilot)


async def footer_settled(pilot) -> None:
    """Wait for a deferred footer rebuild (the footer follows focus a moment later)."""
    from tuireader.ui.widgets.quiet_footer import QuietFooter

    for _ in range(50):
        footers = pilot.app.screen.query(QuietFooter)
        if not any(footer.rebuild_pending for footer in footers):
            return
        await pilot.pause(0.02)


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio (through anyio's pytest plugin)."""
    return "asyncio"


async def type_fast(pilot, *keys: str) -> None:
    """Send keys back to back (pilot.press waits for idle between keys; a person doesn't)."""
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
