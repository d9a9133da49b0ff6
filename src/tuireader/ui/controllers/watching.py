"""Live updates on the library screen: watch the folder, rescan, keep every place.

A :class:`~tuireader.ui.controllers.library_watcher.LibraryWatcher` thread reports
changed files; the screen then runs its usual incremental scan (in the scan worker) and,
when it ends, shows the new catalog with the list cursor still on the same article and
the open article still open where it was; if that article's file changed, it is
reloaded at the same anchor. Two scans never write the catalog at once: a change that
arrives during a scan queues one more, started when the running one's worker has ended.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import Worker

from tuireader.catalog import ArticleRow
from tuireader.library.model import ArticleMeta
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.controllers.reading import Reading

if TYPE_CHECKING:  # imported when watching starts: it imports watchfiles (after paint)
    from tuireader.ui.controllers.library_watcher import LibraryWatcher


class Watching:
    """Follow changes in the library folder and show them without losing the places."""

    def __init__(
        self, host: MainHost, reading: Reading, rescan: Callable[[set[str] | None], None]
    ) -> None:
        """Serve ``host``; ``rescan(changed)`` starts a scan (of every file when
        ``changed`` is None, else statting these keys' files); open articles reload via
        ``reading``."""
        self.host = host
        self.reading = reading
        self.rescan = rescan
        self._watcher: LibraryWatcher | None = None
        # False: none; None: a scan of every file; a set: one that stats these keys' files.
        self._rescan_pending: bool | set[str] | None = False
        self._gone_notice: str | None = None  # the removed open article already reported

    def start(self) -> None:
        """Start the watcher thread for the open library (once)."""
        if self._watcher is not None:
            return
        from tuireader.ui.controllers.library_watcher import LibraryWatcher

        self._watcher = LibraryWatcher(
            self.host.opened.root, self._changed_in_thread, on_error=self._failed_in_thread
        )
        self._watcher.start()

    def stop(self) -> None:
        """Stop the watcher; it ends on its own within half a second (no waiting here)."""
        if self._watcher is not None:
            self._watcher.stop(timeout=0)
            self._watcher = None

    def _changed_in_thread(self, paths: set[Path]) -> None:
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.host.app.call_from_thread(self.files_changed, paths)

    def _failed_in_thread(self, error: Exception) -> None:
        message = f"Not watching the library for changes ({error}). Press r to rescan."
        with contextlib.suppress(RuntimeError):
            self.host.app.call_from_thread(
                self.host.notify, message, markup=False, severity="warning", timeout=8
            )

    def files_changed(self, paths: set[Path] | None = None) -> None:
        """Files changed on disk: scan again (the scan worker is incremental).

        The watcher names the files it saw change, so the scan stats only those among
        the files of unchanged folders (``paths`` None: every file, as at start-up).
        During a scan, one more is queued instead.
        """
        host = self.host
        if not host.is_attached:
            return
        changed = None if paths is None else self._keys_of(paths)
        if any(w.group == "scan" and not w.is_finished and w.node is host for w in host.workers):
            pending = self._rescan_pending
            if pending is False or pending is None or changed is None or pending is True:
                self._rescan_pending = None if pending is None or changed is None else changed
            else:
                pending.update(changed)
        else:
            self.rescan(changed)

    def _keys_of(self, paths: set[Path]) -> set[str]:
        """The catalog keys of changed paths under the library (the watcher's are absolute)."""
        from tuireader.library.keys import rel_path_str

        root = Path(self.host.opened.root).absolute()
        keys = set()
        for path in paths:
            with contextlib.suppress(ValueError):
                keys.add(rel_path_str(path, root))
        return keys

    def worker_ended(self, worker: Worker[object]) -> None:
        """When a scan's worker has ended, run the scan queued meanwhile (if any).

        Started only now, not from the scan's last message: a new scan worker cancels
        one that is still finishing (the scan group is exclusive).
        """
        ended = worker.group == "scan" and worker.node is self.host and worker.is_finished
        if ended and self._rescan_pending is not False:
            pending, self._rescan_pending = self._rescan_pending, False
            self.rescan(None if pending is True else pending)

    # -- after a scan --------------------------------------------------------------------
    def refresh_keeping_places(self, first_build: bool = False) -> None:
        """Show the catalog as it is now; keep the list cursor's article and the reader's.

        At the end of a ``first_build`` a cursor still on the first row stays there: the
        rows came in batches and the newest may have come last, so following the
        article the list happened to show first would open the view among older ones.
        """
        articles = self.host.article_list
        at_top = first_build and articles.cursor == 0
        under_cursor = None if at_top else articles.current
        self.host.refresh_library()
        if under_cursor is not None:
            self._put_cursor_on(under_cursor.path)
        if self.reading.current is not None:
            self._follow_open_article(self.reading.current)

    def _put_cursor_on(self, path: str) -> None:
        library, listing = self.host.opened, self.host.listing
        row = library.row_for_path(path)
        if row is None:  # removed: the cursor stays at its index (the next article)
            return
        index = library.listing_index(row.id, listing.section, listing.sort, listing.unread_only)
        if index is not None:
            self.host.article_list.cursor = index

    def _follow_open_article(self, current: ArticleRow) -> None:
        """Reload the open article if its file changed; say so if it was removed."""
        row = self.host.opened.row_for_path(current.path)
        if row is None:
            if self._gone_notice != current.path:  # once, not after every later scan
                self._gone_notice = current.path
                self.host.notify(
                    f"{current.path} was removed from the library folder; it stays open here.",
                    markup=False,
                    severity="warning",
                )
            return
        if _shown_fields(row) == _shown_fields(current):
            self.reading.current = row  # the id may have changed; nothing the reader shows did
            return
        self.reading.reload(row, focus=self.host.focused is self.host.reader)


def _shown_fields(row: ArticleRow) -> tuple[str, ArticleMeta]:
    """What the reader shows of an article: its text (by fingerprint) and its head."""
    return (row.fingerprint, row.meta)
