"""Where tuireader keeps things: data, cache and config locations, and the bundled samples.

Paths come from (highest first): a command-line flag, an environment variable
(``TUIREADER_DATA_DIR``, ``TUIREADER_CACHE_DIR``, ``TUIREADER_CONFIG``), then platformdirs.
Tests and scripts always pass flags or variables, so they never touch real user folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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
