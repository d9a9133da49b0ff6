"""Finding and reading article files without hanging, looping or crashing.

A library may hold a FIFO named ``a.txt`` (a blocking read waits forever), a link
to ``/dev/zero`` (never ends), symlink loops, dangling links, files that vanish
between listing and reading, and names that are not UTF-8. :func:`read_limited`
opens non-blocking and reads only regular files up to a size limit;
:func:`walk_library` follows directory links but never visits a directory twice.

Catalog keys for these paths (:func:`rel_path_str`, :func:`resolve_rel`) live in
:mod:`tuireader.library.keys` and are re-exported here.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from tuireader.library.keys import rel_path_str, resolve_rel
from tuireader.text.filekind import kind_of

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "FileReadError",
    "is_article_name",
    "read_limited",
    "rel_path_str",
    "resolve_rel",
    "walk_library",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".epub"}
)

_READ_CHUNK = 1024 * 1024


class FileReadError(Exception):
    """A file could not be read; the message is one line, for people."""


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file of at most ``limit`` bytes, or raise :class:`FileReadError`."""
    fd = _open_nonblocking(path)
    try:
        size = _check_regular(os.fstat(fd), limit)
        data = _read_all(fd, size, limit)
    except OSError as error:
        raise FileReadError(f"cannot read: {_reason(error)}") from error
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileReadError(_too_big(len(data), limit, grew=True))
    return data


def _open_nonblocking(path: Path) -> int:
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    try:
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError as error:
        broken = os.path.islink(path)
        message = "broken symbolic link" if broken else "file not found (deleted or moved?)"
        raise FileReadError(message) from error
    except PermissionError as error:
        raise FileReadError("permission denied") from error
    except OSError as error:
        raise FileReadError(f"cannot open: {_reason(error)}") from error


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENXIO:
        return "not a regular file (socket or device)"
    return (error.strerror or str(error)).lower()


def _check_regular(info: os.stat_result, limit: int) -> int:
    """The file's size, after making sure it is a regular file within the limit."""
    kind = kind_of(info.st_mode)
    if kind == "a folder":
        raise FileReadError("is a folder")
    if kind is not None:
        raise FileReadError(f"not a regular file: it is {kind}")
    if info.st_size > limit:
        raise FileReadError(_too_big(info.st_size, limit))
    return info.st_size


def _read_all(fd: int, size: int, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes: usually one read of the size fstat gave.

    Asking for one byte more than the size tells at once whether the file ended there.
    Anything else (a file that grew or shrank, a size of 0 from a file system that does
    not know it, a short read) is read on in chunks to the end.
    """
    first = os.read(fd, min(size, limit) + 1)
    if len(first) == size:
        return first
    return first + _read_at_most(fd, limit + 1 - len(first))


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(fd, min(remaining, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _too_big(size: int, limit: int, grew: bool = False) -> str:
    if grew:  # it grew between fstat and read
        return f"file is over the limit of {_megabytes(limit)}"
    return f"file is {_megabytes(size)}; the limit is {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def is_article_name(name: str) -> bool:
    """Does a file name have an article suffix (case-insensitive)?"""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def walk_library(root: Path) -> Iterator[Path]:
    """Yield article files under ``root`` in a stable order: in each directory its
    files sorted by name, then each subdirectory (sorted by name) in turn.

    Hidden names (starting with ``.``) are skipped. Directory links are followed,
    but no directory is entered twice, so link cycles end. Unreadable directories
    and broken links never raise: files are yielded by name and the reader reports
    what is wrong with them. ``root`` itself must be a directory (else nothing).
    """
    visited: set[tuple[int, int]] = set()
    stack = [iter([Path(root)])]
    while stack:
        directory = next(stack[-1], None)
        if directory is None:
            stack.pop()
            continue
        entries = _list_new_directory(directory, visited)
        subdirs: list[Path] = []
        for entry in entries:
            if _is_directory(entry):
                subdirs.append(Path(entry.path))
            elif is_article_name(entry.name):
                yield Path(entry.path)
        stack.append(iter(subdirs))


def _list_new_directory(directory: Path, visited: set[tuple[int, int]]) -> list[os.DirEntry[str]]:
    try:
        info = os.stat(directory)
        key = (info.st_dev, info.st_ino)
        if key in visited or not stat.S_ISDIR(info.st_mode):
            return []
        visited.add(key)
        with os.scandir(directory) as scan:
            entries = [entry for entry in scan if not entry.name.startswith(".")]
    except OSError:
        return []
    return sorted(entries, key=lambda entry: entry.name)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
