"""Read the YAML config file setting by setting, remembering the line of each.

A config file is written by hand, so every mistake is reported with its line and the
setting falls back to its default; the rest of the file still counts. The file is
parsed with PyYAML's safe loader one top-level value at a time: a bad date or a deep
nesting in one setting costs only that setting. Values are checked for their type
before anything walks them, so an alias bomb is refused without being expanded.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML is imported when a config file is read (not at every start)
    import yaml

#: Bigger than any sensible config; a larger file is refused unread.
MAX_CONFIG_BYTES = 1024 * 1024

KNOWN_SETTINGS = (
    "libraries",
    "library",
    "theme",
    "reading_width",
    "mark_read",
    "script",
    "layout",
    "date_format",
    "follow_links",
    "encodings",
    "keys",
)


@dataclass
class RawConfig:
    """The top-level values of a config file, the line of each, and what went wrong."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    found: list[tuple[int, str]] = field(default_factory=list)  # (line or 0, message)

    def problem(self, key: str, message: str) -> None:
        """Record a problem about ``key`` ("libraries.news" for a nested one), with its line."""
        self.found.append((self.lines.get(key, 0), message))

    def problem_at(self, line: int, message: str) -> None:
        """Record a problem found at ``line`` (0 when no line applies)."""
        self.found.append((line, message))

    @property
    def problems(self) -> list[str]:
        """Every problem as ``line N: message``, in the order of the file."""
        return [
            f"line {line}: {message}" if line else message for line, message in sorted(self.found)
        ]


def read_config(raw: str) -> RawConfig:
    """Parse ``raw`` into top-level values with their lines; never raises."""
    import yaml

    config = RawConfig()
    loader = yaml.SafeLoader(raw)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        config.problem_at(*yaml_problem(exc))
        return config
    except RecursionError:
        config.problem_at(0, "the file is nested too deeply to read")
        return config
    if root is None:
        return config
    if not isinstance(root, yaml.MappingNode):
        config.problem_at(_line(root), "expected settings as `name: value` lines")
        return config
    for key_node, value_node in root.value:
        _read_setting(loader, config, key_node, value_node)
    loader.dispose()
    return config


def _read_setting(
    loader: yaml.SafeLoader, config: RawConfig, key_node: yaml.Node, value_node: yaml.Node
) -> None:
    """Construct one top-level value, or record why it cannot be used."""
    import yaml

    line = _line(key_node)
    if not isinstance(key_node, yaml.ScalarNode):
        config.problem_at(line, "a setting name must be plain text")
        return
    name = key_node.value
    if name in config.lines:
        config.problem_at(
            line, f"{name} is set twice (also line {config.lines[name]}); the last counts"
        )
    config.lines[name] = line
    if name not in KNOWN_SETTINGS:
        config.problem_at(line, f"unknown setting {name!r}{_did_you_mean(name)}")
        return
    if isinstance(value_node, yaml.MappingNode):
        _note_child_lines(config, name, value_node)
    try:
        config.values[name] = loader.construct_object(value_node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        config.problem_at(_line(value_node), f"{name}: cannot read the value ({exc})")


def _note_child_lines(config: RawConfig, name: str, node: yaml.MappingNode, depth: int = 2) -> None:
    """Remember the line of each entry of a nested mapping (a library, a key remap), and
    of the entries of a mapping inside it (a library's own encodings)."""
    import yaml

    for child_key, child_value in node.value:
        if isinstance(child_key, yaml.ScalarNode):
            key = f"{name}.{child_key.value}"
            config.lines.setdefault(key, _line(child_key))
            if depth > 1 and isinstance(child_value, yaml.MappingNode):
                _note_child_lines(config, key, child_value, depth - 1)


def _line(node: Any) -> int:
    """The 1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


_YAML_TOKENS = {
    "<stream end>": "the end of the file",
    "<block end>": "the end of the indented block",
    "<document end>": "the end of the document",
}


def yaml_problem(exc: yaml.YAMLError) -> tuple[int, str]:
    """The line and a one-line description of a YAML syntax error (no parser internals:
    the config and a bookmarks import say it the same way)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "the text cannot be read"
    for token, words in _YAML_TOKENS.items():  # the parser's names for where it stopped
        problem = problem.replace(token, words)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    message = f"not valid YAML: {problem}"
    if context and context_mark is not None:
        message += f" ({context} that starts on line {context_mark.line + 1})"
    return (mark.line + 1 if mark is not None else 0), message


def _did_you_mean(name: str) -> str:
    """ " (did you mean 'theme'?)" when ``name`` looks like a misspelt setting."""
    close = difflib.get_close_matches(name, KNOWN_SETTINGS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else " (ignored)"


def describe(value: Any) -> str:
    """A short description of a wrong value, safe for any size of value."""
    if isinstance(value, bool) or value is None:
        return repr(value).lower() if value is not None else "nothing"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    return f"a {type(value).__name__}"
