"""A footer that rebuilds itself only when the keys it shows really change.

Textual's Footer recomposes on every bindings change, which happens on every focus
move (opening an article moves focus from the list to the reader). Rebuilding it costs
tens of milliseconds, and a key pressed right after an open waited behind it. This one
compares what it would show with what it shows, and rebuilds a moment later (after the
keys that follow an open have been handled) only when they differ.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

REBUILD_DELAY = 0.25  # seconds: after a burst of focus moves, rebuild once


class QuietFooter(Footer):
    """Footer whose rebuilds are skipped when unchanged and deferred otherwise."""

    _shown: tuple[Any, ...] | None = None
    _pending: Timer | None = None

    def bindings_changed(self, screen: Screen) -> None:
        """Schedule a rebuild if the visible keys differ from those on screen."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        keys = self._visible_keys()
        if keys == self._shown:
            return
        if self._shown is None:  # the first keys are shown at once
            self._shown = keys
            self.call_after_refresh(self.recompose)
            return
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(REBUILD_DELAY, self._rebuild)

    @property
    def rebuild_pending(self) -> bool:
        """True while a rebuild is scheduled (tests wait for it before a picture)."""
        return self._pending is not None

    async def _rebuild(self) -> None:
        self._shown = self._visible_keys()
        await self.recompose()
        self._pending = None

    def _visible_keys(self) -> tuple[Any, ...]:
        """The (key, description, enabled) triples the footer would show now."""
        return tuple(
            (binding.key, binding.description, enabled)
            for (_, binding, enabled, _) in self.screen.active_bindings.values()
            if binding.show
        )
