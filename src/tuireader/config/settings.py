"""Where tuireader keeps things, and the user's settings.

Paths come from (highest first): a command-line flag, an environment variable
(``TUIREADER_DATA_DIR``, ``TUIREADER_CACHE_DIR``, ``TUIREADER_CONFIG``), then platformdirs.
Tests and scripts always pass flags or variables, so they never touch real user folders.

Settings come from the YAML config file (``config_template`` shows every one):
``config_check`` reads it with line numbers, ``config_values`` checks each value. A
mistake costs only its own setting, never the start of the app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tuireader.config.check import MAX_CONFIG_BYTES, read_config
from tuireader.config.template import CONFIG_TEMPLATE
from tuireader.config.values import apply_config

APP_NAME = "tuireader"
ENV_DATA = "TUIREADER_DATA_DIR"
ENV_CACHE = "TUIREADER_CACHE_DIR"
ENV_CONFIG = "TUIREADER_CONFIG"


def bundled_library() -> Path:
    """The sample library shipped with tuireader (in the wheel, or in the source tree)."""
    here = Path(__file__).resolve().parents[1]  # the tuireader package
    for candidate in (here / "sample_articles", here.parents[1] / "sample_articles"):
        if candidate.is_dir():
            return candidate
    return here / "sample_articles"


@dataclass(frozen=True)
class Paths:
    """The three places tuireader reads and writes."""

    data_dir: Path
    cache_dir: Path
    config_file: Path

    @property
    def state_db(self) -> Path:
        """The user's own work: read marks, positions, bookmarks, notes."""
        return self.data_dir / "state.db"

    def catalog_db(self, library: Path) -> Path:
        """The throw-away catalog of one library, named after the library's path."""
        import hashlib

        key = hashlib.blake2b(str(library.resolve()).encode(), digest_size=8).hexdigest()
        return self.cache_dir / f"catalog-{key}.db"


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    config: str | os.PathLike[str] | None = None,
) -> Paths:
    """Work out the data, cache and config locations from flags, environment, defaults."""
    data = data_dir or os.environ.get(ENV_DATA) or platformdirs.user_data_dir(APP_NAME)
    cache = cache_dir or os.environ.get(ENV_CACHE) or platformdirs.user_cache_dir(APP_NAME)
    conf = config or os.environ.get(ENV_CONFIG)
    if not conf:
        conf = Path(platformdirs.user_config_dir(APP_NAME)) / "config.yaml"
    return Paths(Path(data), Path(cache), Path(conf))


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
    date_format: str = "%Y-%m-%d"
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    config_file: Path | None = None


class UnknownLibrary(ValueError):
    """``--library NAME`` names no configured library and no folder."""


def load_settings(config_file: Path) -> Settings:
    """Read the YAML config file; a missing file gives defaults, a broken one defaults
    for what is broken plus a problem naming the file and the line."""
    settings = Settings(config_file=config_file)
    try:
        raw = _read_config_text(config_file)
    except FileNotFoundError:
        return settings
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        settings.problems.append(f"config {config_file}: {_reason(exc)}; using the defaults")
        return settings
    config = read_config(raw)
    apply_config(settings, config, config_file.parent.absolute())
    settings.lines = config.lines
    settings.problems = [f"config {config_file}, {p}" for p in config.problems]
    return settings


def _read_config_text(config_file: Path) -> str:
    """The config file's text; ValueError when it is too big to be a config file."""
    with config_file.open("rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024} KiB")
    return data.decode("utf-8-sig")


def _reason(exc: Exception) -> str:
    """Why the config file could not be read, in a few words."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return f"cannot read it ({exc.strerror or exc})"
    return str(exc)


def init_config(config_file: Path) -> bool:
    """Write the commented template to ``config_file`` unless it exists; True if written.

    Written to a temporary file and moved into place, so a crash leaves either no config
    or a whole one, and an existing config (even an empty one) is never overwritten.
    """
    if config_file.exists():
        return False
    config_file.parent.mkdir(parents=True, exist_ok=True)
    temp = config_file.with_name(f".{config_file.name}.{os.getpid()}.tmp")
    with temp.open("w", encoding="utf-8") as handle:
        handle.write(CONFIG_TEMPLATE)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temp, config_file)  # fails if another process created it meanwhile
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links
        os.replace(temp, config_file)
    finally:
        temp.unlink(missing_ok=True)
    return True


def resolve_library(choice: str | None, settings: Settings) -> tuple[str | None, Path | None]:
    """The (name, folder) of the library to open for ``--library CHOICE``.

    CHOICE is a configured name, else a folder. Without it: the configured default
    (``settings.library``), which may be None (the caller then uses the samples).
    """
    if choice is None:
        return settings.library_name, settings.library
    if choice in settings.libraries:
        return choice, settings.libraries[choice]
    folder = Path(choice).expanduser()
    if folder.is_dir():
        return None, folder
    known = ", ".join(sorted(settings.libraries)) or "none configured"
    raise UnknownLibrary(f"no library named {choice!r} (libraries: {known})")
