"""What the app remembers between runs that is not the user's reading state.

The theme name and, per library, the last article that was open and the layout (the
layout chosen, the pane sizes, full screen). Kept in a small JSON
file in the data dir (``ui-session.json``), written with the core's
:func:`tuireader.state.export.write_atomic` so a crash never leaves half a file. A broken
file reads as empty.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tuireader.state.export import write_atomic
from tuireader.ui.pane_plan import LayoutMemory, PaneSizes

FILE_NAME = "ui-session.json"


class Remembered:
    """Theme and last-opened article, loaded once and saved on every change."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self._data: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @property
    def theme(self) -> str | None:
        """The theme chosen last time, if any."""
        theme = self._data.get("theme")
        return theme if isinstance(theme, str) else None

    def set_theme(self, name: str) -> None:
        """Remember the theme."""
        self._data["theme"] = name
        self.save()

    def last_article(self, library: Path) -> str | None:
        """The library-relative path of the article open when the app last closed."""
        entry = self._data.get("last", {}).get(str(library.resolve()))
        return entry if isinstance(entry, str) else None

    def set_last_article(self, library: Path, path: str | None) -> None:
        """Remember the article open now (None when none is)."""
        last = self._data.setdefault("last", {})
        if not isinstance(last, dict):
            last = self._data["last"] = {}
        last[str(library.resolve())] = path
        self.save()

    def layout(self, library: Path) -> LayoutMemory | None:
        """The layout remembered for ``library`` (None if none, or if it is unreadable)."""
        entry = self._data.get("layout", {})
        entry = entry.get(str(library.resolve())) if isinstance(entry, dict) else None
        if not isinstance(entry, dict):
            return None
        default = LayoutMemory()
        sizes = entry.get("sizes")
        sizes = sizes if isinstance(sizes, dict) else {}
        return LayoutMemory(
            choice=_text(entry.get("choice"), default.choice),
            config_layout=_text(entry.get("config_layout"), default.config_layout),
            sizes=PaneSizes(
                tree_width=_size(sizes.get("tree_width"), default.sizes.tree_width),
                list_rows=_size(sizes.get("list_rows"), default.sizes.list_rows),
                stacked_list_rows=_size(
                    sizes.get("stacked_list_rows"), default.sizes.stacked_list_rows
                ),
                side_list_width=_size(sizes.get("side_list_width"), default.sizes.side_list_width),
            ),
            fullscreen=entry.get("fullscreen") is True,
        )

    def set_layout(self, library: Path, memory: LayoutMemory) -> None:
        """Remember the layout of ``library``."""
        layouts = self._data.setdefault("layout", {})
        if not isinstance(layouts, dict):
            layouts = self._data["layout"] = {}
        layouts[str(library.resolve())] = asdict(memory)
        self.save()

    def save(self) -> None:
        """Write the file atomically; a failure is ignored (this is only a convenience)."""
        with contextlib.suppress(OSError):
            write_atomic(self.path, json.dumps(self._data, ensure_ascii=False))


def _text(value: object, default: str) -> str:
    return value if isinstance(value, str) else default


def _size(value: object, default: int) -> int:
    """A pane size read back from the file: a whole number a terminal could hold."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10_000:
        return value
    return default
