"""Watch a library folder and report changed article files, in a thread of its own.

Plain Python on top of ``watchfiles`` (no Textual), so it is tested without an app.
The hook the app uses::

    watcher = LibraryWatcher(root, on_change=lambda paths: app.call_from_thread(rescan, paths))
    watcher.start()      # on mount
    watcher.stop()       # on unmount (returns within about a second)

``on_change`` runs in the watcher thread with the set of absolute paths that changed:
the app must hop to its own thread (``App.call_from_thread``) before touching widgets.
Changes are grouped by watchfiles: a burst (a folder copied in, an editor's save) is
reported once, ``quiet_ms`` after it ends and at most ``max_wait_ms`` after it starts.
Names the scan skips are not reported: hidden ones, and files without an article suffix
(a removed folder is reported: its name has no suffix). If watching fails (too many
folders for the system's inotify limit, a vanished root) ``on_error`` gets the exception
and the watcher ends; the library can still be rescanned by hand.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from tuireader.library.files import is_article_name

#: The rust side wakes this often to look at the stop event: it bounds ``stop()``.
_WAKE_MS = 500


class LibraryWatcher:
    """Calls ``on_change(paths)`` when article files under ``root`` change."""

    def __init__(
        self,
        root: Path,
        on_change: Callable[[set[Path]], None],
        *,
        on_error: Callable[[Exception], None] | None = None,
        quiet_ms: int = 300,
        max_wait_ms: int = 1500,
        force_polling: bool | None = None,
    ) -> None:
        self.root = Path(root).absolute()
        self._on_change = on_change
        self._on_error = on_error
        self._quiet_ms = quiet_ms
        self._max_wait_ms = max_wait_ms
        self._force_polling = force_polling
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """Whether the watcher thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start watching in a daemon thread (a second call does nothing)."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="tuireader-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching and wait for the thread to end."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        """The thread: report each group of relevant changes until stopped."""
        try:
            if not self.root.is_dir():  # watchfiles would wait forever on a missing root
                raise FileNotFoundError(f"no such folder: {self.root}")
            for changes in watchfiles.watch(
                self.root,
                watch_filter=None,
                debounce=self._max_wait_ms,
                step=self._quiet_ms,
                stop_event=self._stop,
                rust_timeout=_WAKE_MS,
                yield_on_timeout=False,
                raise_interrupt=False,
                force_polling=self._force_polling,
                ignore_permission_denied=True,
            ):
                paths = relevant_paths(self.root, (path for _change, path in changes))
                if paths and not self._stop.is_set():
                    self._on_change(paths)
        except Exception as exc:  # any failure ends watching; the app goes on without it
            if self._on_error is not None and not self._stop.is_set():
                self._on_error(exc)


def relevant_paths(root: Path, paths: Iterable[str]) -> set[Path]:
    """The changed paths a rescan cares about (see the module docstring)."""
    found = set()
    for text in paths:
        path = Path(text)
        try:
            parts = path.relative_to(root).parts
        except ValueError:
            continue
        if not parts or any(part.startswith(".") for part in parts):
            continue
        name = parts[-1]
        if is_article_name(name) or not os.path.splitext(name)[1] or path.is_dir():
            found.add(path)
    return found
