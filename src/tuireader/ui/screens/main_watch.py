"""Live updates on the library screen: watch the folder, rescan, keep every place.

A mixin of :class:`~tuireader.ui.screens.main.MainScreen`. A :class:`LibraryWatcher`
thread reports changed files; the screen then runs its usual incremental scan (in the
scan worker) and, when it ends, shows the new catalog with the list cursor still on the
same article and the open article still open where it was; if that article's file
changed, it is reloaded at the same anchor.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from textual.worker import Worker

from tuireader.ui.listing_lookup import listing_index


class WatchMixin:
    """Follow changes in the library folder (``self`` is the library screen)."""

    library: Any
    current: Any
    section: tuple[str, ...]
    sort: str
    unread_only: bool
    _watcher: Any = None
    _reload_anchor: tuple[str, Any] | None = None  # (path, anchor) of a reload
    # False: none; None: a scan of every file; a set: one that stats these keys' files.
    _rescan_pending: bool | set[str] | None = False
    _gone_notice: str | None = None  # the removed open article already reported

    def start_watching(self) -> None:
        """Start the watcher thread for the open library (once)."""
        if self._watcher is not None:
            return
        from tuireader.ui.watch import LibraryWatcher  # imports watchfiles: after paint

        self._watcher = LibraryWatcher(
            self.library.root, self._changed_in_thread, on_error=self._failed_in_thread
        )
        self._watcher.start()

    def stop_watching(self) -> None:
        """Stop the watcher; it ends on its own within half a second (no waiting here)."""
        if self._watcher is not None:
            self._watcher.stop(timeout=0)
            self._watcher = None

    def _changed_in_thread(self, paths: set[Path]) -> None:
        screen: Any = self
        with contextlib.suppress(RuntimeError):  # the app is closing
            screen.app.call_from_thread(self._files_changed, paths)

    def _failed_in_thread(self, error: Exception) -> None:
        screen: Any = self
        message = f"Not watching the library for changes ({error}). Press r to rescan."
        with contextlib.suppress(RuntimeError):
            screen.app.call_from_thread(
                screen.notify, message, markup=False, severity="warning", timeout=8
            )

    def _files_changed(self, paths: set[Path] | None = None) -> None:
        """Files changed on disk: scan again (the scan worker is incremental).

        The watcher names the files it saw change, so the scan stats only those among
        the files of unchanged folders (``paths`` None: every file, as at start-up).
        Two scans must not write the catalog at once: during a scan, one more is queued.
        """
        screen: Any = self
        if self.library is None or not screen.is_attached:
            return
        changed = None if paths is None else self._keys_of(paths)
        if any(
            w.group == "scan" and not w.is_finished and w.node is screen for w in screen.workers
        ):
            pending = self._rescan_pending
            if pending is False or pending is None or changed is None:
                self._rescan_pending = None if pending is None or changed is None else changed
            else:
                pending.update(changed)
        else:
            screen.start_scan(changed)

    def _keys_of(self, paths: set[Path]) -> set[str]:
        """The catalog keys of changed paths under the library (the watcher's absolute)."""
        from tuireader.library.keys import rel_path_str

        root = Path(self.library.root).absolute()
        keys = set()
        for path in paths:
            with contextlib.suppress(ValueError):
                keys.add(rel_path_str(path, root))
        return keys

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When a scan's worker has ended, run the scan queued meanwhile (if any).

        Started only now, not from the scan's last message: a new scan worker cancels
        one that is still finishing (the scan group is exclusive).
        """
        screen: Any = self
        worker = event.worker
        ended = worker.group == "scan" and worker.node is screen and worker.is_finished
        if ended and self._rescan_pending is not False:
            pending, self._rescan_pending = self._rescan_pending, False
            screen.start_scan(pending)

    def refresh_keeping_places(self) -> None:
        """Show the catalog as it is now; keep the list cursor's article and the reader's."""
        screen: Any = self
        under_cursor = screen.article_list.current
        screen.refresh_library()
        if under_cursor is not None:
            self._put_cursor_on(under_cursor.path)
        if self.current is not None:
            self._follow_open_article()

    def _put_cursor_on(self, path: str) -> None:
        screen: Any = self
        row = self.library.row_for_path(path)
        if row is None:  # removed: the cursor stays at its index (the next article)
            return
        index = listing_index(
            self.library.catalog, row.id, self.section, self.sort, self.unread_only
        )
        if index is not None:
            screen.article_list.cursor = index

    def _follow_open_article(self) -> None:
        """Reload the open article if its file changed; say so if it was removed."""
        screen: Any = self
        current = self.current
        row = self.library.row_for_path(current.path)
        if row is None:
            if self._gone_notice != current.path:  # once, not after every later scan
                self._gone_notice = current.path
                screen.notify(
                    f"{current.path} was removed from the library folder; it stays open here.",
                    markup=False,
                    severity="warning",
                )
            return
        if _shown_fields(row) == _shown_fields(current):
            self.current = row  # the id may have changed; nothing the reader shows did
            return
        self._reload_anchor = (row.path, screen.reader.anchor)
        screen.open_row(row, remember=False, focus=screen.focused is screen.reader)

    def reload_anchor_for(self, path: str) -> Any | None:
        """The anchor to show ``path`` at if it is being reloaded (used once)."""
        pending, self._reload_anchor = self._reload_anchor, None
        if pending is not None and pending[0] == path:
            return pending[1]
        return None


def _shown_fields(row: Any) -> tuple:
    """What the reader shows of an article: its text (by fingerprint) and its head."""
    return (row.fingerprint, row.meta)
