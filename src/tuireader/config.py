"""Where tuireader keeps things, and the user's settings.

Paths come from (highest first): a command-line flag, an environment variable
(``TUIREADER_DATA_DIR``, ``TUIREADER_CACHE_DIR``, ``TUIREADER_CONFIG``), then platformdirs.
Tests and scripts always pass flags or variables, so they never touch real user folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import yaml

APP_NAME = "tuireader"
ENV_DATA = "TUIREADER_DATA_DIR"
ENV_CACHE = "TUIREADER_CACHE_DIR"
ENV_CONFIG = "TUIREADER_CONFIG"


def bundled_library() -> Path:
    """The sample library shipped with tuireader (in the wheel, or in the source tree)."""
    here = Path(__file__).resolve().parent
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
    """The user's settings, with defaults for everything."""

    library: Path | None = None
    libraries: dict[str, Path] = field(default_factory=dict)
    theme: str = "textual-dark"
    reading_width: int = 80
    mark_read: str = "open"  # "open" or "end"
    date_format: str = "%Y-%m-%d"
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_settings(config_file: Path) -> Settings:
    """Read the YAML config file; a missing or broken file gives defaults and a problem."""
    settings = Settings()
    try:
        raw = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return settings
    except OSError as exc:
        settings.problems.append(f"cannot read config {config_file}: {exc.strerror}")
        return settings
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        settings.problems.append(f"config {config_file} is not valid YAML{where}; using defaults")
        return settings
    if not isinstance(data, dict):
        settings.problems.append(f"config {config_file} is not a mapping; using defaults")
        return settings
    _apply(settings, data)
    return settings


def _apply(settings: Settings, data: dict) -> None:
    """Copy the known, well-typed keys of a config mapping into ``settings``."""
    libs = data.get("libraries")
    if isinstance(libs, dict):
        settings.libraries = {str(k): Path(str(v)).expanduser() for k, v in libs.items()}
    default = data.get("library")
    if isinstance(default, str):
        settings.library = settings.libraries.get(default, Path(default).expanduser())
    elif settings.libraries:
        settings.library = next(iter(settings.libraries.values()))
    if isinstance(data.get("theme"), str):
        settings.theme = data["theme"]
    if isinstance(data.get("reading_width"), int) and 20 <= data["reading_width"] <= 400:
        settings.reading_width = data["reading_width"]
    if data.get("mark_read") in ("open", "end"):
        settings.mark_read = data["mark_read"]
    if isinstance(data.get("date_format"), str):
        settings.date_format = data["date_format"]
    if isinstance(data.get("keys"), dict):
        settings.keys = {str(k): str(v) for k, v in data["keys"].items()}
