"""Check stored bookmarks against the files as they are now.

For each bookmark: the file at its last path (same fingerprint → in place); otherwise
that file edited in place (its passage found again, or for a whole-article bookmark its
title unchanged → ``reanchored``: a copy of the old text elsewhere does not win over
it); otherwise the article found elsewhere in the library by fingerprint, or, edited and
then moved, the one other article with its title (→ ``moved``); otherwise the file at the
old path as it is; otherwise ``orphaned`` — kept, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

from tuireader.library.files import walk_library
from tuireader.library.keys import (
    chapter_key,
    is_book_name,
    rel_path_str,
    resolve_rel,
    split_chapter_key,
)
from tuireader.library.model import Article, Bookmark
from tuireader.state.anchors import ANCHORED, MOVED, ORPHANED, REANCHORED, Placement, QuoteSelector
from tuireader.state.anchors import reanchor as place_quote
from tuireader.state.bookmarks import Bookmarks
from tuireader.state.safety import StateWriteError

LoadFn = Callable[[Path, Path], Article]
FingerprintFn = Callable[[Article], str]


@dataclass(frozen=True, slots=True)
class BookmarkCheck:
    """Where a bookmark stands now: status, the article's current path, the placement."""

    status: str
    path: str
    placement: Placement | None = None


def selector_of(b: Bookmark) -> QuoteSelector:
    """The quote selector stored in a passage bookmark."""
    return QuoteSelector(
        quote=b.quote or "",
        prefix=b.prefix,
        suffix=b.suffix,
        block=b.block if b.block is not None else -1,
        start=b.start or 0,
        end_block=b.end_block if b.end_block is not None else -1,
        end=b.end or 0,
    )


def placements_for(article: Article, bookmarks: list[Bookmark]) -> list[tuple[Bookmark, Placement]]:
    """Where each passage bookmark lies in ``article`` now (for highlights in the reader).

    Whole-article bookmarks are skipped; an orphaned passage comes back with status
    ``orphaned`` and no position, so it can be listed with its quote and note.
    """
    return [(b, place_quote(selector_of(b), article)) for b in bookmarks if b.quote is not None]


def refresh_placements(
    bookmarks: Bookmarks, article: Article, fp: str
) -> list[tuple[Bookmark, Placement]]:
    """Place an opened article's passages and store where they moved to (self-healing).

    Passages found by the article's path after an edit take its new fingerprint and
    position, so the list mark and the next placement are exact again. Orphaned ones and
    whole-article bookmarks are left untouched; a failed write (read-only) only skips the
    update. Returns what :func:`placements_for` returns.
    """
    placed = placements_for(article, bookmarks.of_article(fp, article.path or None))
    for b, placement in placed:
        if placement.status == ORPHANED or placement.start is None or placement.end is None:
            continue
        moved = (
            placement.start.block,
            placement.start.offset,
            placement.end.block,
            placement.end.offset,
        )
        if (b.fingerprint, b.path, b.block, b.start, b.end_block, b.end) == (
            fp,
            article.path,
            *moved,
        ):
            continue
        new = replace(b, block=moved[0], start=moved[1], end_block=moved[2], end=moved[3])
        with suppress(StateWriteError):
            bookmarks.relocate(b.id, fp, article.path, new)
    return placed


class BookmarkChecker:
    """Checks bookmarks against one library, loading each file at most once."""

    def __init__(self, root: Path, load: LoadFn, fingerprint: FingerprintFn) -> None:
        """``load(path, root)`` reads an article; ``fingerprint`` identifies it."""
        self.root = Path(root)
        self._load_fn, self._fingerprint = load, fingerprint
        self._articles: dict[str, tuple[Article, str] | None] = {}
        self._by_fingerprint: dict[str, str] | None = None
        self._by_title: dict[str, list[str]] = {}

    def check(self, b: Bookmark) -> BookmarkCheck:
        """The status of one bookmark: anchored, moved, reanchored or orphaned."""
        here = self._article(b.path)
        if here is not None and here[1] == b.fingerprint:
            return self._place(b, here[0], b.path, moved=False)
        if here is not None:  # edited in place? (before a copy of the old text elsewhere)
            in_place = self._edited_here(b, here[0])
            if in_place is not None:
                return in_place
        moved_to = self._locate(b.fingerprint) or self._retitled(b)
        if moved_to is not None:
            found = self._article(moved_to)
            if found is not None:
                return self._place(b, found[0], moved_to, moved=True)
        if here is not None:
            if b.quote is None:  # another article at its path: the nearest we know
                return BookmarkCheck(REANCHORED, b.path)
            placement = place_quote(selector_of(b), here[0])
            return BookmarkCheck(placement.status, b.path, placement)
        return BookmarkCheck(ORPHANED, b.path)

    def _edited_here(self, b: Bookmark, article: Article) -> BookmarkCheck | None:
        """The check of a bookmark whose file was edited in place: the passage found in
        it again, or (a whole-article bookmark) the same title; None when it is not."""
        if b.quote is None:
            return BookmarkCheck(REANCHORED, b.path) if article.title == b.title else None
        placement = place_quote(selector_of(b), article)
        if placement.status == ORPHANED:
            return None
        return BookmarkCheck(placement.status, b.path, placement)

    def _retitled(self, b: Bookmark) -> str | None:
        """Edited and moved: the one other article with the bookmark's title, if any."""
        if not b.title.strip():
            return None
        self._locate(b.fingerprint)  # the walk also lists titles
        found = [path for path in self._by_title.get(b.title, []) if path != b.path]
        return found[0] if len(found) == 1 else None

    def _place(self, b: Bookmark, article: Article, path: str, moved: bool) -> BookmarkCheck:
        """Status for a bookmark whose article was found unchanged at ``path``."""
        if b.quote is None:
            return BookmarkCheck(MOVED if moved else ANCHORED, path)
        placement = place_quote(selector_of(b), article)
        status = placement.status
        if moved and status != ORPHANED:
            status = MOVED
        return BookmarkCheck(status, path, placement)

    def _article(self, path: str) -> tuple[Article, str] | None:
        """The article at a library path and its fingerprint (None if missing/unreadable)."""
        if path not in self._articles:
            self._articles[path] = None
            chapter = split_chapter_key(path)  # a chapter of an EPUB book
            file = self._file_of(chapter[0] if chapter else path)
            root = file.parent if Path(path).is_absolute() else self.root
            if file.is_file():
                # Deferred: the book reader brings every parser, and the UI imports this
                # module on the way to its first frame.
                from tuireader.library.books import load_chapter

                try:
                    if chapter:
                        article = load_chapter(file, root, chapter[1])
                    else:
                        article = self._load_fn(file, root)
                except Exception:  # noqa: BLE001 - any unreadable file only means "not here"
                    return None
                self._articles[path] = (article, self._fingerprint(article))
        return self._articles[path]

    def _file_of(self, path: str) -> Path:
        """The file a bookmark's path names: a catalog key under the root (odd names are
        escaped), else the path as it is (an absolute path outside the library)."""
        if not Path(path).is_absolute():
            with suppress(ValueError):
                return resolve_rel(self.root, path)
        return self.root / path

    def _locate(self, fp: str) -> str | None:
        """The library path of the article with fingerprint ``fp`` (walks once, lazily)."""
        if self._by_fingerprint is None:
            self._by_fingerprint = {}
            for path in self.library_files():
                found = self._article(path)
                if found is not None:
                    self._by_fingerprint.setdefault(found[1], path)
                    self._by_title.setdefault(found[0].title, []).append(path)
        return self._by_fingerprint.get(fp)

    def library_files(self) -> list[str]:
        """Catalog keys of the library's article files: the same walk and keys as a scan."""
        from tuireader.library.formats.epub.book import BookError, open_book  # see _article

        keys: list[str] = []
        for path in walk_library(self.root):
            rel = rel_path_str(path, self.root)
            if not is_book_name(rel):
                keys.append(rel)
                continue
            with suppress(BookError):  # a broken book holds no bookmarkable chapter
                keys.extend(chapter_key(rel, c.index) for c in open_book(path).chapters)
        return keys
