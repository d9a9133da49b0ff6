"""Back and forward through visited articles, as in a browser."""

from __future__ import annotations


class History:
    """A list of visited article paths with a cursor; visiting cuts the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    def visit(self, item: str) -> None:
        """Record a newly opened article."""
        if 0 <= self._index < len(self._items) and self._items[self._index] == item:
            return
        del self._items[self._index + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    @property
    def can_go_back(self) -> bool:
        """True when there is an earlier article."""
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        """True when there is a later article."""
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        """Step back; the article to show, or None."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> str | None:
        """Step forward; the article to show, or None."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._items[self._index]
