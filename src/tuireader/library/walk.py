"""Walking a library folder: which files are articles, in a stable order, and cheaply again.

:func:`walk_folders` visits each folder once with ``os.scandir`` (``DirEntry`` all the
way: no ``pathlib.Path`` per file) and reports, per folder, its article files with their
size and mtime and the subfolders it follows. Given the previous walk's listings it skips
what did not change:

* A folder whose stamp — device, inode, mtime and ctime — is the one recorded last time
  is not listed again: its names come from the record. Creating, deleting or renaming an
  entry changes the folder's mtime and ctime, and setting the mtime back (``touch -d``,
  ``tar``, ``rsync -t``) still changes its ctime, which no user can set. A file system
  mounted on a subfolder changes that folder's device and inode.
* Not safe, so never skipped: a folder that holds a symbolic link (its target can change
  without the folder changing), a folder reached through a link (a file watcher on the
  library need not see into it), and a folder whose ctime is within :data:`RACY_NS` of the
  walk's start (a change in the same clock tick as the listing would keep the stamp: the
  "racy" case git knows too). Both are listed every time.
* An in-place write to a file (``open(..., "w")``: nano, VS Code, ``>``) changes the
  file's mtime, never its folder's. So with ``check_files`` (the default) every file of a
  skipped folder is still stat'ed — the cheap per-file check. Without it (only when
  something else reports in-place writes, like the app's file watcher, whose reported
  files are passed as ``also_check``) a skipped folder's other files are trusted as
  recorded. A watcher that misses events (an inotify queue overflow) misses those
  writes until the next full check: the app's start, or ``r``.
* File systems that do not keep directory times (some FUSE and network mounts, or NFS
  attribute caching for up to a minute) defeat the stamp; ``check_files`` still catches
  changed files there, but a new file in such a folder waits for its stamp to change.

Hidden names (starting with ``.``) are skipped. Links are followed as ``follow_links``
says (:data:`FOLLOW_LINKS`) and never into :data:`NEVER_READ`; no directory is entered
twice, so link cycles end. Refused links and unreadable folders become problems. Broken
links and FIFOs are listed by name, so reading them records what is wrong.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from array import array
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple, TypeAlias

from tuireader.library.keys import name_from_key, name_key
from tuireader.text.filekind import DEFAULT_FOLLOW_LINKS, FOLLOW_LINKS, NEVER_READ

__all__ = [
    "ARTICLE_SUFFIXES",
    "FOLLOW_LINKS",
    "RACY_NS",
    "Facts",
    "FolderSeen",
    "Listing",
    "WalkProblem",
    "is_article_name",
    "link_refusal",
    "never_read",
    "os_reason",
    "walk_folders",
    "walk_library",
]

ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".epub"}
)
#: A folder changed this close to the walk's start (or later) is listed again next time.
RACY_NS = 2_000_000_000
#: Part of every stamp: a walk that lists differently (new suffixes) ignores old records.
_STAMP_VERSION = "1"

#: A walk's problem: the path (a refused link, an unreadable folder) and why, for people.
WalkProblem = tuple[Path, str]

#: The size and mtime_ns of each file of a folder, flat: ``[size0, mtime0, size1, ...]``
#: (typecode ``q``). One array per folder, not a list per file: the per-file check of an
#: unchanged library compares against it without building an object per file, and the
#: catalog stores it as raw bytes (see :mod:`tuireader.catalog.listings`).
Facts: TypeAlias = "array[int]"


def new_facts() -> Facts:
    """An empty :data:`Facts` array."""
    return array("q")


def fact_time(mtime_ns: int) -> int:
    """``mtime_ns`` as it is kept: wrapped into 64 bits (SQLite's integers, the facts'
    typecode). Only an mtime past the year 2262 (or before 1677) changes, and it stays
    distinct from every other mtime within 584 years of it."""
    if -(2**63) <= mtime_ns < 2**63:
        return mtime_ns
    return (mtime_ns + 2**63) % 2**64 - 2**63


class Listing(NamedTuple):
    """What an earlier walk recorded for one folder (the catalog keeps these)."""

    stamp: str | None  # None: list the folder again
    subdirs: list[str]  # keys of the subfolders followed, sorted
    keys: list[str]  # keys of the article files, sorted
    facts: Facts  # size and mtime_ns of each file, flat


class FolderSeen(NamedTuple):
    """One folder as this walk saw it."""

    path: str  # the folder as reached from the root (for opening its files)
    key: str  # its catalog key, "" for the root
    stamp: str | None  # what must match to skip listing it next time; None: never skip
    names: list[str]  # article file names, sorted
    keys: list[str]  # their catalog keys (name_key of each)
    facts: Facts  # size and mtime_ns of each, flat, as stat'ed (or recorded)
    subdirs: list[str]  # keys of the subfolders followed, sorted
    listed: bool  # listed now (False: names from the previous walk's record)

    def listing(self) -> Listing:
        """The record to keep for the next walk."""
        return Listing(self.stamp, self.subdirs, self.keys, self.facts)

    def file_key(self, index: int) -> str:
        """The catalog key of the ``index``-th file (library-relative)."""
        return f"{self.key}/{self.keys[index]}" if self.key else self.keys[index]

    def file_path(self, index: int) -> str:
        """The path of the ``index``-th file."""
        return _join(self.path, self.names[index])

    def file_facts(self, index: int) -> tuple[int, int]:
        """The size and mtime_ns of the ``index``-th file."""
        return self.facts[2 * index], self.facts[2 * index + 1]


def is_article_name(name: str) -> bool:
    """Does a file name have an article suffix (case-insensitive)?"""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def walk_library(
    root: Path,
    follow_links: str = DEFAULT_FOLLOW_LINKS,
    problems: list[WalkProblem] | None = None,
) -> Iterator[Path]:
    """Yield article files under ``root`` in a stable order: in each directory its
    files sorted by name, then each subdirectory (sorted by name) in turn.

    See the module: hidden names skipped, links as ``follow_links`` says, refused links
    and unreadable folders appended to ``problems``. ``root`` must be a folder (else
    nothing).
    """
    for folder in walk_folders(root, follow_links, problems, check_files=False):
        for name in folder.names:
            yield Path(_join(folder.path, name))


def walk_folders(
    root: Path,
    follow_links: str = DEFAULT_FOLLOW_LINKS,
    problems: list[WalkProblem] | None = None,
    previous: Mapping[str, Listing] | None = None,
    check_files: bool = True,
    also_check: Collection[str] = (),
) -> Iterator[FolderSeen]:
    """Each folder under ``root`` (itself first), depth first, subfolders by name.

    ``previous`` holds the records of an earlier walk by folder key: a folder whose stamp
    matches is not listed again (see the module for when that is safe). With
    ``check_files`` the files of such a folder are still stat'ed; without it only those
    whose catalog keys are in ``also_check``. A file that cannot be stat'ed any more is
    left out (and the folder gets no stamp). Listed folders stat each
    file (a dangling link by ``lstat``); a file gone between listing and stat is left out.
    """
    found = problems if problems is not None else []
    inside = os.path.realpath(root)
    if _never_read(inside):
        found.append((Path(root), f"a system folder ({inside}) is never read"))
        return
    walker = _Walker(inside, follow_links, found, previous or {}, check_files, also_check)
    stack = [iter([(os.fspath(root), "")])]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        folder = walker.visit(*item)
        if folder is None:
            continue
        yield folder
        prefix = f"{folder.key}/" if folder.key else ""
        stack.append(
            iter([(_join(folder.path, name_from_key(k)), prefix + k) for k in folder.subdirs])
        )


class _Walker:
    """The state of one walk: folders entered, problems, the records to compare with."""

    def __init__(
        self,
        inside: str,
        follow_links: str,
        problems: list[WalkProblem],
        previous: Mapping[str, Listing],
        check_files: bool,
        also_check: Collection[str],
    ) -> None:
        self.inside = inside
        self.follow_links = follow_links
        self.problems = problems
        self.previous = previous
        self.check_files = check_files
        self.also_check: dict[str, set[str]] = {}  # folder key → file keys in it
        for file_key in also_check:
            folder, _, name = file_key.rpartition("/")
            self.also_check.setdefault(folder, set()).add(name)
        self.visited: set[tuple[int, int]] = set()
        self.via_link: set[str] = set()  # keys of folders reached through a link
        self.settled_before = time.time_ns() - RACY_NS

    def visit(self, path: str, key: str) -> FolderSeen | None:
        """The folder at ``path``, or None (not a folder, entered before, unreadable)."""
        try:
            info = os.stat(path)
        except OSError as error:
            self.problems.append((Path(path), f"folder cannot be read: {os_reason(error)}"))
            return None
        ident = (info.st_dev, info.st_ino)
        if ident in self.visited or not stat.S_ISDIR(info.st_mode):
            return None
        self.visited.add(ident)
        stamp = ":".join((_STAMP_VERSION, *map(str, (*ident, info.st_mtime_ns, info.st_ctime_ns))))
        if key and key.rpartition("/")[0] in self.via_link:
            self.via_link.add(key)
        record = self.previous.get(key)
        if record is not None and record.stamp == stamp and key not in self.via_link:
            return self._from_record(path, key, record)
        settled = info.st_ctime_ns < self.settled_before and key not in self.via_link
        return self._list(path, key, stamp if settled else None)

    def _from_record(self, path: str, key: str, record: Listing) -> FolderSeen | None:
        """A folder that has not changed: its names from the record, its files stat'ed
        again (only those in ``also_check`` when files are trusted). A file that cannot
        be stat'ed (gone this instant) has the folder listed now instead, without stamp."""
        names = [name_from_key(k) if "\\" in k else k for k in record.keys]
        prefix = path if path.endswith(os.sep) else path + os.sep
        facts = record.facts
        try:
            if self.check_files:  # this loop is most of a rescan's time
                facts = _stat_all(path, prefix, names, record.facts)
            elif key in self.also_check:
                facts = self._also_checked(prefix, self.also_check[key], record, names)
        except OSError:
            return self._list(path, key, None)
        return FolderSeen(path, key, record.stamp, names, record.keys, facts, record.subdirs,
                          listed=False)  # fmt: skip

    @staticmethod
    def _also_checked(prefix: str, wanted: set[str], record: Listing, names: list[str]) -> Facts:
        """The recorded facts, with those of the ``wanted`` files stat'ed anew."""
        facts = array("q", record.facts)
        for index, file_key in enumerate(record.keys):
            if file_key in wanted:
                info = os.stat(prefix + names[index])
                facts[2 * index], facts[2 * index + 1] = _facts_of(info)
        return facts

    def _list(self, path: str, key: str, stamp: str | None) -> FolderSeen | None:
        """List a folder: its article files stat'ed, its subfolders to follow."""
        try:
            with os.scandir(path) as scan:
                entries = [entry for entry in scan if not entry.name.startswith(".")]
        except OSError as error:
            self.problems.append((Path(path), f"folder cannot be read: {os_reason(error)}"))
            return None
        entries.sort(key=lambda entry: entry.name)
        names: list[str] = []
        facts = new_facts()
        subdirs: list[str] = []
        for entry in entries:
            is_dir = _is_directory(entry)
            if not (is_dir or is_article_name(entry.name)):
                continue
            if entry.is_symlink():
                stamp = None  # the link's target can change while this folder does not
                refused = link_refusal(entry.path, self.inside, self.follow_links)
                if refused:
                    self.problems.append((Path(entry.path), refused))
                    continue
            if is_dir:
                subdirs.append(name_key(entry.name))
                if entry.is_symlink():
                    self.via_link.add(f"{key}/{subdirs[-1]}" if key else subdirs[-1])
                continue
            info = _stat_entry(entry)
            if info is not None:
                names.append(entry.name)
                facts.extend(_facts_of(info))
        keys = [name_key(name) for name in names]
        return FolderSeen(path, key, stamp, names, keys, facts, subdirs, listed=True)


def _stat_all(path: str, prefix: str, names: list[str], recorded: Facts) -> Facts:
    """The size and mtime_ns of each file named in the folder at ``path`` (OSError if one
    is gone): ``recorded`` itself while every file matches it, so an unchanged folder
    costs a stat and two comparisons per file and builds nothing.

    Each stat is relative to the open folder where the system allows it: the kernel then
    resolves one name per file, not the whole path (a quarter less time)."""
    folder = os.open(path, os.O_RDONLY | _FOLDER_FLAGS) if _STAT_IN_FOLDER else None
    try:
        infos: Iterator[os.stat_result]
        if folder is None:
            infos = map(os.stat, [prefix + name for name in names])
        else:
            infos = (os.stat(name, dir_fd=folder) for name in names)
        if len(recorded) == 2 * len(names):
            index = 0
            for info in infos:
                if (
                    info.st_size != recorded[index] or info.st_mtime_ns != recorded[index + 1]
                ) and _facts_of(info) != (recorded[index], recorded[index + 1]):
                    facts = array("q", recorded[:index])
                    facts.extend(_facts_of(info))
                    break
                index += 2
            else:
                return recorded
        else:
            facts = new_facts()
        for info in infos:  # what is left after the first difference
            facts.extend(_facts_of(info))
        return facts
    finally:
        if folder is not None:
            os.close(folder)


def _facts_of(info: os.stat_result) -> tuple[int, int]:
    """A file's size and mtime_ns as the facts keep them (see :func:`fact_time`)."""
    return info.st_size, fact_time(info.st_mtime_ns)


_STAT_IN_FOLDER = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
_FOLDER_FLAGS = getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def _stat_entry(entry: os.DirEntry[str]) -> os.stat_result | None:
    """The entry's stat through links; a dangling link's own; None once it is gone."""
    try:
        return entry.stat()
    except OSError:
        try:  # a dangling link: still listed, so reading it records the problem
            return entry.stat(follow_symlinks=False)
        except OSError:
            return None  # deleted between listing and stat: it simply is not there


def _join(folder: str, name: str) -> str:
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


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


def os_reason(error: OSError) -> str:
    """An OSError in a few words for people ("symbolic link loop", "permission denied")."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENXIO:
        return "not a regular file (socket or device)"
    return (error.strerror or str(error)).lower()
