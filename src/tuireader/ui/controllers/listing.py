"""What the article list shows: a section (or a saved search), an order and a filter.

Plain data the screen holds as ``screen.listing``; the controllers read it to find
neighbours, places in the listing and the right counts. A saved search listed in the
article list stands in the same place as a section, under a path no real section has.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuireader.ui.library import SORTS
from tuireader.ui.widgets.section_tree import ROOT_LABEL

#: The first element of the section path while a saved search is listed
#: (no real section name starts with NUL).
SAVED_PREFIX = "\x00saved"


def saved_path(name: str) -> tuple[str, ...]:
    """The section path the screen uses for the saved search ``name``."""
    return (SAVED_PREFIX, name)


def is_saved_path(section: tuple[str, ...]) -> bool:
    """Whether a section path stands for a saved search."""
    return section[:1] == (SAVED_PREFIX,)


@dataclass
class ListingState:
    """The listing on screen: ``section`` path and its ``name``, ``sort``, ``unread_only``."""

    section: tuple[str, ...] = ()
    name: str = ROOT_LABEL
    sort: str = SORTS[0]
    unread_only: bool = False

    @property
    def in_saved_search(self) -> bool:
        """Whether the article list shows a saved search's matches."""
        return is_saved_path(self.section)

    def choose(self, section: tuple[str, ...], name: str) -> None:
        """List another section (or saved search)."""
        self.section, self.name = section, name

    def next_sort(self) -> None:
        """The next order in :data:`SORTS`."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
