"""A one-line progress bar on stderr, shown only on a terminal and only for slow work."""

from __future__ import annotations

import time
from typing import TextIO

#: Work that finishes sooner than this shows no bar at all.
SHOW_AFTER_SECONDS = 0.5
_REDRAW_SECONDS = 0.1
_WIDTH = 30


class ProgressBar:
    """Callable as ``bar(done, total)``; draws after a delay, ``finish()`` clears it."""

    def __init__(self, stream: TextIO, label: str) -> None:
        """Draw on ``stream`` (nothing is drawn unless it is a terminal)."""
        self._stream = stream
        self._label = label
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False
        self._enabled = _is_tty(stream)

    def __call__(self, done: int, total: int) -> None:
        """Report progress: ``done`` of ``total`` items."""
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._started < SHOW_AFTER_SECONDS or now - self._last_draw < _REDRAW_SECONDS:
            return
        self._last_draw = now
        filled = _WIDTH * done // total if total else _WIDTH
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self._stream.write(f"\r{self._label} [{bar}] {done}/{total}")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        """Remove the bar from the screen, if it was drawn."""
        if self._drawn:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()
            self._drawn = False


def _is_tty(stream: TextIO) -> bool:
    """Whether ``stream`` is an interactive terminal."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
