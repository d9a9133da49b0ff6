"""Rescans that cost what changed: unchanged folders are not listed again, and what the
folder stamps cannot tell (in-place writes, links) is still found."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tuireader.catalog import Catalog
from tuireader.catalog.db import connect, open_or_rebuild
from tuireader.catalog.listings import data_version, load_listings, save_listings
from tuireader.library import loader as loader_module
from tuireader.library import walk
from tuireader.library.walk import walk_folders


def page(title: str) -> str:
    """A Markdown page with front matter."""
    return f"---\ntitle: {title}\n---\n\nThe body of {title}.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def later(path: Path, seconds: int = 2) -> None:
    """Move a file's mtime on, so a rewrite is seen even on a coarse clock."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders count as changed long ago: a folder changed within RACY_NS of a walk is
    listed again every time, and every folder a test makes is that new."""
    monkeypatch.setattr(walk, "RACY_NS", -3600 * 1_000_000_000)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    write(root / "news" / "a.md", page("Alpha"))
    write(root / "news" / "b.md", page("Bravo"))
    write(root / "tech" / "deep" / "c.md", page("Charlie"))
    write(root / "d.md", page("Delta"))
    return root


@pytest.fixture
def catalog(tmp_path: Path, library: Path, settled: None):
    cat = Catalog(tmp_path / "c.db", library)
    cat.scan()
    yield cat
    cat.close()


def titles(cat: Catalog) -> set[str]:
    return {row.title for row in cat.rows(limit=100)}


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(path, root, encoding=None):
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(loader_module, "load_article", forbidden)


def test_unchanged_rescan_parses_nothing(catalog, monkeypatch) -> None:
    forbid_parsing(monkeypatch)
    report = catalog.scan()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 4)


def record_listings(monkeypatch) -> list[str]:
    """The folders listed (``os.scandir``) from now on, in order."""
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path):
        listed.append(os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return listed


def test_unchanged_folders_are_not_listed_again(catalog, library, monkeypatch) -> None:
    listed = record_listings(monkeypatch)
    catalog.scan()
    assert listed == []
    write(library / "tech" / "e.md", page("Echo"))
    report = catalog.scan()
    assert listed == [str(library / "tech")]  # only the folder that changed
    assert report.added == 1
    assert "Echo" in titles(catalog)


def test_in_place_write_is_found_though_its_folder_did_not_change(catalog, library) -> None:
    folder = library / "news"
    before = folder.stat()
    path = folder / "a.md"
    with open(path, "r+", encoding="utf-8") as file:  # as nano or VS Code save
        file.write(page("Alpha Two"))
    later(path)
    after = folder.stat()
    assert (after.st_mtime_ns, after.st_ctime_ns) == (before.st_mtime_ns, before.st_ctime_ns)
    report = catalog.scan()
    assert report.updated == 1
    assert "Alpha Two" in titles(catalog)


def test_new_file_is_found_when_the_folder_mtime_is_set_back(catalog, library) -> None:
    folder = library / "news"
    before = folder.stat()
    write(folder / "e.md", page("Echo"))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))  # tar, rsync -t, touch -d
    assert folder.stat().st_mtime_ns == before.st_mtime_ns
    assert catalog.scan().added == 1
    assert "Echo" in titles(catalog)


def test_trusting_files_misses_only_in_place_writes(catalog, library) -> None:
    path = library / "news" / "a.md"
    with open(path, "r+", encoding="utf-8") as file:
        file.write(page("Alpha Two"))
    later(path)
    write(library / "tech" / "e.md", page("Echo"))
    report = catalog.scan(check_files=False)
    assert (report.added, report.updated) == (1, 0)
    assert "Alpha Two" not in titles(catalog)
    report = catalog.scan()  # the per-file stat finds it
    assert report.updated == 1
    assert "Alpha Two" in titles(catalog)


def test_trusted_files_named_as_changed_are_stat_ed(catalog, library) -> None:
    for name, title in (("a.md", "Alpha Two"), ("b.md", "Bravo Two")):
        path = library / "news" / name
        with open(path, "r+", encoding="utf-8") as file:
            file.write(page(title))
        later(path)
    report = catalog.scan(check_files=False, also_check={"news/a.md"})  # as a watcher says
    assert report.updated == 1
    assert {"Alpha Two", "Bravo"} <= titles(catalog)


def test_a_folder_reached_through_a_link_is_never_trusted(catalog, library) -> None:
    os.symlink(library / "tech" / "deep", library / "deep-alias")
    catalog.scan()
    path = library / "tech" / "deep" / "c.md"
    with open(path, "r+", encoding="utf-8") as file:  # unseen by a watcher of the library
        file.write(page("Charlie Two"))
    later(path)
    report = catalog.scan(check_files=False)
    assert report.updated == 1  # through the link: listed and stat'ed
    assert catalog.row_by_path("deep-alias/c.md").title == "Charlie Two"


def test_a_folder_below_a_linked_folder_is_never_trusted_either(catalog, library) -> None:
    os.symlink(library / "tech", library / "a-tech")  # walked before tech: by name
    catalog.scan()
    path = library / "tech" / "deep" / "c.md"
    with open(path, "r+", encoding="utf-8") as file:  # unseen by a watcher of the library
        file.write(page("Charlie Two"))
    later(path)
    report = catalog.scan(check_files=False)
    assert report.updated == 1  # a-tech/deep, two folders below the link, listed again
    assert catalog.row_by_path("a-tech/deep/c.md").title == "Charlie Two"


def test_a_folder_holding_a_link_is_listed_every_time(catalog, library) -> None:
    os.symlink(library / "news" / "a.md", library / "tech" / "alias.md")
    assert catalog.scan().added == 1
    path = library / "news" / "a.md"
    with open(path, "r+", encoding="utf-8") as file:
        file.write(page("Alpha Two"))
    later(path)
    # Files are trusted, yet the link's folder is listed and the link stat'ed anew.
    report = catalog.scan(check_files=False)
    assert report.updated == 1
    assert catalog.row_by_path("tech/alias.md").title == "Alpha Two"


def test_removed_folder_and_file_drop_their_articles(catalog, library) -> None:
    shutil.rmtree(library / "tech")
    (library / "d.md").unlink()
    report = catalog.scan()
    assert report.removed == 2
    assert titles(catalog) == {"Alpha", "Bravo"}


def test_a_folder_listed_again_with_the_same_files_parses_nothing(
    catalog, library, monkeypatch
) -> None:
    swap = write(library / "news" / ".a.md.swp", "editor state")  # hidden: not an article
    swap.unlink()
    forbid_parsing(monkeypatch)
    report = catalog.scan()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 4)


def test_a_folder_listed_again_with_the_same_files_is_trusted_next_time(
    catalog, library, monkeypatch
) -> None:
    swap = write(library / "news" / ".a.md.swp", "editor state")  # the folder's stamp moves
    swap.unlink()
    catalog.scan()  # lists news again, finds the same files: records its new stamp
    listed = record_listings(monkeypatch)
    report = catalog.scan()
    assert listed == []
    assert report.unchanged == 4


def test_walk_from_records_gives_the_same_files_in_the_same_order(library, settled) -> None:
    fresh = list(walk_folders(library))
    previous = {folder.key: folder.listing() for folder in fresh}
    again = list(walk_folders(library, previous=previous))
    assert [f.listed for f in fresh] == [True] * 4
    assert [f.listed for f in again] == [False] * 4
    files = [[(f.file_key(i), f.file_path(i), f.file_facts(i)) for i in range(len(f.keys))]
             for f in fresh]  # fmt: skip
    assert files == [
        [(f.file_key(i), f.file_path(i), f.file_facts(i)) for i in range(len(f.keys))]
        for f in again
    ]
    assert files[0][0][0] == "d.md"  # a folder's files, then its subfolders


def test_a_folder_changed_just_now_is_listed_again(library) -> None:
    fresh = list(walk_folders(library))  # everything was just written: racy
    assert all(folder.stamp is None for folder in fresh)
    previous = {folder.key: folder.listing() for folder in fresh}
    assert all(folder.listed for folder in walk_folders(library, previous=previous))


def test_listings_are_not_saved_when_another_connection_wrote_meanwhile(
    tmp_path, library, settled
) -> None:
    db = tmp_path / "c.db"
    open_or_rebuild(db)
    ours, theirs = connect(db), connect(db)
    try:
        since = data_version(ours)
        theirs.execute("INSERT INTO problems VALUES ('x.md', 1, 1, 'broken')")
        assert not save_listings(ours, walk_folders(library), since)
        assert load_listings(ours) == {}
        since = data_version(ours)
        assert save_listings(ours, walk_folders(library), since)
        assert set(load_listings(ours)) == {"", "news", "tech", "tech/deep"}
    finally:
        ours.close()
        theirs.close()


def test_a_damaged_listing_row_only_lists_its_folder_again(catalog, tmp_path, library) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute("UPDATE folders SET listing = 'not json' WHERE path = 'news'")
    conn.commit()
    conn.close()
    write(library / "news" / "e.md", page("Echo"))
    assert catalog.scan().added == 1
    assert "Echo" in titles(catalog)


def test_is_empty_until_a_scan_finds_an_article(tmp_path, library) -> None:
    cat = Catalog(tmp_path / "c.db", library)
    assert cat.is_empty()
    cat.scan()
    assert not cat.is_empty()
    cat.close()


def test_a_file_dated_past_2262_is_catalogued_and_its_rewrite_found(catalog, library) -> None:
    path = library / "news" / "a.md"
    far = 10_400_000_000_000_000_000  # 2299: past what 64 bits of nanoseconds hold
    os.utime(path, ns=(far, far))
    if path.stat().st_mtime_ns != far:
        pytest.skip("this file system cannot keep such a date")
    assert catalog.scan().updated == 1
    assert catalog.scan().unchanged == 4
    with open(path, "r+", encoding="utf-8") as file:  # same size, a second later
        file.write(page("Alphz"))
    os.utime(path, ns=(far, far + 1_000_000_000))
    assert catalog.scan().updated == 1
    assert "Alphz" in titles(catalog)


def test_a_listing_of_another_form_only_lists_its_folder_again(catalog, tmp_path, library) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    old = '[[],["a.md","b.md"],[[1,2],[3,4]]]'  # the JSON listings of earlier versions
    conn.execute("UPDATE folders SET listing = ? WHERE path = 'news'", (old,))
    conn.execute("UPDATE folders SET listing = x'4c31ff' WHERE path = 'tech'")  # cut short
    conn.commit()
    conn.close()
    path = library / "news" / "a.md"
    with open(path, "r+", encoding="utf-8") as file:
        file.write(page("Alpha 2"))
    later(path)
    report = catalog.scan()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 3)
    assert "Alpha 2" in titles(catalog)
    assert catalog.scan().unchanged == 4


def test_a_renamed_folder_moves_its_articles(catalog, library) -> None:
    (library / "news").rename(library / "press")  # as many folders as before
    report = catalog.scan()
    assert (report.added, report.removed) == (2, 2)
    assert {row.path for row in catalog.rows(limit=100)} == {
        "press/a.md", "press/b.md", "tech/deep/c.md", "d.md"
    }  # fmt: skip
    assert catalog.scan().unchanged == 4


@pytest.mark.parametrize(
    ("folder", "damage"),
    [
        ("tech", lambda blob: blob[:-3]),  # subfolder keys cut short
        ("news", lambda blob: blob + b"\0extra.md"),  # a key more than facts
        ("news", lambda blob: blob[: blob.rindex(b"\0")]),  # a key fewer
        ("news", lambda blob: blob[:2] + (3).to_bytes(8, "little") + blob[10:]),  # count
    ],
)
def test_a_listing_whose_parts_disagree_only_lists_its_folder_again(
    catalog, tmp_path, library, monkeypatch, folder, damage
) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    (blob,) = conn.execute("SELECT listing FROM folders WHERE path = ?", (folder,)).fetchone()
    conn.execute("UPDATE folders SET listing = ? WHERE path = ?", (damage(blob), folder))
    conn.commit()
    conn.close()
    listed = record_listings(monkeypatch)
    report = catalog.scan()
    assert listed == [str(library / folder)]
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 4)
    assert titles(catalog) == {"Alpha", "Bravo", "Charlie", "Delta"}


def test_a_rewrite_of_another_size_that_kept_its_mtime_is_found(catalog, library) -> None:
    path = library / "news" / "a.md"
    before = path.stat()
    path.write_text(page("Alpha, a longer title"), encoding="utf-8")  # in place
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a tool that keeps dates
    assert path.stat().st_size != before.st_size
    assert catalog.scan().updated == 1
    assert "Alpha, a longer title" in titles(catalog)


def test_a_scan_when_free_finds_in_place_writes_too(catalog, library) -> None:
    path = library / "news" / "a.md"
    with open(path, "r+", encoding="utf-8") as file:  # the folder's stamp does not move
        file.write(page("Alphz"))
    later(path)
    report = catalog.scan_if_free()
    assert report is not None and report.updated == 1
    assert "Alphz" in titles(catalog)
