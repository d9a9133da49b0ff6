"""The bar between two panes: drag it with the mouse to give one pane more room.

A one-cell column (``axis="x"``: between the tree and the list) or row (``axis="y"``:
between the list and the reader). A press captures the mouse, so the drag goes on
wherever the pointer is; each move posts :class:`PaneSplitter.Dragged` with the pointer's
screen position, and the release posts a last one with ``done`` set. The layout
controller turns those positions into pane sizes (and remembers them when ``done``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

Axis = Literal["x", "y"]
GRIP = {"x": "⋮", "y": "⋯"}


class PaneSplitter(Widget):
    """A draggable one-cell bar between two panes, with a grip in its middle."""

    DEFAULT_CSS = """
    PaneSplitter { color: $panel-lighten-2; }
    PaneSplitter.-x { width: 1; height: 1fr; }
    PaneSplitter.-y { height: 1; width: 1fr; }
    PaneSplitter:hover, PaneSplitter.-dragging { color: $accent; background: $boost; }
    """

    @dataclass
    class Dragged(Message):
        """The bar was dragged to the pointer's screen position (``done``: released)."""

        splitter: PaneSplitter
        screen_x: int
        screen_y: int
        done: bool

        @property
        def control(self) -> PaneSplitter:
            """The bar that was dragged."""
            return self.splitter

    def __init__(self, axis: Axis, *, id: str | None = None) -> None:
        """A bar moved along ``axis``: "x" stands between side-by-side panes."""
        super().__init__(id=id, classes=f"-{axis}")
        self.axis: Axis = axis
        self._dragging = False

    def set_axis(self, axis: Axis) -> None:
        """Stand between panes side by side ("x") or one above the other ("y")."""
        if axis != self.axis:
            self.remove_class(f"-{self.axis}")
            self.axis = axis
            self.add_class(f"-{axis}")
            self.refresh()

    def render(self) -> Text:
        """Blank, with the grip in the middle."""
        width, height = self.size
        if self.axis == "x":
            rows = [" "] * max(1, height)
            rows[len(rows) // 2] = GRIP["x"]
            return Text("\n".join(rows), no_wrap=True, end="")
        half = max(0, width // 2 - 1)
        return Text(" " * half + GRIP["y"] * 3, no_wrap=True, end="")

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a drag (left button): the mouse is this bar's until released."""
        if event.button != 1:
            return
        event.stop()
        self._dragging = True
        self.add_class("-dragging")
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Report where the pointer is while dragging."""
        if self._dragging:
            event.stop()
            self.post_message(self.Dragged(self, event.screen_x, event.screen_y, done=False))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End the drag where the pointer was let go."""
        if not self._dragging:
            return
        event.stop()
        self._dragging = False
        self.remove_class("-dragging")
        self.release_mouse()
        self.post_message(self.Dragged(self, event.screen_x, event.screen_y, done=True))
