"""Catalog keys for library files: reversible, ``/``-separated, always valid UTF-8.

:func:`rel_path_str` gives a relative path with ``/`` separators that
is always valid UTF-8 and unique. A name that is valid UTF-8 without a backslash
is kept as is; any other name is escaped: ``\\`` becomes ``\\\\`` and each
undecodable byte ``\\xNN``. Every escaped key contains a backslash and every
plain key none, so :func:`resolve_rel` maps each key back to its exact name, and
:func:`key_bytes` to its raw bytes.
"""

from __future__ import annotations

import os
from pathlib import Path


def rel_path_str(path: Path, root: Path) -> str:
    """The catalog key of ``path``: relative to ``root``, ``/``-separated, valid UTF-8."""
    quick = _plain_tail(str(path), str(root))
    if quick is not None:
        return quick
    parts = Path(path).relative_to(root).parts
    return "/".join(_name_key(part) for part in parts)


def _plain_tail(path: str, root: str) -> str | None:
    """The key by string slicing, for the usual case; None when the full rule is needed.

    A path under ``root`` whose names are valid UTF-8 without a backslash is its own key
    (``Path`` has already normalized both strings: no ``//``, no ``/./``).
    """
    if os.sep != "/" or "\\" in path:
        return None
    prefix = root if root.endswith("/") else root + "/"
    if not path.startswith(prefix) or len(path) == len(prefix):
        return None
    tail = path[len(prefix) :]
    if not tail.isascii():
        try:
            tail.encode("utf-8")
        except UnicodeEncodeError:  # undecodable bytes (surrogate escapes) in a name
            return None
    return tail


def _name_key(name: str) -> str:
    raw = os.fsencode(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\\" not in text:
            return text
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def resolve_rel(root: Path, rel: str) -> Path:
    """The path a key from :func:`rel_path_str` names under ``root``."""
    parts = [_name_from_key(part) for part in rel.split("/")]
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"not a library path: {rel!r}")
    return Path(root).joinpath(*parts)


def key_bytes(rel: str) -> bytes:
    """The relative path a key names, as the raw bytes of the file system (the way to
    reach a file whose name is not UTF-8 from outside Python)."""
    return b"/".join(os.fsencode(_name_from_key(part)) for part in rel.split("/"))


def _name_from_key(key: str) -> str:
    if "\\" not in key:
        return key
    raw = bytearray()
    i = 0
    while i < len(key):
        if key.startswith("\\\\", i):
            raw += b"\\"
            i += 2
        elif key.startswith("\\x", i) and _is_hex(key[i + 2 : i + 4]):
            raw.append(int(key[i + 2 : i + 4], 16))
            i += 4
        else:
            raw += key[i].encode("utf-8", "surrogateescape")
            i += 1
    return os.fsdecode(bytes(raw))


def _is_hex(digits: str) -> bool:
    return len(digits) == 2 and all(c in "0123456789abcdefABCDEF" for c in digits)


def name_key(name: str) -> str:
    """The key of one file or folder name (one part of a key)."""
    if name.isascii() and "\\" not in name:
        return name  # the usual case, without the round trip through bytes
    return _name_key(name)


def name_from_key(key: str) -> str:
    """The file or folder name one part of a key stands for."""
    return _name_from_key(key)


#: A book file's key, then this, then a chapter's number: the key of one chapter.
CHAPTER_SEPARATOR = "#"
BOOK_SUFFIX = ".epub"


def is_book_name(name: str) -> bool:
    """Whether a file name is an EPUB book (case-insensitive)."""
    return name.lower().endswith(BOOK_SUFFIX)


def chapter_key(rel: str, index: int) -> str:
    """The catalog key of chapter ``index`` of the book keyed ``rel``."""
    return f"{rel}{CHAPTER_SEPARATOR}{index}"


def split_chapter_key(key: str) -> tuple[str, int] | None:
    """(book key, chapter index) for a chapter key; None for any other key."""
    rel, sep, index = key.rpartition(CHAPTER_SEPARATOR)
    if not sep or not is_book_name(rel) or not index.isdigit() or len(index) > 6:
        return None
    return rel, int(index)
