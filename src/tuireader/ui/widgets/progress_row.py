"""The progress row under the panes: "Reading new files" or "Indexing for search…".

Hidden until there is something to say; the scan and the search index build share it
(the scan first: while it runs, the build's progress is not shown).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class ProgressRow(Horizontal):
    """A label and a progress bar with an estimate of the time left."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        """Start with ``label``, hidden."""
        super().__init__(id=id)
        self._label = label
        self.display = False  # until there is progress to show

    def compose(self) -> ComposeResult:
        """The label, then the bar."""
        yield Static(self._label, id="scan-label")
        yield ProgressBar(id="scan-progress", show_eta=True)

    def set_label(self, label: str) -> None:
        """Say what is in progress."""
        self.query_one("#scan-label", Static).update(label)

    def set_progress(self, done: int, total: int) -> None:
        """Move the bar (the row is not shown by this)."""
        self.query_one("#scan-progress", ProgressBar).update(total=total, progress=done)
