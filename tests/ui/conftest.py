"""Helpers for the app tests: the test size, waiting for the app to settle, typing fast,
and the notifications the app shows."""

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
        # What the terminal driver does with each key: post it to the app.
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()
    await pilot.pause()


class Notes:
    """Every notification the app shows, in order.

    ``App.notify`` posts a ``Notify`` message to the app; ``run_test(message_hook=...)``
    sees every message, so ``notes.hook`` collects them::

        notes = Notes()
        async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot: ...
    """

    def __init__(self) -> None:
        from textual.notifications import Notification

        self.shown: list[Notification] = []

    def hook(self, message: object) -> None:
        """The message hook: keep each notification."""
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.shown.append(message.notification)

    @property
    def messages(self) -> list[str]:
        """The text of every notification shown."""
        return [note.message for note in self.shown]
