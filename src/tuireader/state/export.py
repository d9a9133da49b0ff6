"""Export bookmarks as Markdown, W3C Web Annotation JSON or editable YAML; write atomically.

JSON follows the W3C Web Annotation model: an ``AnnotationCollection`` of ``Annotation``s
whose target carries a ``TextQuoteSelector`` (exact, prefix, suffix); tuireader's own
position and fingerprint ride along under ``tuireader``. Import lives in ``export_import``.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML is imported when YAML is written (not at every start)
    import yaml

from tuireader.library.model import Bookmark
from tuireader.text import json_out

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
YAML_MARK = "tuireader_bookmarks"


def to_annotation(b: Bookmark) -> dict[str, Any]:
    """One bookmark as a W3C Web Annotation."""
    target: dict[str, Any] = {"source": b.path, "title": b.title}
    if b.quote is not None:
        selector = {"type": "TextQuoteSelector", "exact": b.quote}
        selector.update({"prefix": b.prefix, "suffix": b.suffix})
        target["selector"] = [selector]
    annotation: dict[str, Any] = {
        "id": f"urn:uuid:{b.uid}",
        "type": "Annotation",
        "motivation": "commenting" if b.note else "bookmarking",
        "created": b.created,
        "target": target,
        "tuireader": {"fingerprint": b.fingerprint, **_position(b)},
    }
    if b.note:
        annotation["body"] = {"type": "TextualBody", "value": b.note, "purpose": "commenting"}
    return annotation


def to_json(bookmarks: Iterable[Bookmark]) -> str:
    """Bookmarks as a W3C AnnotationCollection (JSON text)."""
    items = [to_annotation(b) for b in bookmarks]
    collection = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": "tuireader bookmarks",
        "total": len(items),
        "items": items,
    }
    return json_out.dumps(collection, indent=2) + "\n"


def to_yaml(bookmarks: Iterable[Bookmark]) -> str:
    """Bookmarks grouped by article, as YAML a person can read and edit."""
    articles = []
    for (fp, path, title), group in _by_article(bookmarks):
        entries = [_yaml_entry(b) for b in group]
        articles.append({"path": path, "title": title, "fingerprint": fp, "bookmarks": entries})
    document = {YAML_MARK: 1, "articles": articles}
    import yaml

    return yaml.dump(document, Dumper=_literal_dumper(), allow_unicode=True, sort_keys=False)


#: The first line of a Markdown export (how an import tells one apart).
MARKDOWN_HEADING = "# Bookmarks"


def to_markdown(bookmarks: Iterable[Bookmark], root: Path | None = None) -> str:
    """Bookmarks grouped by article: title, link to the file, quotes and notes."""
    lines = [MARKDOWN_HEADING, ""]
    for (_fp, path, title), group in _by_article(bookmarks):
        lines += [f"## {_one_line(title) or path}", "", f"[{path}](<{_link(path, root)}>)", ""]
        for b in group:
            lines += _markdown_entry(b)
    return "\n".join(lines).rstrip("\n") + "\n"


def citation(quote: str, title: str, source: str | None, date: str | None) -> str:
    """The text ``y`` copies: the passage, then a line with title, source and date."""
    credit = ", ".join(part for part in (_one_line(title), source, date) if part)
    return f"{quote}\n\n— {credit}\n" if credit else f"{quote}\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a crash leaves the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _position(b: Bookmark) -> dict[str, Any]:
    """The stored block position of a passage (empty for a whole article)."""
    if b.quote is None:
        return {}
    return {"block": b.block, "start": b.start, "end_block": b.end_block, "end": b.end}


def _by_article(
    bookmarks: Iterable[Bookmark],
) -> Iterator[tuple[tuple[str, str, str], Iterator[Bookmark]]]:
    """Group bookmarks by article, keeping the order of the first bookmark of each."""
    ordered = sorted(bookmarks, key=lambda b: (b.title.casefold(), b.fingerprint))
    return groupby(ordered, key=lambda b: (b.fingerprint, b.path, b.title))


def _yaml_entry(b: Bookmark) -> dict[str, Any]:
    """One bookmark for the YAML export."""
    entry: dict[str, Any] = {"id": b.uid, "created": b.created, "quote": b.quote, "note": b.note}
    if b.quote is not None:
        entry.update({"prefix": b.prefix, "suffix": b.suffix, "position": _position(b)})
    return entry


def _markdown_entry(b: Bookmark) -> list[str]:
    """Markdown lines for one bookmark: quote as a blockquote, then note and date."""
    lines = []
    if b.quote is None:
        lines += ["*Whole article bookmarked.*", ""]
    else:
        lines += [f"> {line}".rstrip() for line in b.quote.split("\n")] + [""]
    if b.note:
        lines += [f"**Note:** {b.note}", ""]
    lines += [f"<small>{b.created}</small>", ""]
    return lines


def _link(path: str, root: Path | None) -> str:
    """A link target for an article: a file:// URI when the library root is known."""
    if root is None:
        return path
    return (Path(root) / path).absolute().as_uri()


def _one_line(text: str) -> str:
    """Text made safe for a Markdown heading line."""
    return " ".join(text.split())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (not possible on every platform)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@functools.cache
def _literal_dumper() -> type[yaml.SafeDumper]:
    """A safe YAML dumper that writes multi-line text as ``|`` blocks."""
    import yaml

    class LiteralDumper(yaml.SafeDumper):
        """SafeDumper, multi-line strings as blocks."""

    LiteralDumper.add_representer(str, _represent_str)
    return LiteralDumper


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
