"""Python's cycle collector, paused while the reader starts.

Starting the reader creates a great many objects that live as long as it does (modules,
classes, widgets, styles), and the collector keeps looking through them: about a fifth
of the CPU on the way to the first frame went to collections that found nothing. So
the command line pauses it just before the reader is imported, and the reader resumes
it once its first screen is painted (or after :data:`GRACE_SECONDS` whatever happens).
On resuming, what exists then is frozen (``gc.freeze``): later collections, between
key presses, no longer walk through the start-up objects either.
"""

from __future__ import annotations

import gc

#: Seconds after which the collector runs again even if no first screen was painted
#: (a notice screen, a start that failed): never more than a moment without it.
GRACE_SECONDS = 3.0


def pause() -> None:
    """Stop automatic collections (the reader is about to start)."""
    gc.disable()


def resume() -> None:
    """Collect automatically again, the start-up objects set aside (idempotent)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
