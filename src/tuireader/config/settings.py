"""The user's settings, with a default for every one (filled from the config file by ``load``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tuireader.text.filekind import DEFAULT_FOLLOW_LINKS


@dataclass
class Settings:
    """The user's settings, with defaults for everything.

    ``problems`` holds what was wrong with the config file, one line each, for the CLI to
    print and the app to show; ``lines`` maps a setting ("keys.article.next") to its line.
    """

    library: Path | None = None
    libraries: dict[str, Path] = field(default_factory=dict)
    library_name: str | None = None
    theme: str = "textual-dark"
    reading_width: int = 80
    mark_read: str = "open"  # "open", "end" or "never"
    script: str = "original"  # Chinese shown as written, "simplified" or "traditional"
    layout: str = "auto"  # "auto" (by the terminal's size), "wide", "medium" or "reader"
    date_format: str = "%Y-%m-%d"
    follow_links: str = DEFAULT_FOLLOW_LINKS  # "inside", "all" or "none": links in a library
    # (library name or None for every library, pattern, encoding), in the config's order
    encodings: list[tuple[str | None, str, str]] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    config_file: Path | None = None

    def library_name_for(self, folder: Path) -> str | None:
        """The name ``libraries`` gives the library at ``folder`` (the first, when two
        names share it), or None: which of ``encodings`` apply to it."""
        try:
            wanted = folder.resolve()
            return next(
                (name for name, path in self.libraries.items() if path.resolve() == wanted),
                None,
            )
        except (OSError, RuntimeError):  # a link loop: no name rather than a crash
            return None
