"""Tests for the library watcher: real files changed in a real folder, a real thread."""

from __future__ import annotations

import queue
import shutil
from pathlib import Path

import pytest

from tuireader.ui.controllers.library_watcher import LibraryWatcher, relevant_paths

# Generous: the watcher reports within about a second; a loaded CI machine may be slower.
WAIT = 20.0


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    (root / "news").mkdir(parents=True)
    (root / "news" / "one.md").write_text("# One\n\nText.\n", encoding="utf-8")
    return root


@pytest.fixture
def watched(library: Path):
    """A started watcher on ``library`` and the queue its reports land in."""
    reports: queue.Queue[set[Path]] = queue.Queue()
    watcher = LibraryWatcher(library, reports.put, quiet_ms=100, max_wait_ms=500)
    watcher.start()
    yield watcher, reports
    watcher.stop()


def wait_for(reports: queue.Queue[set[Path]], wanted: Path) -> set[Path]:
    """Collect reports until one holds ``wanted``; fail after WAIT seconds."""
    seen: set[Path] = set()
    while wanted not in seen:
        try:
            seen |= reports.get(timeout=WAIT)
        except queue.Empty:
            pytest.fail(f"no report of {wanted} (saw {sorted(seen)})")
    return seen


def settle(watcher: LibraryWatcher, library: Path, reports: queue.Queue[set[Path]]) -> None:
    """Make sure the watch is live: touch a probe file until a report names it."""
    probe = library / "probe.txt"
    for attempt in range(int(WAIT / 0.5)):
        probe.write_text(f"probe {attempt}", encoding="utf-8")
        try:
            if probe in reports.get(timeout=0.5):
                break
        except queue.Empty:
            continue
    else:
        pytest.fail("the watcher never reported the probe file")
    while not reports.empty():  # drop reports of the probe still on their way
        reports.get()


def test_added_changed_and_removed_files_are_reported(watched, library: Path) -> None:
    watcher, reports = watched
    settle(watcher, library, reports)
    added = library / "news" / "two.txt"
    added.write_text("新文章\n", encoding="utf-8")
    wait_for(reports, added)
    (library / "news" / "one.md").write_text("# One\n\nEdited.\n", encoding="utf-8")
    wait_for(reports, library / "news" / "one.md")
    added.unlink()
    wait_for(reports, added)


def test_a_removed_folder_is_reported(watched, library: Path) -> None:
    watcher, reports = watched
    settle(watcher, library, reports)
    shutil.rmtree(library / "news")
    seen = wait_for(reports, library / "news" / "one.md")
    assert library / "news" in seen or library / "news" / "one.md" in seen


def test_stop_ends_the_thread(library: Path) -> None:
    watcher = LibraryWatcher(library, lambda paths: None)
    watcher.start()
    assert watcher.running
    watcher.stop()
    assert not watcher.running


def test_a_missing_root_is_reported_to_on_error(tmp_path: Path) -> None:
    errors: queue.Queue[Exception] = queue.Queue()
    watcher = LibraryWatcher(tmp_path / "gone", lambda paths: None, on_error=errors.put)
    watcher.start()
    try:
        assert isinstance(errors.get(timeout=WAIT), Exception)
    finally:
        watcher.stop()


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("news/a.md", True),
        ("news/a.HTML", True),
        ("news/新闻", True),  # no suffix: may be a removed folder
        ("news/.a.md.swp", False),
        (".git/index", False),
        ("news/.hidden/a.md", False),
        ("news/a.md~", False),
        ("news/picture.png", False),
    ],
)
def test_relevant_paths_keep_what_the_scan_reads(tmp_path: Path, name: str, kept: bool) -> None:
    path = tmp_path / name
    assert (path in relevant_paths(tmp_path, [str(path)])) is kept


def test_relevant_paths_ignore_paths_outside_the_root(tmp_path: Path) -> None:
    assert relevant_paths(tmp_path / "lib", [str(tmp_path / "other.md")]) == set()
