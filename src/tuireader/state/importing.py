"""Read bookmarks back from a JSON (W3C annotations, or a backup) or YAML export.

The text is untrusted: YAML is read with a safe loader that also refuses aliases (an alias
bomb is tiny and expands to gigabytes), size is capped, and every entry is checked; a bad
entry is reported and skipped, the rest still import. Entries keep their ``uid`` (one is
derived from the content when missing), so importing the same file twice adds nothing.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML is imported when an import reads YAML (not at every start)
    import yaml

from tuireader.config.check import yaml_problem
from tuireader.library.model import Bookmark
from tuireader.state.export import MARKDOWN_HEADING, YAML_MARK

MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: The largest block number or offset accepted (an article holds at most 16 MiB of text;
#: SQLite's INTEGER stops at 2**63 - 1, and 10**30 would crash the insert).
MAX_POSITION = 2**31 - 1
_UID_NAMESPACE = uuid.UUID("5b0f4c1e-6f43-4b1a-9a55-2f7d0c1b7a11")


class ImportFormatError(ValueError):
    """The file is not a bookmark export; ``str(error)`` is for people."""


@dataclass
class ImportResult:
    """Bookmarks read from a file, and entries that were skipped (with why)."""

    bookmarks: list[Bookmark] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_export(text: str) -> ImportResult:
    """Parse an export (JSON or YAML) into bookmarks (ids are 0: not yet stored)."""
    if len(text) > MAX_IMPORT_BYTES:
        raise ImportFormatError("the file is too large to be a bookmark export")
    data = _load(text)
    if isinstance(data, dict) and isinstance(data.get("annotations"), dict):
        data = data["annotations"]  # a backup file
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        return _collect(data.get("items"), _from_annotation)
    if isinstance(data, list):
        return _collect(data, _from_annotation)
    if isinstance(data, dict) and YAML_MARK in data:
        return _collect(_flatten_yaml(data.get("articles")), _from_yaml)
    raise ImportFormatError("not a tuireader bookmark export (JSON annotations or YAML)")


def _load(text: str) -> Any:
    """JSON first, then YAML with the safe, alias-refusing loader."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    except RecursionError:
        raise ImportFormatError("the file is nested too deeply") from None
    if text.lstrip().startswith(MARKDOWN_HEADING):  # `bookmarks export --format md` wrote it
        raise ImportFormatError(
            "it is a Markdown export, written for reading: import a JSON or YAML export "
            "(tuireader bookmarks export --format json)"
        )
    import yaml

    try:
        return yaml.load(text, Loader=_no_alias_loader())  # noqa: S506 - a SafeLoader subclass
    except ImportFormatError:
        raise  # an alias, refused with its own reason
    except yaml.YAMLError as exc:
        line, words = yaml_problem(exc)
        where = f"line {line}: " if line else ""
        raise ImportFormatError(f"not a JSON or YAML export ({where}{words})") from None
    except (ValueError, RecursionError) as exc:
        raise ImportFormatError(f"cannot read the file as JSON or YAML: {exc}") from None


def _collect(items: Any, convert: Callable[[Any], Bookmark]) -> ImportResult:
    """Convert each entry, reporting the ones that do not fit."""
    result = ImportResult()
    if not isinstance(items, list):
        raise ImportFormatError("the export holds no list of bookmarks")
    for number, item in enumerate(items, 1):
        try:
            result.bookmarks.append(convert(item))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            result.problems.append(f"entry {number} skipped: {exc}")
    return result


def _from_annotation(item: dict[str, Any]) -> Bookmark:
    """A W3C annotation written by :func:`tuireader.state.export.to_annotation`."""
    target = item["target"]
    own = item.get("tuireader") or {}
    selector = _quote_selector(target.get("selector"))
    body = item.get("body")
    note = body.get("value", "") if isinstance(body, dict) else ""
    fields = {
        "uid": _uid(item.get("id")),
        "fingerprint": own.get("fingerprint", ""),
        "path": target.get("source", ""),
        "title": target.get("title", ""),
        "quote": selector.get("exact") if selector else None,
        "note": note,
        "created": item.get("created", ""),
        "prefix": selector.get("prefix", "") if selector else "",
        "suffix": selector.get("suffix", "") if selector else "",
    }
    return _bookmark(fields, own)


def _from_yaml(pair: tuple[dict[str, Any], dict[str, Any]]) -> Bookmark:
    """One bookmark entry of the YAML export, with its article."""
    article, entry = pair
    fields = {
        "uid": _uid(entry.get("id")),
        "fingerprint": article.get("fingerprint", ""),
        "path": article.get("path", ""),
        "title": article.get("title", ""),
        "quote": entry.get("quote"),
        "note": entry.get("note") or "",
        "created": entry.get("created", ""),
        "prefix": entry.get("prefix") or "",
        "suffix": entry.get("suffix") or "",
    }
    return _bookmark(fields, entry.get("position") or {})


def _flatten_yaml(articles: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(article, entry) pairs from the YAML export's ``articles`` list."""
    if not isinstance(articles, list):
        raise ImportFormatError("the YAML export has no 'articles' list")
    return [(a, e) for a in articles if isinstance(a, dict) for e in a.get("bookmarks") or []]


def _bookmark(fields: dict[str, Any], position: dict[str, Any]) -> Bookmark:
    """Check types and build a Bookmark; a missing uid is derived from the content."""
    for name in ("fingerprint", "path", "title", "note", "prefix", "suffix", "created"):
        fields[name] = text_field(fields[name], name)
    if fields["quote"] is not None:
        fields["quote"] = text_field(fields["quote"], "quote")
    if not (fields["fingerprint"] or fields["path"]):
        raise ValueError("no article path or fingerprint")
    if not fields["uid"]:
        key = "\x00".join(str(fields[k]) for k in ("fingerprint", "path", "quote", "note"))
        fields["uid"] = uuid.uuid5(_UID_NAMESPACE, key).hex
    if fields["quote"] is not None:
        for name in ("block", "start", "end_block", "end"):
            fields[name] = position_number(position.get(name), name)
    return Bookmark(id=0, **fields)


def _quote_selector(selectors: Any) -> dict[str, Any] | None:
    """The TextQuoteSelector among a target's selectors (one or a list)."""
    if isinstance(selectors, dict):
        selectors = [selectors]
    for selector in selectors or []:
        if isinstance(selector, dict) and selector.get("type") == "TextQuoteSelector":
            return selector
    return None


def _uid(value: object) -> str:
    """A uid from an annotation id (``urn:uuid:…``) or a YAML ``id``; '' when absent."""
    if value is None:
        return ""
    text = str(value).strip()
    return text.removeprefix("urn:uuid:")


def text_field(value: object, name: str) -> str:
    """A string field (numbers and dates the YAML parser made are turned back to text)."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise TypeError(f"{name} must be text")
    text = str(value)
    if any("\ud800" <= char <= "\udfff" for char in text):  # JSON "\ud800": not storable
        raise ValueError(f"{name} is not valid Unicode text (a lone surrogate)")
    return text


def position_number(value: object, name: str) -> int | None:
    """A block number or offset from 0 to :data:`MAX_POSITION`, or None when missing."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_POSITION:
        raise ValueError(f"{name} must be a whole number from 0 to {MAX_POSITION}")
    return value


@functools.cache
def _no_alias_loader() -> type[yaml.SafeLoader]:
    """A SafeLoader that refuses anchors/aliases (no alias bombs)."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader without aliases."""

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            """Compose as SafeLoader does, refusing an alias before it is resolved."""
            if self.check_event(yaml.AliasEvent):
                # Not a YAMLError: its reason would be lost in "the text cannot be read".
                line = self.peek_event().start_mark.line + 1  # type: ignore[no-untyped-call]
                raise ImportFormatError(f"YAML aliases are not allowed in an import (line {line})")
            return super().compose_node(parent, index)

    return NoAliasLoader
