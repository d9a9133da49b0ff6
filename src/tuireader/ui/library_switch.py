"""Several libraries: palette commands that reopen the library screen on another one.

The config file names libraries (``settings.libraries``: name → folder). Each gets a
command "Switch library: NAME"; choosing it saves the reading position, replaces the
library screen by a new one on that folder (with its own catalog) and closes the old
catalog. The user's state (read marks, positions, bookmarks) is one store for all
libraries, so nothing of it changes hands.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import SystemCommand
from textual.markup import escape

from tuireader.ui.safe_text import one_line


def library_commands(app: Any, screen: Any) -> Iterator[SystemCommand]:
    """One "Switch library" command per configured library (on the library screen)."""
    if not hasattr(screen, "library") or not hasattr(screen, "refresh_library"):
        return
    current = Path(app.library_root).resolve()
    for name, folder in app.settings.libraries.items():
        if Path(folder).resolve() == current:
            continue
        # The palette reads titles and help as markup: names and folders are escaped.
        label = escape(one_line(name))
        yield SystemCommand(
            f"Switch library: {label}",
            f"Open the library {label} ({escape(one_line(folder))})",
            partial(switch_library, app, name),
        )


async def switch_library(app: Any, name: str) -> None:
    """Reopen the library screen on the library called ``name``."""
    from tuireader.ui.screens.main import MainScreen

    folder = Path(app.settings.libraries[name])
    if not folder.is_dir():
        app.notify(f"The library folder {folder} was not found.", severity="error")
        return
    screen = app.screen
    if hasattr(screen, "save_position"):
        screen.save_position()
    old = app.library
    app.library, app.library_root, app.open_file = None, folder, None
    app.settings.library_name = name
    await app.switch_screen(MainScreen(app.settings, app.session.last_article(folder)))
    if old is not None:
        old.close()  # the old screen is gone: nothing queries its catalog any more
    app.notify(f"Library: {one_line(name)}")
