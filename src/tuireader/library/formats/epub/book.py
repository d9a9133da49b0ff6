"""A book as the library sees it: metadata, TOC, and each chapter's title and sections.

:func:`open_book` reads only the package files (container, OPF, nav or NCX); chapters are
read one at a time (``Container.read`` of a chapter's member, see
:func:`tuireader.library.books.load_chapter`), so opening the third chapter of a 2 MB book
reads the third chapter's member and nothing else.

A chapter's place in the section tree comes from the TOC: the chapter is the first TOC
entry that points at its document; its sections are the labels of that entry's parents,
and the entry itself when it has sub-entries (a part's own page sits inside the part). A
document with no TOC entry stays in the sections of the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tuireader.library.formats.epub.container import BookError, Container
from tuireader.library.formats.epub.opf import BookMeta, read_package
from tuireader.library.formats.epub.toc import TocEntry, read_toc

__all__ = [
    "Book",
    "BookError",
    "BookMeta",
    "ChapterInfo",
    "Container",
    "open_book",
    "read_book",
]


@dataclass(frozen=True, slots=True)
class ChapterInfo:
    """One spine document: its member name, its TOC title (or None) and TOC sections."""

    index: int
    member: str
    title: str | None
    sections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Book:
    """What the package files say: metadata, the TOC, the chapters in reading order."""

    meta: BookMeta
    toc: tuple[TocEntry, ...]
    chapters: tuple[ChapterInfo, ...]


def open_book(path: Path) -> Book:
    """Read a book's package files; :class:`BookError` when it cannot be a book."""
    with Container(path) as container:
        return read_book(container)


def read_book(container: Container) -> Book:
    """:func:`open_book` on a container that is already open."""
    package = read_package(container)
    toc = read_toc(container, package.nav, package.ncx)
    return Book(package.meta, toc, _place_chapters(package.spine, toc))


def _place_chapters(spine: tuple[str, ...], toc: tuple[TocEntry, ...]) -> tuple[ChapterInfo, ...]:
    placed = _first_entries(toc)
    chapters: list[ChapterInfo] = []
    sections: tuple[str, ...] = ()
    for index, member in enumerate(spine):
        found = placed.get(member)
        title = None
        if found is not None:
            title, sections = found
        chapters.append(ChapterInfo(index, member, title or None, sections))
    return tuple(chapters)


def _first_entries(toc: tuple[TocEntry, ...]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """member → (label, sections) of the first TOC entry pointing into it."""
    placed: dict[str, tuple[str, tuple[str, ...]]] = {}
    parents: list[str] = []
    for position, entry in enumerate(toc):
        del parents[entry.depth :]
        parents.extend([""] * (entry.depth - len(parents)))  # a skipped level
        has_children = position + 1 < len(toc) and toc[position + 1].depth > entry.depth
        if entry.target is not None:
            member = entry.target.partition("#")[0]
            if member not in placed:
                own = (entry.label,) if has_children and entry.label else ()
                placed[member] = (entry.label, tuple(p for p in parents if p) + own)
        parents.append(entry.label)
    return placed
