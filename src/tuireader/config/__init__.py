"""Where tuireader keeps things and the user's settings: paths, the YAML config, its checks and template."""

from tuireader.config.settings import (
    Paths,
    Settings,
    UnknownLibrary,
    bundled_library,
    init_config,
    load_settings,
    resolve_library,
    resolve_paths,
)

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
