"""Check each config setting and copy the good ones into ``Settings``.

One function per setting; each either sets the value or records a problem that says
what was expected and which default is used instead. Key remaps are checked for their
form and then against the key table (:func:`tuireader.config.key_table.check_remaps`);
whether a theme exists is known only to the UI, which calls ``unknown_theme_problem``
with its theme names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader.config.check import RawConfig, describe
from tuireader.config.key_table import check_remaps
from tuireader.text.encodings import canonical_encoding
from tuireader.text.filekind import FOLLOW_LINKS
from tuireader.text.sanitize import UNSAFE_CHARS, sanitize_line
from tuireader.text.script import SCRIPTS

if TYPE_CHECKING:
    from tuireader.config.settings import Settings

MARK_READ_POLICIES = ("open", "end", "never")
#: The library screen's layouts: chosen by the terminal's size, or always the one named.
LAYOUTS = ("auto", "wide", "medium", "reader")
MIN_WIDTH, MAX_WIDTH = 20, 400

_BINDING_ID = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
# One key as Textual names it (``ctrl+f``, ``question_mark``, ``J``) or a single character.
_KEY = re.compile(r"^([a-z]+\+)*[A-Za-z0-9_]+$|^\S$")


def apply_config(settings: Settings, config: RawConfig, base: Path) -> None:
    """Copy the valid settings of ``config`` into ``settings``; ``base`` anchors relative
    library folders (the config file's folder)."""
    for name, value in config.values.items():
        if value is None:
            continue  # `theme:` with nothing after it: keep the default
        _APPLY[name](settings, config, value, base)
    _apply_default_library(settings, config, config.values.get("library"), base)
    if config.values.get("encodings") is not None:  # after the libraries it may name
        _apply_encodings(settings, config, config.values["encodings"], base)


def _apply_libraries(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``libraries``: a mapping of names to folders."""
    if not isinstance(value, dict):
        config.problem(
            "libraries", f"libraries must be `name: folder` lines, not {describe(value)}"
        )
        return
    for name, folder in value.items():
        if not isinstance(name, (str, int)) or isinstance(name, bool) or not str(name).strip():
            config.problem("libraries", f"libraries: {describe(name)} is not a usable name")
        elif has_controls(str(name)):
            shown = sanitize_line(str(name))
            config.problem(
                f"libraries.{name}",
                f"libraries: the name {describe(name)} holds control characters; "
                + (f"it is shown as {shown!r}" if shown else "ignored"),
            )
            if shown and isinstance(folder, str) and folder.strip():
                settings.libraries[shown] = _folder(folder, base)
        elif not isinstance(folder, str) or not folder.strip():
            config.problem(
                f"libraries.{name}", f"libraries: {name} needs a folder, not {describe(folder)}"
            )
        else:
            settings.libraries[str(name)] = _folder(folder, base)


def _apply_default_library(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``library``: the default, a library name or a folder; else the first library."""
    if value is not None:
        _choose_default(settings, config, value, base)
    if settings.library is None and settings.libraries:
        settings.library_name, settings.library = next(iter(settings.libraries.items()))


def _choose_default(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """Set the default library from a name or a folder, or record why not."""
    if not isinstance(value, str):
        config.problem("library", f"library must be a name or a folder, not {describe(value)}")
    elif value in settings.libraries:
        settings.library_name, settings.library = value, settings.libraries[value]
    elif _folder(value, base).is_dir():
        settings.library = _folder(value, base)
    else:
        names = ", ".join(settings.libraries) or "none configured"
        config.problem(
            "library", f"library {value!r} is neither a library name ({names}) nor a folder"
        )


def _folder(text: str, base: Path) -> Path:
    """A folder from the config: ``~`` expanded, relative to the config file's folder."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else base / path


def _apply_theme(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``theme``: a theme name (the app ignores names it does not know)."""
    if isinstance(value, str) and has_controls(value):
        config.problem(
            "theme", f"theme {describe(value)} holds control characters; using {settings.theme}"
        )
    elif isinstance(value, str) and value.strip():
        settings.theme = value.strip()
    else:
        config.problem("theme", f"theme must be a theme name, not {describe(value)}")


def _apply_width(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``reading_width``: a whole number of cells."""
    if isinstance(value, int) and not isinstance(value, bool) and MIN_WIDTH <= value <= MAX_WIDTH:
        settings.reading_width = value
        return
    config.problem(
        "reading_width",
        f"reading_width must be a whole number from {MIN_WIDTH} to {MAX_WIDTH}, "
        f"not {describe(value)}; using {settings.reading_width}",
    )


def _apply_mark_read(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``mark_read``: when an article counts as read."""
    if value in MARK_READ_POLICIES:
        settings.mark_read = value
        return
    choices = ", ".join(MARK_READ_POLICIES)
    config.problem(
        "mark_read",
        f"mark_read must be one of {choices}, not {describe(value)}; using {settings.mark_read}",
    )


def _apply_layout(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``layout``: the library screen's layout, or ``auto`` to follow the terminal's size."""
    if value in LAYOUTS:
        settings.layout = value
        return
    config.problem(
        "layout",
        f"layout must be one of {', '.join(LAYOUTS)}, not {describe(value)}; "
        f"using {settings.layout}",
    )


def _apply_script(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``script``: Chinese text as written, or in Simplified or Traditional characters."""
    if value in SCRIPTS:
        settings.script = value
        return
    choices = ", ".join(SCRIPTS)
    config.problem(
        "script", f"script must be one of {choices}, not {describe(value)}; using {settings.script}"
    )


def _apply_follow_links(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``follow_links``: which symbolic links in a library are followed."""
    if value in FOLLOW_LINKS:
        settings.follow_links = value
        return
    config.problem(
        "follow_links",
        f"follow_links must be one of {', '.join(FOLLOW_LINKS)}, not {describe(value)}; "
        f"using {settings.follow_links}",
    )


def _apply_date_format(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``date_format``: strftime codes that format a date without error.

    Control characters are refused: a date is printed on the screen, and an escape
    sequence in the format would reach the terminal with every date shown.
    """
    if isinstance(value, str) and has_controls(value):
        config.problem(
            "date_format",
            f"date_format {describe(value)} holds control characters; "
            f"using {settings.date_format!r}",
        )
        return
    try:
        if not isinstance(value, str) or not datetime(2024, 1, 2).strftime(value).strip():
            raise ValueError
    except ValueError:
        config.problem(
            "date_format",
            f'date_format must be strftime codes such as "%Y-%m-%d", not {describe(value)}',
        )
        return
    settings.date_format = value


def _apply_keys(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``keys``: binding id → keys, comma-separated (a YAML list works too)."""
    if not isinstance(value, dict):
        config.problem("keys", f"keys must be `binding.id: keys` lines, not {describe(value)}")
        return
    for binding_id, keys in value.items():
        where = f"keys.{binding_id}"
        if not isinstance(binding_id, str) or not _BINDING_ID.match(binding_id):
            config.problem(where, f"keys: {describe(binding_id)} is not a binding id")
            continue
        text = _keys_text(keys)
        if text is None:
            config.problem(where, f'keys: {binding_id} needs keys such as "n" or "ctrl+n"')
        else:
            settings.keys[binding_id] = text
    # Against the whole key table: unknown ids, keys no terminal sends, clashes.
    settings.keys, problems = check_remaps(settings.keys)
    for problem in problems:
        config.problem(f"keys.{problem.binding_id}", problem.message)


_ENCODING_EXAMPLES = "gb18030, gbk, big5, utf-8, shift_jis"


def _apply_encodings(settings: Settings, config: RawConfig, value: Any, base: Path) -> None:
    """``encodings``: ``pattern: encoding`` lines for every library, and under a library's
    name the patterns of that library alone."""
    if not isinstance(value, dict):
        config.problem(
            "encodings", f"encodings must be `pattern: encoding` lines, not {describe(value)}"
        )
        return
    for key, item in value.items():
        where = f"encodings.{key}"
        if not isinstance(item, dict):
            _encoding_rule(settings, config, where, None, key, item)
        elif key not in settings.libraries:
            names = ", ".join(settings.libraries) or "none configured"
            config.problem(
                where, f"encodings: {describe(key)} is no library name ({names}); ignored"
            )
        else:
            for pattern, encoding in item.items():
                inner = f"{where}.{pattern}"
                _encoding_rule(settings, config, inner, str(key), pattern, encoding)


def _encoding_rule(
    settings: Settings,
    config: RawConfig,
    where: str,
    library: str | None,
    pattern: Any,
    encoding: Any,
) -> None:
    """Check one ``pattern: encoding`` line and keep it, or record why it is ignored."""
    problem = _pattern_problem(pattern)
    if problem is not None:
        config.problem(where, f"encodings: {problem}; ignored")
        return
    name = canonical_encoding(encoding) if isinstance(encoding, str) else None
    if name is None:
        config.problem(
            where,
            f"encodings: {describe(encoding)} is not an encoding ({_ENCODING_EXAMPLES}, ...); "
            f"files matching {pattern!r} keep their guessed encoding",
        )
        return
    settings.encodings.append((library, str(pattern), name))


def _pattern_problem(pattern: Any) -> str | None:
    """Why ``pattern`` cannot be a pattern of files in a library, or None."""
    if not isinstance(pattern, str) or not pattern.strip():
        return f"{describe(pattern)} is not a pattern of files"
    if has_controls(pattern):
        return f"the pattern {describe(pattern)} holds control characters"
    if pattern.startswith(("/", "~")) or ".." in pattern.split("/"):
        return (
            f"the pattern {pattern!r} must be inside the library folder, relative to it "
            "(for one library, put its patterns under its name)"
        )
    return None


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control, format or separator character (ESC, CR, C1,
    a bidi override...): a setting shown on the screen must hold none."""
    return UNSAFE_CHARS.search(text) is not None


def _keys_text(keys: Any) -> str | None:
    """Keys as Textual's comma-separated string, or None when they are not keys."""
    if isinstance(keys, list) and all(isinstance(k, (str, int)) for k in keys):
        keys = ",".join(str(k) for k in keys)
    if isinstance(keys, int) and not isinstance(keys, bool):
        keys = str(keys)  # `article.next: 1` is the key 1
    if not isinstance(keys, str) or has_controls(keys):
        return None
    parts = [part.strip() for part in keys.split(",")]
    if not parts or not all(_KEY.match(part) for part in parts):
        return None
    return ",".join(parts)


def unknown_theme_problem(settings: Settings, themes: Iterable[str]) -> str | None:
    """A problem line when the configured theme is not one of ``themes`` (the app's)."""
    known = sorted(themes)
    if settings.theme in known:
        return None
    line = settings.lines.get("theme")
    where = f"config {settings.config_file}, line {line}: " if line else ""
    close = difflib.get_close_matches(settings.theme, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{where}theme {settings.theme!r} is not a theme{hint}; using the default"


_APPLY: dict[str, Callable[[Settings, RawConfig, Any, Path], None]] = {
    "libraries": _apply_libraries,
    "library": lambda *args: None,  # applied last, once the libraries are known
    "encodings": lambda *args: None,  # likewise: a library's own encodings name it
    "theme": _apply_theme,
    "reading_width": _apply_width,
    "mark_read": _apply_mark_read,
    "script": _apply_script,
    "layout": _apply_layout,
    "date_format": _apply_date_format,
    "follow_links": _apply_follow_links,
    "keys": _apply_keys,
}
