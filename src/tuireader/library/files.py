"""Finding and reading article files without hanging, looping or crashing.

A library may hold a FIFO named ``a.txt`` (a blocking read waits forever), a link
to ``/dev/zero`` (never ends), symlink loops, dangling links, files that vanish
between listing and reading, and names that are not UTF-8. :func:`read_limited`
opens non-blocking and reads only regular files up to a size limit;
:func:`walk_library` follows links only as the config's ``follow_links`` says (by
default only links whose target is inside the library), never into ``/proc``, ``/sys``
or ``/dev``, never visits a directory twice, and reports refused links and unreadable
folders as problems instead of skipping them silently.

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
from tuireader.text.filekind import DEFAULT_FOLLOW_LINKS, FOLLOW_LINKS, NEVER_READ, kind_of

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
        return f"file grew past the limit of {_mebibytes(limit)} while it was read"
    shown, cap = _mebibytes(size), _mebibytes(limit)
    if shown == cap or shown == f"{cap[:-4]}.0 MiB":  # 16 MiB + 1 byte: say it in bytes
        return f"file is {size:,} bytes; the limit is {cap} ({limit:,} bytes)"
    return f"file is {shown}; the limit is {cap}"


def _mebibytes(size: int) -> str:
    """``size`` in MiB, one decimal unless it is whole ("17.2 MiB", "16 MiB")."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MiB" if value == int(value) else f"{value:.1f} MiB"


def is_article_name(name: str) -> bool:
    """Does a file name have an article suffix (case-insensitive)?"""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


#: A walk's problem: the path (a refused link, an unreadable folder) and why, for people.
WalkProblem = tuple[Path, str]


def walk_library(
    root: Path,
    follow_links: str = DEFAULT_FOLLOW_LINKS,
    problems: list[WalkProblem] | None = None,
) -> Iterator[Path]:
    """Yield article files under ``root`` in a stable order: in each directory its
    files sorted by name, then each subdirectory (sorted by name) in turn.

    Hidden names (starting with ``.``) are skipped. Links are followed as
    ``follow_links`` says (:data:`FOLLOW_LINKS`) and never into :data:`NEVER_READ`; no
    directory is entered twice, so link cycles end. A refused link (to an article or a
    folder) and a folder that cannot be read are appended to ``problems`` with the
    reason. Broken links never raise: they are yielded and the reader reports them.
    ``root`` itself must be a directory (else nothing).
    """
    visited: set[tuple[int, int]] = set()
    found = problems if problems is not None else []
    inside = os.path.realpath(root)
    if _never_read(inside):
        found.append((Path(root), f"a system folder ({inside}) is never read"))
        return
    stack = [iter([Path(root)])]
    while stack:
        directory = next(stack[-1], None)
        if directory is None:
            stack.pop()
            continue
        entries = _list_new_directory(directory, visited, found)
        subdirs: list[Path] = []
        for entry in entries:
            is_dir = _is_directory(entry)
            if not (is_dir or is_article_name(entry.name)):
                continue
            if entry.is_symlink():
                refused = link_refusal(entry.path, inside, follow_links)
                if refused:
                    found.append((Path(entry.path), refused))
                    continue
            if is_dir:
                subdirs.append(Path(entry.path))
            else:
                yield Path(entry.path)
        stack.append(iter(subdirs))


def link_refusal(path: str | Path, inside: str, follow_links: str) -> str | None:
    """Why the symbolic link at ``path`` must not be followed, or None.

    ``inside`` is the library's real path (``os.path.realpath``).
    """
    target = os.path.realpath(path)
    if _never_read(target):
        return f"symbolic link to {target}: system folders are never read"
    if follow_links == "none":
        return "symbolic link not followed (follow_links: none)"
    if follow_links != "all" and not _is_under(target, inside):
        return f"symbolic link to {target}, outside the library (follow_links: inside)"
    return None


def never_read(path: str | Path) -> str | None:
    """Why ``path`` (after links) must not be read: it is under /proc, /sys or /dev."""
    target = os.path.realpath(path)
    return f"{target} is in a system folder, never read" if _never_read(target) else None


def _never_read(real: str) -> bool:
    return any(_is_under(real, folder) for folder in NEVER_READ)


def _is_under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _list_new_directory(
    directory: Path, visited: set[tuple[int, int]], problems: list[WalkProblem]
) -> list[os.DirEntry[str]]:
    try:
        info = os.stat(directory)
        key = (info.st_dev, info.st_ino)
        if key in visited or not stat.S_ISDIR(info.st_mode):
            return []
        visited.add(key)
        with os.scandir(directory) as scan:
            entries = [entry for entry in scan if not entry.name.startswith(".")]
    except OSError as error:
        problems.append((directory, f"folder cannot be read: {_reason(error)}"))
        return []
    return sorted(entries, key=lambda entry: entry.name)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
