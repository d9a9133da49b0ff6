"""Scanning the library from the library screen: a worker, its progress and its end.

A mixin of :class:`~tuireader.ui.screens.main.MainScreen`. The scan runs in a thread
worker with its own catalog connection and reports back only through messages; the
handlers are named ``on_scan_progress`` / ``on_scan_finished`` so Textual finds them
on the mixin.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import work
from textual.widgets import ProgressBar, Static

from tuireader.ui.screens.messages import ScanFinished, ScanProgress

PROGRESS_INTERVAL = 0.1
PARTIAL_REFRESH = 3.0
SHOW_PROGRESS_FROM = 500  # files to parse
SCAN_LABEL = "Reading new files "


class ScanMixin:
    """Start scans and follow them (``self`` is the library screen)."""

    library: Any
    current: Any
    _open_path: str | None
    _last_progress: float = 0.0
    _last_refresh: float = 0.0
    _scanning: bool = False

    def start_scan(self, changed: set[str] | None = None) -> None:
        """Scan the library in a worker; the first build shows a progress bar.

        ``changed``: the keys of the files a running watcher saw change; the scan then
        stats only those among the files of unchanged folders (see library.walk).
        """
        screen: Any = self
        self._scanning = True
        screen.query_one("#scan-label", Static).update(SCAN_LABEL)
        if self.library.is_new:
            screen.query_one("#scan-row").display = True
            self._last_refresh = time.monotonic()
        self._scan(self.library.db_path, self.library.root, changed)

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self, db_path: Path, root: Path, changed: set[str] | None = None) -> None:
        from tuireader.catalog import Catalog

        screen: Any = self
        catalog = Catalog(db_path, root, self.library.follow_links)
        try:
            if changed is None:
                report = catalog.scan(self._post_progress)
            else:
                report = catalog.scan(self._post_progress, check_files=False, also_check=changed)
        except Exception as exc:  # a failed scan must not end the app
            screen.post_message(ScanFinished(error=f"{type(exc).__name__}: {exc}"))
            return
        finally:
            catalog.close()
        screen.post_message(ScanFinished(report=report))

    def _post_progress(self, done: int, total: int) -> None:
        # Runs on the worker thread: post a message at most every PROGRESS_INTERVAL.
        now = time.monotonic()
        if now - self._last_progress > PROGRESS_INTERVAL or done == total:
            self._last_progress = now
            screen: Any = self
            screen.post_message(ScanProgress(done, total))

    def on_scan_progress(self, message: ScanProgress) -> None:
        """Move the progress bar; during a first build, list what is catalogued so far."""
        screen: Any = self
        row = screen.query_one("#scan-row")
        if not row.display and message.total >= SHOW_PROGRESS_FROM:
            row.display = True  # a rescan with many new or changed files also shows it
        bar = screen.query_one("#scan-progress", ProgressBar)
        bar.update(total=max(1, message.total), progress=message.done)
        now = time.monotonic()
        if self.library.is_new and now - self._last_refresh > PARTIAL_REFRESH:
            self._last_refresh = now
            screen.refresh_library()

    def on_scan_finished(self, message: ScanFinished) -> None:
        """Hide the bar, show the catalog as it is now, explain an empty library."""
        screen: Any = self
        screen.query_one("#scan-row").display = False
        self._scanning = False
        self.library.is_new = False
        if message.error:
            screen.notify(message.error, title="Scan failed", markup=False, severity="error")
        screen.refresh_keeping_places()  # list cursor and open article stay (main_watch.py)
        screen.app.library_checked(self.library)  # type: ignore[attr-defined]
        if self._open_path and self.current is None:
            screen.open_path(self._open_path)

    # The search index build (started by main_search.py once a scan ends) shares the row.
    def show_index_progress(self, indexed: int, total: int) -> None:
        """ "Indexing for search… N of M" in the progress row (unless a scan has it)."""
        screen: Any = self
        if self._scanning:
            return
        row = screen.query_one("#scan-row")
        if indexed >= total:
            row.display = False
            return
        screen.query_one("#scan-label", Static).update(
            f"Indexing for search… {indexed:,} of {total:,} "
        )
        screen.query_one("#scan-progress", ProgressBar).update(total=total, progress=indexed)
        row.display = True

    def hide_index_progress(self) -> None:
        """The build ended: hide the row (unless a scan is showing it)."""
        screen: Any = self
        if not self._scanning:
            screen.query_one("#scan-row").display = False
