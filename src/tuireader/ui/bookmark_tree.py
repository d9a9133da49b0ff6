"""The "★ Bookmarked" node's counts on the library screen (a mixin of BookmarkActions)."""

from __future__ import annotations

from typing import Any

from tuireader.ui.bookmark_lookup import BOOKMARKED


class BookmarkTree:
    """Keeps the tree's Bookmarked node in step with state.db."""

    library: Any

    def refresh_bookmarked(self) -> None:
        """Count the bookmarked articles again for the tree's "★ Bookmarked" node.

        The count scans the whole listing (~40 ms at 100,000 articles), so it runs after
        the next paint: the tree and the list show first, the node's label a frame later.
        """
        screen: Any = self
        if screen.tree.count_of(BOOKMARKED, False) is None:
            screen.tree.set_bookmarked(0, 0)  # the node, in place before any cursor moves
        screen.call_after_refresh(self._count_bookmarked)

    def _count_bookmarked(self) -> None:
        screen: Any = self
        if self.library is None or not screen.is_attached:  # closed in the meantime
            return
        catalog = self.library.catalog
        unread = catalog.count((), unread_only=True, bookmarked_only=True)
        screen.tree.set_bookmarked(unread, catalog.count((), bookmarked_only=True))
