"""Scanning the library from the library screen: a worker, its progress and its end.

The scan runs in a thread worker with its own catalog connection and reports back only
through :class:`~tuireader.ui.messages.ScanProgress` and
:class:`~tuireader.ui.messages.ScanFinished`. A first build (or a rescan with many new
files) shows the progress row and, every few seconds, what is catalogued so far. The scan
indexes what it stores for search as it goes; the search index build, started once a scan
ends (it finishes what is left and marks the index ready), shares the row.
"""

from __future__ import annotations

import time
from pathlib import Path

from tuireader.library.encoding.rules import EncodingRules
from tuireader.ui.controllers.host import MainHost
from tuireader.ui.messages import ScanFinished, ScanProgress

PROGRESS_INTERVAL = 0.1
PARTIAL_REFRESH = 3.0
SHOW_PROGRESS_FROM = 500  # files to parse
SCAN_LABEL = "Reading new files "


class Scanning:
    """Start scans and follow them; show the index build's progress when no scan runs."""

    def __init__(self, host: MainHost) -> None:
        """Serve ``host``."""
        self.host = host
        self.scanning = False
        self._last_progress = 0.0
        self._last_refresh = 0.0

    def start(self, changed: set[str] | None = None) -> None:
        """Scan the library in a worker; the first build shows a progress row.

        ``changed``: the keys of the files a running watcher saw change; the scan then
        stats only those among the files of unchanged folders (see library.walk).
        """
        library, row = self.host.opened, self.host.progress_row
        self.scanning = True
        row.set_label(SCAN_LABEL)
        if library.is_new:
            row.display = True
            self._last_refresh = time.monotonic()
        db_path, root, links = library.db_path, library.root, library.follow_links
        encodings = library.encodings
        self.host.run_worker(
            lambda: self._scan(db_path, root, links, encodings, changed),
            thread=True,
            exclusive=True,
            group="scan",
        )

    def _scan(
        self,
        db_path: Path,
        root: Path,
        follow_links: str,
        encodings: EncodingRules,
        changed: set[str] | None,
    ) -> None:
        """In the worker: scan with a catalog connection of its own."""
        from tuireader.catalog import Catalog

        catalog = Catalog(db_path, root, follow_links, encodings)
        try:
            # index=True: the app searches the library, so what the scan stores is indexed
            # as it goes (the index build after it then has little left to do).
            if changed is None:
                report = catalog.scan(self._post_progress, index=True)
            else:
                report = catalog.scan(
                    self._post_progress, check_files=False, also_check=changed, index=True
                )
        except Exception as exc:  # a failed scan must not end the app
            self.host.post_message(ScanFinished(error=f"{type(exc).__name__}: {exc}"))
            return
        finally:
            catalog.close()
        self.host.post_message(ScanFinished(report=report))

    def _post_progress(self, done: int, total: int) -> None:
        # Runs on the worker thread: post a message at most every PROGRESS_INTERVAL.
        now = time.monotonic()
        if now - self._last_progress > PROGRESS_INTERVAL or done == total:
            self._last_progress = now
            self.host.post_message(ScanProgress(done, total))

    def progress(self, message: ScanProgress) -> None:
        """Move the progress bar; during a first build, list what is catalogued so far."""
        row = self.host.progress_row
        if not row.display and message.total >= SHOW_PROGRESS_FROM:
            row.display = True  # a rescan with many new or changed files also shows it
        row.set_progress(message.done, max(1, message.total))
        now = time.monotonic()
        if self.host.opened.is_new and now - self._last_refresh > PARTIAL_REFRESH:
            self._last_refresh = now
            self.host.refresh_library()

    def finished(self, message: ScanFinished) -> None:
        """Hide the row and report a failed scan (the screen shows the new catalog)."""
        self.host.progress_row.display = False
        self.scanning = False
        self.host.opened.is_new = False
        if message.error:
            self.host.notify(message.error, title="Scan failed", markup=False, severity="error")

    # -- the search index build ----------------------------------------------------------
    def show_index_progress(self, indexed: int, total: int) -> None:
        """ "Indexing for search… N of M" in the progress row (unless a scan has it)."""
        if self.scanning:
            return
        row = self.host.progress_row
        if indexed >= total:
            row.display = False
            return
        row.set_label(f"Indexing for search… {indexed:,} of {total:,} ")
        row.set_progress(indexed, total)
        row.display = True

    def hide_index_progress(self) -> None:
        """The build ended: hide the row (unless a scan is showing it)."""
        if not self.scanning:
            self.host.progress_row.display = False
