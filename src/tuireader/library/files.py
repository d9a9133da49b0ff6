"""Finding and reading article files without hanging, looping or crashing.

A library may hold a FIFO named ``a.txt`` (a blocking read waits forever), a link
to ``/dev/zero`` (never ends), symlink loops, dangling links, files that vanish
between listing and reading, and names that are not UTF-8. :func:`read_limited`
opens non-blocking and reads only regular files up to a size limit;
:func:`walk_library` follows links only as the config's ``follow_links`` says (by
default only links whose target is inside the library), never into ``/proc``, ``/sys``
or ``/dev``, never visits a directory twice, and reports refused links and unreadable
folders as problems instead of skipping them silently.

The walk itself lives in :mod:`tuireader.library.walk`; catalog keys for these paths (:func:`rel_path_str`, :func:`resolve_rel`) live in
:mod:`tuireader.library.keys`; both are re-exported here.
"""

from __future__ import annotations

import os
from pathlib import Path

from tuireader.library.keys import rel_path_str, resolve_rel
from tuireader.library.walk import (
    ARTICLE_SUFFIXES,
    WalkProblem,
    is_article_name,
    link_refusal,
    never_read,
    os_reason,
    walk_library,
)
from tuireader.text.filekind import DEFAULT_FOLLOW_LINKS, FOLLOW_LINKS, kind_of

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "FileReadError",
    "is_article_name",
    "read_limited",
    "rel_path_str",
    "resolve_rel",
    "walk_library",
    "link_refusal",
    "never_read",
    "FOLLOW_LINKS",
    "DEFAULT_FOLLOW_LINKS",
    "WalkProblem",
]

MAX_FILE_BYTES = 16 * 1024 * 1024

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
        raise FileReadError(f"cannot read: {os_reason(error)}") from error
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
        raise FileReadError(f"cannot open: {os_reason(error)}") from error


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
        return f"file grew past the limit of {_mebibytes(limit)} while it was read"
    shown, cap = _mebibytes(size), _mebibytes(limit)
    if shown == cap or shown == f"{cap[:-4]}.0 MiB":  # 16 MiB + 1 byte: say it in bytes
        return f"file is {size:,} bytes; the limit is {cap} ({limit:,} bytes)"
    return f"file is {shown}; the limit is {cap}"


def _mebibytes(size: int) -> str:
    """``size`` in MiB, one decimal unless it is whole ("17.2 MiB", "16 MiB")."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"
