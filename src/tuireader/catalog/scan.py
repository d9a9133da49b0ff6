"""Bring the catalog up to date with the files: stat what may have changed, parse what did.

The walk (:func:`tuireader.library.walk.walk_folders`) lists only the folders whose stamp
changed since the last scan's listings (``catalog.listings``) and, by default, stats every
file (an in-place write changes no folder). When every folder and file is as recorded the
scan ends there, without reading the catalog's rows: an unchanged library costs one stat
per folder and per file. Otherwise each file is compared with the catalog as before, and a
file whose size and mtime_ns match is left alone. New and changed files are parsed in worker
processes when there are many of them (parsing is CPU-bound, the GIL would serialize
threads), serially otherwise. Results are written in batches of small transactions so a
reader on another connection sees progress and is never blocked for long.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tuireader.catalog import fts as search_index
from tuireader.catalog.codec import Job, Outcome
from tuireader.catalog.db import connect
from tuireader.catalog.listings import (
    data_version,
    load_encodings,
    load_listings,
    parsed_with,
    save_listings,
    update_stamps,
)
from tuireader.catalog.write import Writer
from tuireader.library import formats
from tuireader.library.encoding.rules import NO_RULES, EncodingRules
from tuireader.library.keys import is_book_name, rel_path_str, split_chapter_key
from tuireader.library.walk import FolderSeen, Listing, WalkProblem, fact_time, walk_folders
from tuireader.text.filekind import DEFAULT_FOLLOW_LINKS

Progress = Callable[[int, int], None]


class LibraryMissingError(FileNotFoundError):
    """The library folder is not there; the catalog is left as it was."""


@dataclass(frozen=True)
class ScanReport:
    """What a scan changed, in numbers of files; ``problems`` counts all current ones."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: int = 0

    @property
    def changed(self) -> bool:
        """Whether any article was added, updated or removed (problems aside)."""
        return bool(self.added or self.updated or self.removed)


@dataclass
class _Plan:
    """The outcome of the stat pass: files to parse and what is already known."""

    jobs: list[Job]
    vanished_ids: list[int]
    vanished_problems: list[str]
    unchanged: int
    refused: list[tuple[Job, str]]  # links not followed, folders not readable: problems


def scan_library(
    db_path: Path,
    root: Path,
    progress: Progress | None = None,
    follow_links: str = DEFAULT_FOLLOW_LINKS,
    check_files: bool = True,
    also_check: Collection[str] = (),
    encodings: EncodingRules = NO_RULES,
    index: bool = False,
) -> ScanReport:
    """Scan ``root`` into the catalog at ``db_path`` using a connection of its own.

    Links are followed as ``follow_links`` says; refused links and unreadable folders
    are stored as problems like unreadable files. Files are decoded as ``encodings``
    (the config's rules) say; a file whose encoding they change from the rules the
    catalog was read with is read again, changed or not; so is every file when the catalog
    was read by another version of the parsers (``library.formats.PARSER_VERSION``).
    ``check_files=False`` trusts the files
    of unchanged folders without a stat but those whose keys are in ``also_check``: only
    for a caller that learns of in-place writes otherwise, like the app's file watcher
    (see :mod:`tuireader.library.walk`). ``index``: index each article stored for search
    even while the index is not ready (its first build then has little left to do).

    Raises :class:`LibraryMissingError` when ``root`` is not a folder (an unmounted drive,
    say) rather than emptying the catalog as if every article had been deleted.
    """
    if not root.is_dir():
        raise LibraryMissingError(f"library folder not found: {root}")
    conn = connect(db_path)
    try:
        search_index.ensure_schema(conn)
        previous = load_listings(conn)
        since = data_version(conn)
        walk_problems: list[WalkProblem] = []
        folders = list(
            walk_folders(root, follow_links, walk_problems, previous, check_files, also_check)
        )
        read_with = load_encodings(conn)
        same_rules = read_with == (encodings,)
        same_parser = parsed_with(conn) == formats.PARSER_VERSION
        if same_rules and same_parser and not walk_problems and _as_recorded(folders, previous):
            update_stamps(conn, [f for f in folders if previous[f.key].stamp != f.stamp], since)
            return ScanReport(
                unchanged=sum(len(folder.keys) for folder in folders),
                problems=conn.execute("SELECT count(*) FROM problems").fetchone()[0],
            )
        rules = _Rules(encodings, () if same_rules else read_with, reread_all=not same_parser)
        report = _bring_up_to_date(conn, root, folders, walk_problems, progress, rules, index)
        save_listings(conn, folders, since, encodings, formats.PARSER_VERSION)
    finally:
        conn.close()
    return report


@dataclass(frozen=True)
class _Rules:
    """The encoding rules of this scan, and those the catalog was read with when they
    differ (none when they are the same)."""

    now: EncodingRules
    before: tuple[EncodingRules, ...]
    reread_all: bool = False  # the rows were made by another version of the parsers

    def encoding_for(self, rel: str) -> str | None:
        """The encoding set for the file keyed ``rel``: never for a book, whose chapters
        declare their own (see :mod:`tuireader.library.encoding.rules`)."""
        if not self.now or is_book_name(rel):
            return None
        return self.now.encoding_for(rel)

    def changed(self, rel: str, encoding: str | None) -> bool:
        """Whether the file keyed ``rel`` may have been read with another setting than
        ``encoding`` (the one :meth:`encoding_for` gives it now)."""
        if is_book_name(rel):
            return False
        return any(rules.encoding_for(rel) != encoding for rules in self.before)


def _as_recorded(folders: list[FolderSeen], previous: dict[str, Listing]) -> bool:
    """Whether the walk found exactly the folders and files the last listings hold."""
    if len(folders) != len(previous):
        return False
    for folder in folders:
        record = previous.get(folder.key)
        if record is None:
            return False
        if (folder.keys, folder.facts, folder.subdirs) != (
            record.keys,
            record.facts,
            record.subdirs,
        ):
            return False
    return True


def _bring_up_to_date(
    conn: sqlite3.Connection,
    root: Path,
    folders: list[FolderSeen],
    walk_problems: list[WalkProblem],
    progress: Progress | None,
    rules: _Rules,
    index: bool,
) -> ScanReport:
    """Compare every file found with the catalog's rows; parse and store what changed
    (indexing it for search as it goes when ``index`` says so)."""
    from tuireader.catalog.parse import parse_all  # process pools: only when needed

    known = {
        path: (article_id, size, mtime)
        for article_id, path, size, mtime in conn.execute(
            "SELECT id, path, size, mtime_ns FROM articles"
        )
    }
    known_problems = {
        path: (size, mtime)
        for path, size, mtime in conn.execute("SELECT path, size, mtime_ns FROM problems")
    }
    plan = _plan(root, _files(folders), walk_problems, known, known_problems, rules)
    if index and plan.jobs:
        search_index.defer_merging(conn)
    writer = Writer(conn, {path: facts[0] for path, facts in known.items()}, index)
    writer.remove_vanished(plan.vanished_ids, plan.vanished_problems)
    for job, message in plan.refused:
        writer.put(Outcome(job, None, message))
    stale = 0
    for outcomes in parse_all(plan.jobs, progress):
        for outcome in outcomes:
            writer.put(outcome)
        stale += _drop_lost_chapters(writer, outcomes, known, known_problems)
    writer.flush()
    return ScanReport(
        added=writer.added,
        updated=writer.updated,
        removed=len(plan.vanished_ids) + writer.dropped + stale,
        unchanged=plan.unchanged,
        problems=conn.execute("SELECT count(*) FROM problems").fetchone()[0],
    )


def _files(folders: list[FolderSeen]) -> Iterator[tuple[str, str, int, int]]:
    """Each file of the walk: its path, catalog key, size and mtime_ns."""
    for folder in folders:
        for index in range(len(folder.keys)):
            size, mtime = folder.file_facts(index)
            yield folder.file_path(index), folder.file_key(index), size, mtime


def _plan(
    root: Path,
    files: Iterable[tuple[str, str, int, int]],
    walk_problems: list[WalkProblem],
    known: dict[str, tuple[int, int, int]],
    known_problems: dict[str, tuple[int, int]],
    rules: _Rules,
) -> _Plan:
    """Decide which of the files found need parsing and which rows are gone: those new or
    changed, those whose encoding setting changed, and all of them when the rows were
    made by another version of the parsers."""
    jobs: list[Job] = []
    seen: set[str] = set()
    unchanged = 0
    chapters = _chapters_by_book(known, known_problems)
    for path, rel, size, mtime in files:
        seen.add(rel)
        facts = known.get(rel)
        encoding = rules.encoding_for(rel)
        if rules.reread_all or (rules.before and rules.changed(rel, encoding)):
            if rel in chapters:  # a book read again: the chapters it lost are dropped after
                seen.update(chapters[rel].keys)
            jobs.append(Job(Path(path), root, rel, size, mtime, encoding))
            continue
        book = chapters.get(rel)
        if book is not None:
            # A book's chapters stay while the book file is the same (else it is re-read
            # and the chapters it no longer has are dropped after: _drop_lost_chapters).
            seen.update(book.keys)
            if book.facts == {(size, mtime)}:
                unchanged += 1
                continue
        if facts is not None and facts[1:] == (size, mtime):
            unchanged += 1
        elif facts is None and known_problems.get(rel) == (size, mtime):
            unchanged += 1  # still the same broken file: do not retry it
        else:
            jobs.append(Job(Path(path), root, rel, size, mtime, encoding))
    refused = [(_problem_job(path, root), message) for path, message in walk_problems]
    seen.update(job.rel for job, _message in refused)
    return _Plan(
        jobs=jobs,
        vanished_ids=[facts[0] for rel, facts in known.items() if rel not in seen],
        vanished_problems=[rel for rel in known_problems if rel not in seen],
        unchanged=unchanged,
        refused=refused,
    )


def _problem_job(path: Path, root: Path) -> Job:
    """A Job standing for a refused link or an unreadable folder (its own stat facts)."""
    try:
        info = os.lstat(path)
        size, mtime = info.st_size, fact_time(info.st_mtime_ns)
    except OSError:
        size, mtime = 0, 0
    rel = rel_path_str(path, root) if path != root else "."
    return Job(path, root, rel, size, mtime)


@dataclass
class _BookRows:
    """What the catalog holds for one book file: chapter keys and their stat facts."""

    keys: set[str]
    facts: set[tuple[int, int]]


def _chapters_by_book(
    known: dict[str, tuple[int, int, int]], known_problems: dict[str, tuple[int, int]]
) -> dict[str, _BookRows]:
    """Book key → its chapter rows (articles and per-chapter problems)."""
    books: dict[str, _BookRows] = {}
    rows = [(rel, facts[1:]) for rel, facts in known.items()] + list(known_problems.items())
    for rel, facts in rows:
        found = split_chapter_key(rel) if "#" in rel else None
        if found is not None:
            book = books.setdefault(found[0], _BookRows(set(), set()))
            book.keys.add(rel)
            book.facts.add(facts)
    return books


def _drop_lost_chapters(
    writer: Writer,
    outcomes: list[Outcome],
    known: dict[str, tuple[int, int, int]],
    known_problems: dict[str, tuple[int, int]],
) -> int:
    """After a book was re-read, forget the chapters it no longer has; how many."""
    found = split_chapter_key(outcomes[0].job.rel) if outcomes else None
    book = found[0] if found else (outcomes[0].job.rel if outcomes else "")
    if not is_book_name(book):
        return 0
    prefix = f"{book}#"
    kept = {outcome.job.rel for outcome in outcomes}
    lost_ids = [f[0] for rel, f in known.items() if rel.startswith(prefix) and rel not in kept]
    lost_problems = [rel for rel in known_problems if rel.startswith(prefix) and rel not in kept]
    if book in known_problems and book not in kept:  # the book reads again
        lost_problems.append(book)
    if lost_ids or lost_problems:
        writer.remove_vanished(lost_ids, lost_problems)
    return len(lost_ids)


__all__ = ["LibraryMissingError", "Outcome", "Progress", "ScanReport", "scan_library"]
