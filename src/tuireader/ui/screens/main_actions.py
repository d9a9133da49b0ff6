"""The actions of the library screen: what each key (and palette command) does.

A mixin so the screen's layout and message handling stay in ``main.py``. Every action
here has a binding in ``ui/bindings.py``; ``check_action`` greys out the ones that cannot
run now, in the footer and in the command palette alike.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual import work
from textual.widget import Widget

from tuireader.ui.bookmark_lookup import listing_args
from tuireader.ui.listing_lookup import sections_sharing
from tuireader.ui.sorts import SORTS

ARTICLE_ACTIONS = {"next_article", "previous_article", "next_unread", "previous_unread"}
# Actions whose availability changes while the screen is up (everything else is fixed).
CHANGING_ACTIONS = ("toggle_read", "history_back", "history_forward", "toggle_fullscreen")
# Reading aids (ui/screens/main_aids.py): only with an article open.
READER_ACTIONS = ("toggle_fullscreen", "lookup_word", "toggle_pinyin", "cycle_script")


class MainActions:
    """Actions of :class:`MainScreen` (mixed into it; ``self`` is the screen)."""

    # The mixin relies on these from MainScreen.
    library: Any
    current: Any
    history: Any
    section: tuple[str, ...]
    sort: str
    unread_only: bool

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out actions that have nothing to act on."""
        screen: Any = self
        if self.library is None:  # still opening: only help and quitting work
            return True if action in ("help", "go_back") else None
        if action == "mark_section_read" and screen.in_saved_search:
            return None  # a saved search is not a section (mark its articles one by one)
        if action in ARTICLE_ACTIONS or action == "toggle_read":
            return True if screen._target_row() is not None else None
        if action == "history_back":
            return True if self.history.can_go_back else None
        if action == "history_forward":
            return True if self.history.can_go_forward else None
        if action in READER_ACTIONS:
            return True if self.current is not None else None
        return True

    def update_bindings(self) -> None:
        """Refresh the footer and palette only when an action became (un)available.

        ``refresh_bindings`` rebuilds the footer, which costs more than a key press may.
        """
        screen: Any = self
        now = tuple(self.check_action(action, ()) for action in CHANGING_ACTIONS)
        if now != getattr(self, "_bindings_state", None):
            self._bindings_state = now
            screen.refresh_bindings()

    def _target_row(self) -> Any | None:
        """The article an action applies to: the open one, else the list's cursor row."""
        screen: Any = self
        focused: Widget | None = screen.focused
        if focused is screen.article_list or self.current is None:
            return screen.article_list.current
        return self.current

    def action_next_article(self) -> None:
        """Open the next article of the list."""
        self._step(1, unread=False)

    def action_previous_article(self) -> None:
        """Open the previous article of the list."""
        self._step(-1, unread=False)

    def action_next_unread(self) -> None:
        """Open the next unread article."""
        self._step(1, unread=True)

    def action_previous_unread(self) -> None:
        """Open the previous unread article."""
        self._step(-1, unread=True)

    def _step(self, step: int, unread: bool) -> None:
        screen: Any = self
        # While an article loads, step on from it: a held-down J walks the list.
        start = getattr(self, "_opening", None) or self._target_row()
        if start is None:
            return
        if screen.in_saved_search:  # step through the saved search's matches
            screen.step_in_saved(start, step, unread)
            return
        section, bookmarked = listing_args(self.section)  # "★ Bookmarked" in the tree
        row = self.library.catalog.neighbour(
            start.id,
            section,
            self.sort,
            step,
            unread_only=unread or self.unread_only,
            bookmarked_only=bookmarked,
        )
        if row is None:
            screen.notify("No more unread articles here." if unread else "No more articles.")
            return
        screen.open_row(row)

    def action_history_back(self) -> None:
        """Reopen the article visited before."""
        self._open_history(self.history.back())

    def action_history_forward(self) -> None:
        """Go forward again in the visited articles."""
        self._open_history(self.history.forward())

    def _open_history(self, path: str | None) -> None:
        screen: Any = self
        row = self.library.row_for_path(path) if path else None
        if row is not None:
            screen.open_row(row, remember=False)
        self.update_bindings()

    def action_toggle_read(self) -> None:
        """Mark the article read, or unread again."""
        row = self._target_row()
        if row is not None:
            self.set_read(row, not self.library.is_read(row))

    def set_read(self, row: Any, read: bool) -> None:
        """Write a read mark and update the list row and the tree counts."""
        screen: Any = self
        was_read = self.library.is_read(row)
        error = self.library.set_read(row, read)
        if error:
            screen.notify(error, title="Not saved", markup=False, severity="error")
            return
        if was_read != read:
            # The mark is per fingerprint: every copy of this text changed with it.
            copies = sections_sharing(self.library.catalog, row.fingerprint)
            screen.tree.adjust_unread_many(copies or [tuple(row.meta.sections)], -1 if read else 1)
        if self.unread_only:  # the filtered listing changes length: count from the tree
            screen.refresh_list()
        else:
            screen.article_list.reload(recount=False)
            screen.update_status()

    def action_mark_section_read(self) -> None:
        """Mark every article in the section read (in a worker: a section may be huge)."""
        screen: Any = self
        screen.notify(f"Marking {screen.section_name} read…", markup=False)
        self._mark_section(self.section, screen.section_name)

    @work(thread=True, group="mark-section")
    def _mark_section(self, section: tuple[str, ...], name: str) -> None:
        screen: Any = self
        error = self.library.mark_section_read(section)
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            screen.app.call_from_thread(self._section_marked, name, error)

    def _section_marked(self, name: str, error: str | None) -> None:
        """Show the new counts (from the catalog) once the marks are written."""
        screen: Any = self
        if error:
            screen.notify(error, title="Not saved", markup=False, severity="error")
            return
        screen.refresh_library()
        screen.notify(f"Marked {name} read.", markup=False)

    def action_toggle_unread_only(self) -> None:
        """Show only unread articles, or all of them."""
        screen: Any = self
        self.unread_only = not self.unread_only
        screen.refresh_list(cursor=0)

    def action_cycle_sort(self) -> None:
        """Sort by the next order (date, title)."""
        screen: Any = self
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        screen.refresh_list(cursor=0)

    def action_toggle_fullscreen(self) -> None:
        """Hide or show the tree and the list around the reader."""
        screen: Any = self
        screen.toggle_class("-fullscreen")
        if screen.has_class("-fullscreen"):
            screen.set_focus(screen.reader)

    def action_go_back(self) -> None:
        """Leave full screen, then the reader, then quit."""
        screen: Any = self
        if screen.has_class("-fullscreen"):
            screen.remove_class("-fullscreen")
        elif screen.focused is screen.reader:
            # Focus now, not after the next frame: a quickly typed second q must quit.
            screen.set_focus(screen.article_list)
        else:
            screen.app.exit()

    def action_to_list(self) -> None:
        """Leave the reader (and full screen) for the article list."""
        screen: Any = self
        screen.remove_class("-fullscreen")
        screen.set_focus(screen.article_list)  # at once: the next key goes to the list

    def action_help(self) -> None:
        """Show every key."""
        screen: Any = self
        screen.app.action_show_keys_help()

    def action_show_problems(self) -> None:
        """List the files that could not be read."""
        screen: Any = self
        screen.app.show_problems(self.library)

    def action_rescan(self) -> None:
        """Look for new, changed and removed files."""
        screen: Any = self
        screen.start_scan()
        screen.notify("Rescanning the library…")
