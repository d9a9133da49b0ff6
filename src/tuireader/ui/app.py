"""The Textual application: opens a library (or one article in it) and shows it.

``run_app`` is what the command line calls; ``TuireaderApp`` is the factory Pilot tests
use. The app opens the library for the library screen (:class:`~tuireader.ui.library.LibraryOpener`)
and owns what is not the library itself: the notice for a missing folder, the command
palette's commands ("Switch library: NAME" for each library the config names), the
remembered theme and last article.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tuireader.config import Paths, Settings
from tuireader.ui import collector
from tuireader.ui.bindings import KEY_TABLE, key_label
from tuireader.ui.pane_plan import LayoutMemory
from tuireader.ui.remembered import Remembered
from tuireader.ui.safe_text import one_line

if TYPE_CHECKING:
    from tuireader.ui.library import Library


class TuireaderApp(App[int]):
    """tuireader: a section tree, an article list and a reading pane."""

    CSS_PATH = "app.tcss"
    TITLE = "tuireader"
    BINDINGS: ClassVar = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    def __init__(
        self, paths: Paths, settings: Settings, library: Path, open_file: Path | None = None
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.library_root = library
        self.open_file = open_file
        self.session = Remembered(paths.data_dir)
        # (title, message, severity) -> when its notification leaves the screen
        self._showing: dict[tuple[str, str, str], float] = {}
        self.library: Library | None = None
        if settings.keys:
            self.set_keymap(settings.keys)
        _start_resource_tracker()

    def on_mount(self) -> None:
        """Apply the remembered theme, then open the library or explain why not."""
        self.set_timer(collector.GRACE_SECONDS, collector.resume)  # if no screen does
        self._apply_theme()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._report_config_problems()
        if not self.library_root.is_dir():
            self._show_missing()
            return
        self._open_library()

    def _apply_theme(self) -> None:
        for name in (self.session.theme, self.settings.theme):
            if name and name in self.available_themes:
                self.theme = name
                return

    def _report_config_problems(self) -> None:
        """Say what was wrong in the config file; the app runs on defaults for those."""
        for problem in self.settings.problems:
            self.notify(problem, title="Config file", severity="warning", timeout=10)

    def _theme_changed(self, theme: Any) -> None:
        self.session.set_theme(theme.name)

    def _show_missing(self) -> None:
        from tuireader.ui.screens.notice import NoticeScreen, missing_path_text

        self.push_screen(NoticeScreen(missing_path_text(self.library_root), id="missing"))

    def _open_library(self) -> None:
        from tuireader.ui.screens.main import MainScreen

        self.push_screen(MainScreen(self.settings, self._start_article(), self))

    def open_library(self) -> Library:
        """Open the catalog and state of the library (the main screen calls it once)."""
        from tuireader.library.encoding.rules import EncodingRules
        from tuireader.ui.library import Library

        settings = self.settings
        encodings = EncodingRules.for_library(
            settings.encodings, settings.library_name_for(self.library_root)
        )
        self.library = Library(self.paths, self.library_root, settings.follow_links, encodings)
        return self.library

    def _start_article(self) -> str | None:
        """The article to open first: the one asked for, else the one open last time."""
        if self.open_file is not None:
            try:
                return self.open_file.resolve().relative_to(self.library_root.resolve()).as_posix()
            except ValueError:
                return None
        return self.session.last_article(self.library_root)

    def remember_article(self, path: str | None) -> None:
        """Record the open article, to reopen it next time."""
        self.session.set_last_article(self.library_root, path)

    def remembered_layout(self) -> LayoutMemory | None:
        """The library's layout last time (None the first time)."""
        return self.session.layout(self.library_root)

    def remember_layout(self, memory: LayoutMemory) -> None:
        """Record the library's layout, for next time."""
        self.session.set_layout(self.library_root, memory)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands plus every action of the library screen."""
        yield from super().get_system_commands(screen)
        for spec in KEY_TABLE:
            if spec.palette and spec.scope == "main" and screen.check_action(spec.action, ()):
                action = partial(screen.run_action, spec.action)
                # The keys beside the name, as the help shows them (remaps included): the
                # palette is where people learn them. Escaped: the palette reads markup.
                title = escape(f"{spec.description} ({key_label(spec, self.settings.keys)})")
                yield SystemCommand(title, spec.tooltip or spec.description, action)
        yield from self._library_commands(screen)

    def _library_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """One "Switch library" command per configured library (on the library screen)."""
        from tuireader.ui.screens.main import MainScreen

        if not isinstance(screen, MainScreen):
            return
        current = Path(self.library_root).resolve()
        for name, folder in self.settings.libraries.items():
            if Path(folder).resolve() == current:
                continue
            # The palette reads titles and help as markup: names and folders are escaped.
            label = escape(one_line(name))
            yield SystemCommand(
                f"Switch library: {label}",
                f"Open the library {label} ({escape(one_line(folder))})",
                partial(self.switch_library, name),
            )

    async def switch_library(self, name: str) -> None:
        """Reopen the library screen on the library called ``name``.

        The position is saved, a new library screen (with its own catalog) replaces the
        old one, and the old catalog is closed. The user's state is one store for all
        libraries, so nothing of it changes hands.
        """
        from tuireader.ui.screens.main import MainScreen

        folder = Path(self.settings.libraries[name])
        if not folder.is_dir():
            self.notify(f"The library folder {folder} was not found.", severity="error")
            return
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.save_position()
        old = self.library
        self.library, self.library_root, self.open_file = None, folder, None
        self.settings.library_name = name
        await self.switch_screen(MainScreen(self.settings, self.session.last_article(folder), self))
        if old is not None:
            old.close()  # the old screen is gone: nothing queries its catalog any more
        self.notify(f"Library: {one_line(name)}")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (``Widget.notify`` ends here too) as clean plain text.

        Messages often carry file names, paths and error texts from data: escapes are
        removed and markup is never parsed, whatever the caller asked for. A notice that
        is still on screen is not shown again.
        """
        lines = str(message).split("\n")
        clean = "\n".join(one_line(line) for line in lines)
        title = one_line(title)
        # The same notice is never stacked: while it is on screen, a repeat adds nothing
        # (a read-only state says "Not saved" once, not once per key press).
        now, key = time.monotonic(), (title, clean, severity)
        if self._showing.get(key, 0.0) > now:
            return
        self._showing = {k: until for k, until in self._showing.items() if until > now}
        self._showing[key] = now + (self.NOTIFICATION_TIMEOUT if timeout is None else timeout)
        super().notify(clean, title=title, severity=severity, timeout=timeout, markup=False)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Save the reading position before the screens are taken down."""
        from tuireader.ui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.save_position()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        """Close the databases."""
        if self.library is not None:
            self.library.close()


def _start_resource_tracker() -> None:
    """Start multiprocessing's helper process now, while stderr is still the real one.

    The scan parses in spawned processes. Spawning starts a resource tracker that is
    handed ``sys.stderr.fileno()``; once Textual has replaced stderr that is -1 and the
    spawn fails ("bad value(s) in fds_to_keep"). Started here, it costs under 1 ms.
    """
    from multiprocessing import resource_tracker

    with contextlib.suppress(OSError, ValueError):
        resource_tracker.ensure_running()


def run_app(paths: Paths, settings: Settings, library: Path, open_file: Path | None = None) -> int:
    """Run the app until the user quits; the exit status."""
    app = TuireaderApp(paths, settings, library, open_file)
    app.run()
    return app.return_code or 0
