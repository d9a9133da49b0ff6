"""Front matter at the top of a Markdown file: YAML between ``---`` lines, TOML between ``+++``.

The YAML loader is hardened for files from strangers: no tags beyond plain
str / list / dict (python tags refuse the whole block), no aliases (an alias bomb
cannot expand), nesting capped well below Python's recursion limit, and no
implicit typing, so ``title: no`` stays ``"no"`` and ``date: 2024-02-30`` stays a
string for :mod:`tuireader.text.dates` to judge. Nothing here raises on bad input:
problems come back as warnings.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # libyaml's parser is ~8x faster; the composer stays in Python so we can police it.
    from yaml._yaml import CParser as _Parser

    _C_PARSER = True
except ImportError:  # pragma: no cover - pure-Python PyYAML build
    _C_PARSER = False

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 64
_PYTHON_TAG = "tag:yaml.org,2002:python/"
_FENCES = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*$", re.M),
}

Metadata = dict[str, object]


class FrontMatterError(ValueError):
    """The front matter block cannot be used (a short reason for a warning)."""


class _Composer(Composer):
    """Composer that refuses aliases and deep nesting (both are attack shapes)."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        """Compose one node, refusing aliases and nesting deeper than MAX_DEPTH."""
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]  # from the parser base
            raise FrontMatterError("YAML aliases are not allowed")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if _C_PARSER:

    class _Loader(_Composer, _Parser, BaseResolver):
        """libyaml events, our composer, no implicit resolvers (every scalar is a str)."""

        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _Composer.__init__(self)
            BaseResolver.__init__(self)

else:  # pragma: no cover

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _Composer, BaseResolver
    ):
        """Pure-Python fallback with the same rules."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _Composer.__init__(self)
            BaseResolver.__init__(self)


def split_front_matter(text: str) -> tuple[Metadata, str, tuple[str, ...]]:
    """Split ``text`` into (metadata, body, warnings); never raises on bad front matter."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    fence = text[:3]
    first_line = text.split("\n", 1)[0]
    if fence not in _FENCES or first_line.rstrip() != fence:
        return {}, text, ()
    end = _FENCES[fence].search(text, len(first_line) + 1)
    if end is None:
        return {}, text, (f"front matter opened with {fence} but never closed",)
    raw = text[len(first_line) + 1 : end.start()]
    body = text[end.end() + 1 :]
    if len(raw) > MAX_FRONT_MATTER:
        return {}, body, (f"front matter over {MAX_FRONT_MATTER // 1024} KiB ignored",)
    try:
        meta = load_yaml_mapping(raw) if fence == "---" else load_toml_mapping(raw)
    except FrontMatterError as error:
        if str(error) == "not a mapping" and fence == "---":
            # Prose between two rules is not metadata: keep it as text.
            return {}, text, ("front matter is not a mapping; read as text",)
        return {}, body, (f"front matter ignored: {error}",)
    return meta, body, ()


def load_yaml_mapping(raw: str) -> Metadata:
    """Load a YAML mapping with the hardened loader; raise FrontMatterError if unusable."""
    node = _compose(raw)
    if node is None:
        return {}
    if not isinstance(node, MappingNode):
        raise FrontMatterError("not a mapping")
    result = _to_python(node)
    assert isinstance(result, dict)
    return result


def _compose(raw: str) -> Node | None:
    try:
        return _compose_once(raw)
    except yaml.YAMLError as error:
        if "\t" not in raw:
            raise FrontMatterError(_first_line(error)) from None
    # Tabs are illegal YAML indentation but common in hand-written files: try once more.
    try:
        return _compose_once(raw.expandtabs(2))
    except yaml.YAMLError as error:
        raise FrontMatterError(_first_line(error)) from None


def _compose_once(raw: str) -> Node | None:
    loader = _Loader(raw)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or ["invalid YAML"])[0]


def _to_python(node: Node) -> object:
    """Nodes to str / list / dict; the composer already capped the depth."""
    if node.tag.startswith(_PYTHON_TAG):
        raise FrontMatterError(f"refused tag {node.tag}")
    if isinstance(node, ScalarNode):
        return str(node.value)
    if isinstance(node, SequenceNode):
        return [_to_python(item) for item in node.value]
    result: Metadata = {}
    for key_node, value_node in node.value:
        value = _to_python(value_node)
        key = _to_python(key_node)
        if isinstance(key, str):  # mapping or list keys are useless to us; skip them
            result[key] = value  # duplicate keys: the last one wins
    return result


def load_toml_mapping(raw: str) -> Metadata:
    """Load Hugo's TOML front matter; every leaf becomes a str like the YAML side."""
    try:
        data = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise FrontMatterError(f"invalid TOML: {_first_line(error)}") from None
    result = _stringify(data, 1)  # the root counts as a level, as in the YAML composer
    assert isinstance(result, dict)
    return result


def _stringify(value: object, depth: int) -> object:
    if depth > MAX_DEPTH:
        raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        return {str(k): _stringify(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify(v, depth + 1) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
