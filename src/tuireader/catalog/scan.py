"""Bring the catalog up to date with the files: stat everything, parse what changed.

A file whose size and mtime_ns match the catalog is only stat'ed, so rescanning an
unchanged library costs one directory walk. New and changed files are parsed in worker
processes when there are many of them (parsing is CPU-bound, the GIL would serialize
threads), serially otherwise. Results are written in batches of small transactions so a
reader on another connection sees progress and is never blocked for long.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tuireader.catalog import fts as search_index
from tuireader.catalog.codec import Job, Outcome
from tuireader.catalog.db import connect
from tuireader.catalog.parse import parse_all
from tuireader.catalog.write import Writer
from tuireader.library.books import is_book_name, split_chapter_key
from tuireader.library.files import DEFAULT_FOLLOW_LINKS, WalkProblem, walk_library
from tuireader.library.keys import rel_path_str

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
) -> ScanReport:
    """Scan ``root`` into the catalog at ``db_path`` using a connection of its own.

    Links are followed as ``follow_links`` says; refused links and unreadable folders
    are stored as problems like unreadable files.

    Raises :class:`LibraryMissingError` when ``root`` is not a folder (an unmounted drive,
    say) rather than emptying the catalog as if every article had been deleted.
    """
    if not root.is_dir():
        raise LibraryMissingError(f"library folder not found: {root}")
    conn = connect(db_path)
    try:
        search_index.ensure_schema(conn)
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
        plan = _plan(root, known, known_problems, follow_links)
        writer = Writer(conn, {path: facts[0] for path, facts in known.items()})
        writer.remove_vanished(plan.vanished_ids, plan.vanished_problems)
        for job, message in plan.refused:
            writer.put(Outcome(job, None, message))
        stale = 0
        for outcomes in parse_all(plan.jobs, progress):
            for outcome in outcomes:
                writer.put(outcome)
            stale += _drop_lost_chapters(writer, outcomes, known, known_problems)
        writer.flush()
        total_problems = conn.execute("SELECT count(*) FROM problems").fetchone()[0]
    finally:
        conn.close()
    return ScanReport(
        added=writer.added,
        updated=writer.updated,
        removed=len(plan.vanished_ids) + writer.dropped + stale,
        unchanged=plan.unchanged,
        problems=total_problems,
    )


def _plan(
    root: Path,
    known: dict[str, tuple[int, int, int]],
    known_problems: dict[str, tuple[int, int]],
    follow_links: str,
) -> _Plan:
    """Stat every file under ``root`` and decide which ones need parsing."""
    jobs: list[Job] = []
    seen: set[str] = set()
    unchanged = 0
    chapters = _chapters_by_book(known, known_problems)
    walk_problems: list[WalkProblem] = []
    for path, rel, size, mtime in _stat_all(root, follow_links, walk_problems):
        seen.add(rel)
        facts = known.get(rel)
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
            jobs.append(Job(path, root, rel, size, mtime))
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
        size, mtime = info.st_size, info.st_mtime_ns
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


def _stat_all(
    root: Path,
    follow_links: str = DEFAULT_FOLLOW_LINKS,
    problems: list[WalkProblem] | None = None,
) -> Iterator[tuple[Path, str, int, int]]:
    """Each library file with its relative key, size and mtime_ns; vanished ones skipped
    (refused links and unreadable folders go to ``problems``)."""
    for path in walk_library(root, follow_links, problems):
        try:
            stat = os.stat(path)
        except OSError:
            try:  # a dangling link: still listed, so reading it records the problem
                stat = os.lstat(path)
            except OSError:
                continue  # deleted between listing and stat: it simply is not there
        yield path, rel_path_str(path, root), stat.st_size, stat.st_mtime_ns


__all__ = ["LibraryMissingError", "Outcome", "Progress", "ScanReport", "scan_library"]
