"""Back and forward through visited places, as in a browser.

A place is an article's path and, when known, where in it the reader was: following a
link remembers the spot it was followed from (and which link was chosen), so ``ctrl+o``
comes back to that line with that link chosen again, as a browser does (also within one
article, after a jump to one of its headings). A place without an anchor opens where
the article was last read.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.library.model import Anchor


@dataclass(frozen=True, slots=True)
class Place:
    """An article (library path), the spot in it and the chosen link's index in the
    article's links, if they were recorded."""

    path: str
    anchor: Anchor | None = None
    link: int | None = None


class History:
    """A list of visited places with a cursor; visiting cuts the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Place] = []
        self._index = -1
        self._limit = limit

    def visit(self, path: str, anchor: Anchor | None = None, *, again: bool = False) -> None:
        """Record a newly opened article (``again``: a new place even in the same one)."""
        current = self.current
        if current is not None and current.path == path and not again:
            return
        del self._items[self._index + 1 :]
        self._items.append(Place(path, anchor))
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def remember(self, anchor: Anchor, link: int | None = None) -> None:
        """Note where the reader is in the current place, and the link chosen there
        (before leaving it)."""
        current = self.current
        if current is not None:
            self._items[self._index] = Place(current.path, anchor, link)

    @property
    def current(self) -> Place | None:
        """The place the cursor is on."""
        return self._items[self._index] if 0 <= self._index < len(self._items) else None

    @property
    def can_go_back(self) -> bool:
        """True when there is an earlier place."""
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        """True when there is a later place."""
        return self._index < len(self._items) - 1

    def back(self) -> Place | None:
        """Step back; the place to show, or None."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> Place | None:
        """Step forward; the place to show, or None."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._items[self._index]
