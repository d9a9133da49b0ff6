"""The EPUB zip container, read with bounds: no zip bomb, no path escapes, no DRM.

``zipfile`` is used directly (not ebooklib, which reads every member into memory when a
book is opened, with no size bound): members are opened one at a time and read with
``read(limit + 1)``, so a member whose header lies about its size still stops at the limit.
The central directory is checked first: at most :data:`MAX_MEMBERS` names, none absolute,
with ``..``, a backslash or a control character, declared sizes within
:data:`MAX_MEMBER_BYTES` each and :data:`MAX_TOTAL_BYTES` together, and no member inflating
more than :data:`MAX_RATIO` times. Nothing is ever written out, so the names only matter
for resolving links inside the book: :func:`join_href` keeps them inside the container.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote

from tuireader.library.files import MAX_FILE_BYTES

#: The most members a book may hold (a large illustrated book has a few thousand).
MAX_MEMBERS = 20_000
#: The largest member read (a chapter, the OPF, the TOC): the limit of any article file.
MAX_MEMBER_BYTES = MAX_FILE_BYTES
#: The declared uncompressed size of all members together.
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: How many times a member may inflate; text compresses 3-10 times, bombs 1,000 times.
MAX_RATIO = 200
#: The largest .epub file opened at all (images make books bigger than articles).
MAX_BOOK_FILE_BYTES = 512 * 1024 * 1024
# Small members always pass the ratio check: a 4 KB run of spaces is no bomb.
_RATIO_FLOOR = 64 * 1024
_ENCRYPTION = "META-INF/encryption.xml"


class BookError(Exception):
    """An EPUB that cannot be read as a book; ``str(error)`` is for people."""


class Container:
    """An open EPUB zip: checked names, bounded reads. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        """Open and check ``path``; raises :class:`BookError` for any problem."""
        try:
            size = Path(path).stat().st_size
            if size > MAX_BOOK_FILE_BYTES:
                raise BookError(f"book file is over {MAX_BOOK_FILE_BYTES // 2**20} MB")
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile, ValueError) as exc:
            raise BookError(f"not a readable EPUB (zip) file: {_reason(exc)}") from None
        try:
            self._members = _checked_members(self._zip)
        except BookError:
            self._zip.close()
            raise

    def __enter__(self) -> Container:
        """The container itself."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the zip file."""
        self.close()

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def has(self, name: str) -> bool:
        """Whether the book holds a member named ``name``."""
        return name in self._members

    def read(self, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
        """The bytes of member ``name``, at most ``limit``; BookError when missing or over."""
        info = self._members.get(name)
        if info is None:
            raise BookError(f"missing from the book: {name[:200]}")
        if info.file_size > limit:
            raise BookError(
                f"{name[:200]} is {info.file_size // 2**20} MB; the limit is {limit // 2**20} MB"
            )
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
            raise BookError(f"cannot read {name[:200]}: {_reason(exc)}") from None
        if len(data) > limit:  # the header lied about the size
            raise BookError(f"{name[:200]} inflates past the limit")
        return data


def _checked_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BookError(f"the book holds {len(infos)} files; the limit is {MAX_MEMBERS}")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not is_safe_name(name):
            raise BookError(f"unsafe file name in the book: {name[:100]!r}")
        if info.flag_bits & 0x1:
            raise BookError("the book is encrypted (DRM): it cannot be read")
        _check_size(info)
        total += info.file_size
        members[name] = info
    if total > MAX_TOTAL_BYTES:
        raise BookError(
            f"the book inflates to {total // 2**20} MB; the limit is {MAX_TOTAL_BYTES // 2**20} MB"
        )
    if _ENCRYPTION in members:
        raise BookError("the book is encrypted (DRM): it cannot be read")
    return members


def _check_size(info: zipfile.ZipInfo) -> None:
    # Only the sizes are judged here; reads are bounded again in Container.read.
    if info.file_size > MAX_TOTAL_BYTES:
        raise BookError(f"{info.filename[:100]} is too large")
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise BookError(
            f"{info.filename[:100]} inflates {info.file_size // max(info.compress_size, 1)} times (a zip bomb?)"
        )


def is_safe_name(name: str) -> bool:
    """A member name that stays inside the container: relative, no ``..``, no controls."""
    if not name or name.startswith("/") or "\\" in name or ":" in name.split("/", 1)[0]:
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return False
    return all(part not in ("..", ".") for part in name.split("/"))


def join_href(base: str, href: str) -> str | None:
    """The member a link ``href`` in member ``base`` names (fragment kept), or None.

    Percent escapes are decoded; a link that leaves the container (``../../x``, an
    absolute path, another scheme) gives None.
    """
    path, _, fragment = href.partition("#")
    if "://" in path or path.startswith(("/", "data:", "mailto:")):
        return None
    path = unquote(path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
    if joined.startswith("../") or joined in ("..", ".") or not is_safe_name(joined):
        return None
    return f"{joined}#{fragment}" if fragment else joined


def _reason(exc: BaseException) -> str:
    return str(exc)[:200] or type(exc).__name__
