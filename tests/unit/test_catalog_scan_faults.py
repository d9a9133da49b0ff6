"""Scans that meet trouble or report as they go: a parser that raises, worker processes
that die, damaged scan settings, lock files that cannot be made, progress counts."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tuireader.catalog import Catalog
from tuireader.catalog import parse as catalog_parse
from tuireader.catalog.locks import BUILD, SCAN, held, lock_file
from tuireader.library import loader as loader_module
from tuireader.library.loader import ArticleError, load_article


def write_page(root: Path, rel: str, title: str, date: str) -> None:
    """Write a one-paragraph Markdown article with front matter at ``root / rel``."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\nThe body of {title}.\n")


def many_articles(root: Path, count: int) -> list[str]:
    """``count`` articles in two sections; their titles, in path order."""
    paths = {}
    for number in range(count):
        path, title = f"s{number % 2}/a{number:03d}.md", f"Article {number:03d}"
        write_page(root, path, title, f"2024-01-{1 + number % 28:02d}")
        paths[path] = title
    return [paths[path] for path in sorted(paths)]


def later(path: Path) -> None:
    """Move a file's mtime on, so a rewrite is seen even on a coarse clock."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def failing_on(name: str, error: Exception):
    """A loader that raises ``error`` for the file called ``name`` and loads the rest."""

    def load(path, root, encoding=None):
        if Path(path).name == name:
            raise error
        return load_article(path, root, encoding)

    return load


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RuntimeError("a bug in a parser"), "could not load: RuntimeError"),
        (RecursionError(), "could not load: RecursionError"),
        (ArticleError(""), "could not load"),
        (ArticleError("not an article: empty"), "not an article: empty"),
    ],
)
def test_a_file_the_loader_fails_on_costs_that_file_only(
    tmp_path, library, monkeypatch, error, message
) -> None:
    monkeypatch.setattr(loader_module, "load_article", failing_on("tea.md", error))
    cat = Catalog(tmp_path / "c.db", library)
    try:
        report = cat.scan()
        assert (report.added, report.problems) == (4, 1)
        assert [(p.path, p.error) for p in cat.problems()] == [("essays/tea.md", message)]
        assert "On tea" not in [row.title for row in cat.rows(limit=10)]
        # Not tried again while the file stays as it is; read once it changes.
        assert cat.scan().unchanged == 5
        monkeypatch.undo()
        later(library / "essays" / "tea.md")
        report = cat.scan()
        assert (report.added, report.problems) == (1, 0)
        assert cat.problems() == []
        assert "On tea" in [row.title for row in cat.rows(limit=10)]
    finally:
        cat.close()


def test_a_file_that_starts_failing_leaves_the_listings(tmp_path, library, monkeypatch) -> None:
    cat = Catalog(tmp_path / "c.db", library)
    try:
        cat.scan()
        later(library / "essays" / "tea.md")
        monkeypatch.setattr(loader_module, "load_article", failing_on("tea.md", ValueError()))
        report = cat.scan()
        assert (report.updated, report.removed, report.problems) == (0, 1, 1)
        assert cat.count() == 4 and cat.count(("essays",)) == 0
        assert [(p.path, p.error) for p in cat.problems()] == [
            ("essays/tea.md", "could not load: ValueError")
        ]
    finally:
        cat.close()


def test_progress_counts_every_file_parsed_and_only_those(tmp_path, library) -> None:
    seen: list[tuple[int, int]] = []
    cat = Catalog(tmp_path / "c.db", library)
    try:
        cat.scan(lambda done, total: seen.append((done, total)))
        assert seen == [(n, 5) for n in range(1, 6)]
        seen.clear()
        cat.scan(lambda done, total: seen.append((done, total)))
        assert seen == []  # nothing to parse
        later(library / "essays" / "tea.md")
        write_page(library, "essays/coffee.md", "On coffee", "2022-05-06")
        cat.scan(lambda done, total: seen.append((done, total)))
        assert seen == [(1, 2), (2, 2)]
    finally:
        cat.close()


@pytest.fixture
def parallel(monkeypatch):
    """Parse in worker processes from a handful of files on (a chunk of one file each)."""
    monkeypatch.setattr(catalog_parse, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(catalog_parse, "_CHUNK", 1)


def everything(cat: Catalog) -> list[tuple[object, ...]]:
    """Every article as stored: its row and its loaded text."""
    return [(row, cat.load(row.id)) for row in cat.iter_rows()]


def test_files_parsed_in_worker_processes_are_stored_as_parsed_here(tmp_path, monkeypatch) -> None:
    root = tmp_path / "lib"
    titles = many_articles(root, 30)
    (root / "s0" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    serial = Catalog(tmp_path / "serial.db", root)
    serial.scan()
    monkeypatch.setattr(catalog_parse, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setattr(catalog_parse, "_CHUNK", 3)
    seen: list[tuple[int, int]] = []
    cat = Catalog(tmp_path / "parallel.db", root)
    try:
        report = cat.scan(lambda done, total: seen.append((done, total)))
        assert (report.added, report.problems) == (30, 1)
        assert seen == [(n, 31) for n in range(1, 32)]
        assert [row.title for row in cat.iter_rows()] == titles
        assert everything(cat) == everything(serial)
        assert cat.problems() == serial.problems()
    finally:
        cat.close()
        serial.close()


def test_when_the_workers_die_the_rest_is_parsed_here(tmp_path, parallel) -> None:
    root = tmp_path / "lib"
    titles = many_articles(root, 40)
    seen: list[tuple[int, int]] = []

    def kill_the_workers(done: int, total: int) -> None:
        if not seen:  # as the OOM killer would: the pool breaks with work in flight
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)
        seen.append((done, total))

    cat = Catalog(tmp_path / "c.db", root)
    try:
        report = cat.scan(kill_the_workers)
        assert (report.added, report.problems) == (40, 0)
        assert seen == [(n, 40) for n in range(1, 41)]
        assert [row.title for row in cat.iter_rows()] == titles
        assert cat.scan().unchanged == 40
    finally:
        cat.close()


def test_a_damaged_parser_version_reads_everything_again_once(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    cat = Catalog(db, library)
    try:
        cat.scan()
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE scan_settings SET value = 'seven' WHERE name = 'parser'")
        assert cat.scan().updated == 5
        assert cat.scan().unchanged == 5
    finally:
        cat.close()


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]", '"text"'])
def test_damaged_encoding_settings_count_as_no_rules(tmp_path, library, stored) -> None:
    db = tmp_path / "c.db"
    cat = Catalog(db, library)
    try:
        cat.scan()
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE scan_settings SET value = ? WHERE name = 'encodings'", (stored,))
        report = cat.scan()
        assert (report.updated, report.unchanged) == (0, 5)
        assert cat.count() == 5
    finally:
        cat.close()


def test_a_scan_waits_for_nobody_when_its_lock_file_cannot_be_made(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    lock_file(db, SCAN).mkdir(parents=True)  # not a file: cannot be opened for the lock
    cat = Catalog(db, library)
    try:
        assert cat.scan().added == 5
        assert cat.scan_if_free() is not None
    finally:
        cat.close()


def test_scan_if_free_gives_way_to_a_scan_elsewhere(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    # Beside the catalog, named the same by every version of tuireader that may run.
    assert (lock_file(db, SCAN).name, lock_file(db, BUILD).name) == (
        "c.db.scan.lock",
        "c.db.index.lock",
    )
    cat = Catalog(db, library)
    try:
        with held(db, SCAN):  # as another process scanning this catalog would
            assert cat.scan_if_free() is None
            assert cat.count() == 0
        with held(db, BUILD):  # an index build is no scan
            report = cat.scan_if_free()
        assert report is not None and report.added == 5
    finally:
        cat.close()
