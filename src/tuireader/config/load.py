"""Reading the config file into :class:`Settings`, writing its template, choosing a library.

``check`` reads the YAML with line numbers and ``values`` checks each value: a mistake
costs only its own setting, never the start of the app.
"""

from __future__ import annotations

import os
from pathlib import Path

from tuireader.config.check import MAX_CONFIG_BYTES, read_config
from tuireader.config.settings import Settings
from tuireader.config.template import CONFIG_TEMPLATE
from tuireader.text.filekind import not_a_file


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
    # Imported only when there is a file to check: the checks of every value (key
    # tables, encodings, dates) are a third of a command's config import otherwise.
    from tuireader.config.values import apply_config

    config = read_config(raw)
    apply_config(settings, config, config_file.parent.absolute())
    settings.lines = config.lines
    settings.problems = [f"config {config_file}, {p}" for p in config.problems]
    return settings


def _read_config_text(config_file: Path) -> str:
    """The config file's text; ValueError when it is too big to be a config file or not
    a file at all (a FIFO would make the read wait forever)."""
    kind = not_a_file(config_file)
    if kind is not None:
        raise ValueError(f"it is {kind}, not a file")
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
