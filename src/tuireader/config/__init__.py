"""Where tuireader keeps things and the user's settings: paths, the YAML config, its checks and template."""

from tuireader.config.load import UnknownLibrary, init_config, load_settings, resolve_library
from tuireader.config.paths import Paths, bundled_library, resolve_paths
from tuireader.config.settings import Settings

__all__ = [
    "Paths",
    "Settings",
    "UnknownLibrary",
    "bundled_library",
    "init_config",
    "load_settings",
    "resolve_library",
    "resolve_paths",
]
