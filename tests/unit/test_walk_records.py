"""Folders taken from the previous walk's records: their file names (escaped ones too),
which files are stat'ed again, and a recorded file that is gone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuireader.library import walk
from tuireader.library.walk import FolderSeen, Listing, walk_folders


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder counts as changed long ago (a folder changed within RACY_NS of a walk
    is listed again every time, and the folders here are that new)."""
    monkeypatch.setattr(walk, "RACY_NS", -3600 * 1_000_000_000)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    (root / "notes").mkdir(parents=True)
    for name in ("plain.md", "back\\slash.md", "茶.txt"):
        (root / "notes" / name).write_text(f"# {name}\n\nA short note.\n", encoding="utf-8")
    return root


def _records(root: Path) -> dict[str, Listing]:
    return {folder.key: folder.listing() for folder in walk_folders(root)}


def _files(folder: FolderSeen) -> list[tuple[str, str, tuple[int, int]]]:
    return [
        (folder.file_key(i), folder.file_path(i), folder.file_facts(i))
        for i in range(len(folder.keys))
    ]


def _notes(root: Path, **options: object) -> FolderSeen:
    (found,) = [f for f in walk_folders(root, **options) if f.key == "notes"]  # type: ignore[arg-type]
    return found


def test_names_from_records_are_the_files_names_escaped_or_not(library: Path) -> None:
    fresh = _notes(library)
    again = _notes(library, previous=_records(library))
    assert (fresh.listed, again.listed) == (True, False)
    assert again.names == fresh.names
    assert sorted(again.names) == sorted(["plain.md", "back\\slash.md", "茶.txt"])
    assert _files(again) == _files(fresh)
    assert all(Path(path).is_file() for _key, path, _facts in _files(again))


def test_files_of_a_recorded_folder_are_stated_again_unless_trusted(library: Path) -> None:
    previous = _records(library)
    changed = library / "notes" / "plain.md"
    changed.write_text("# plain\n\nA much longer note than it was before.\n", encoding="utf-8")
    size = changed.stat().st_size
    index = _notes(library).names.index("plain.md")

    def size_seen(**options: object) -> int:
        folder = _notes(library, previous=previous, **options)
        assert not folder.listed  # a file's content changing leaves its folder alone
        return folder.file_facts(index)[0]

    recorded = previous["notes"].facts[2 * index]
    assert recorded != size
    assert size_seen() == size
    assert size_seen(check_files=False) == recorded
    assert size_seen(check_files=False, also_check=["notes/plain.md"]) == size
    assert size_seen(check_files=False, also_check=["notes/other.md"]) == recorded


@pytest.mark.parametrize("check_files", [True, False])
def test_a_recorded_file_that_is_gone_has_its_folder_listed_again(
    library: Path, check_files: bool
) -> None:
    previous = _records(library)
    notes = previous["notes"]
    # The record names a file the folder no longer holds (removed this instant).
    ghost = Listing(notes.stamp, notes.subdirs, [*notes.keys, "zz.md"], notes.facts * 1)
    ghost.facts.extend((1, 1))
    folder = _notes(
        library,
        previous={**previous, "notes": ghost},
        check_files=check_files,
        also_check=["notes/zz.md"],
    )
    assert folder.listed
    assert folder.stamp is None
    assert "zz.md" not in folder.names
    assert sorted(folder.names) == sorted(["plain.md", "back\\slash.md", "茶.txt"])


@pytest.mark.parametrize("changed", ["back\\slash.md", "plain.md", "茶.txt"])
def test_a_rewrite_of_any_one_file_of_a_recorded_folder_is_seen(
    library: Path, changed: str
) -> None:
    """First, middle or last file: the one rewritten gets its new facts, the files
    before and after it keep theirs."""
    previous = _records(library)
    (library / "notes" / changed).write_text("# rewritten\n\nLonger than before, much.\n")
    again = _notes(library, previous=previous)
    fresh = _notes(library)
    assert not again.listed
    assert _files(again) == _files(fresh)
    index = fresh.names.index(changed)
    assert again.file_facts(index) != tuple(previous["notes"].facts[2 * index : 2 * index + 2])
    unchanged = [i for i in range(len(fresh.names)) if i != index]
    assert [again.file_facts(i) for i in unchanged] == [
        tuple(previous["notes"].facts[2 * i : 2 * i + 2]) for i in unchanged
    ]


def test_a_new_mtime_alone_is_seen_in_a_recorded_folder(library: Path) -> None:
    """Same size, same bytes, a new mtime: the facts change (a same-size rewrite is
    caught by its mtime)."""
    previous = _records(library)
    last = library / "notes" / "茶.txt"
    info = last.stat()
    os.utime(last, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    again = _notes(library, previous=previous)
    assert not again.listed
    index = again.names.index("茶.txt")
    assert again.file_facts(index) == (info.st_size, info.st_mtime_ns + 5_000_000_000)


def test_an_unchanged_recorded_folder_gives_back_its_recorded_facts(library: Path) -> None:
    previous = _records(library)
    again = _notes(library, previous=previous)
    assert not again.listed
    assert list(again.listing().facts) == list(previous["notes"].facts)
    assert again.listing() == previous["notes"]


def test_a_record_without_facts_for_its_names_has_its_files_stated(library: Path) -> None:
    """A record whose facts do not cover its names (written by an older walk): every file
    is stat'ed, none taken from the short record."""
    previous = _records(library)
    notes = previous["notes"]
    short = Listing(notes.stamp, notes.subdirs, notes.keys, notes.facts[:2])
    again = _notes(library, previous={**previous, "notes": short})
    assert _files(again) == _files(_notes(library))
