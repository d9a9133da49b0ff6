"""Reading and walking a library full of traps, with real files in tmp_path."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tuireader.library import files, loader
from tuireader.library.files import (
    ARTICLE_SUFFIXES,
    FileReadError,
    read_limited,
    rel_path_str,
    resolve_rel,
    walk_library,
)
from tuireader.library.loader import format_for
from tuireader.library.model import FORMAT_MARKDOWN

BAD_NAME = os.fsdecode(b"caf\xe9-\xff.txt")  # Latin-1 bytes: not UTF-8


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("正文".encode())
    assert read_limited(path) == "正文".encode()


def test_reads_a_10_mb_single_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"x" * 10_000_000)
    assert len(read_limited(path)) == 10_000_000


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, limit=100) == b"x" * 100


def test_file_over_the_limit_is_refused_with_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * int(17.2 * 1024 * 1024))
    with pytest.raises(FileReadError, match=r"^file is 17\.2 MiB; the limit is 16 MiB$"):
        read_limited(path)


def test_a_file_just_over_the_limit_says_so_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (16 * 1024 * 1024 + 1))
    with pytest.raises(FileReadError) as caught:
        read_limited(path)
    assert str(caught.value) == ("file is 16,777,217 bytes; the limit is 16 MiB (16,777,216 bytes)")


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    with pytest.raises(FileReadError, match=r"not a regular file: it is a FIFO"):
        read_limited(tmp_path / "a.txt")


def test_link_to_dev_zero_does_not_hang(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    with pytest.raises(FileReadError, match=r"not a regular file: it is a character device"):
        read_limited(tmp_path / "zero.txt")


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(FileReadError, match="not a regular file"):
            read_limited(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(FileReadError, match="is a folder"):
        read_limited(tmp_path / "dir.txt")


def test_vanished_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="file not found"):
        read_limited(tmp_path / "gone.txt")


def test_dangling_link_is_reported(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    with pytest.raises(FileReadError, match="broken symbolic link"):
        read_limited(tmp_path / "dangling.txt")


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    with pytest.raises(FileReadError, match="symbolic link loop"):
        read_limited(tmp_path / "a.txt")


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refuse)
    with pytest.raises(FileReadError, match="^permission denied$"):
        read_limited(path)


def test_read_error_message_is_one_line(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    with pytest.raises(FileReadError) as caught:
        read_limited(tmp_path / "a.txt")
    assert "\n" not in str(caught.value)


def make_library(root: Path) -> None:
    (root / "b.txt").write_text("b")
    (root / "A.MD").write_text("a")
    (root / "notes.pdf").write_text("not an article")
    (root / "sub").mkdir()
    (root / "sub" / "c.html").write_text("c")
    (root / "sub" / "d.Markdown").write_text("d")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "e.txt").write_text("e")
    (root / ".f.txt").write_text("f")


def names(root: Path) -> list[str]:
    return [rel_path_str(path, root) for path in walk_library(root)]


def test_walk_yields_articles_sorted_without_hidden(tmp_path: Path) -> None:
    make_library(tmp_path)
    assert names(tmp_path) == ["A.MD", "b.txt", "sub/c.html", "sub/d.Markdown"]


def test_walk_is_stable(tmp_path: Path) -> None:
    make_library(tmp_path)
    assert names(tmp_path) == names(tmp_path)


def test_walk_follows_directory_links_but_not_loops(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("a")
    os.symlink(tmp_path, tmp_path / "real" / "back")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    assert names(tmp_path) == ["alias/a.txt"]


def test_walk_does_not_raise_on_dangling_or_looping_links(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "y", tmp_path / "x")
    os.symlink(tmp_path / "x", tmp_path / "y")
    assert names(tmp_path) == ["dangling.txt"]


def test_walk_skips_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("a")
    (tmp_path / "open.txt").write_text("b")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    assert names(tmp_path) == ["open.txt"]


def test_walk_yields_fifo_by_name_for_the_reader_to_report(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    assert names(tmp_path) == ["a.txt"]


def test_walk_of_a_missing_root_is_empty(tmp_path: Path) -> None:
    assert names(tmp_path / "nope") == []


def test_walk_keeps_non_utf8_names(tmp_path: Path) -> None:
    (tmp_path / BAD_NAME).write_text("x")
    paths = list(walk_library(tmp_path))
    assert paths == [tmp_path / BAD_NAME]
    assert paths[0].read_text() == "x"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("正文.txt", "正文.txt"),
        (BAD_NAME, "caf\\xe9-\\xff.txt"),
        ("back\\slash.txt", "back\\\\slash.txt"),
    ],
)
def test_rel_path_key_is_valid_utf8(tmp_path: Path, name: str, key: str) -> None:
    assert rel_path_str(tmp_path / "sub" / name, tmp_path) == "sub/" + key
    key.encode("utf-8")  # raises if a surrogate slipped through


def test_literal_escape_text_and_bad_byte_get_different_keys(tmp_path: Path) -> None:
    literal = tmp_path / "caf\\xe9-\\xff.txt"
    assert rel_path_str(literal, tmp_path) != rel_path_str(tmp_path / BAD_NAME, tmp_path)


@pytest.mark.parametrize("name", ["正文.txt", BAD_NAME, "back\\slash.txt", "caf\\xe9-\\xff.txt"])
def test_resolve_rel_maps_key_back_to_the_file(tmp_path: Path, name: str) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / name
    path.write_text("x")
    assert resolve_rel(tmp_path, rel_path_str(path, tmp_path)) == path


@pytest.mark.parametrize("rel", ["../etc/passwd", "a//b.txt", "./a.txt", ""])
def test_resolve_rel_refuses_paths_outside_the_library(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ValueError):
        resolve_rel(tmp_path, rel)


def test_file_replaced_by_directory_after_listing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    [path] = walk_library(tmp_path)
    path.unlink()
    path.mkdir()
    with pytest.raises(FileReadError, match="is a folder"):
        read_limited(path)


def test_file_deleted_after_listing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    [path] = walk_library(tmp_path)
    path.unlink()
    with pytest.raises(FileReadError, match="file not found"):
        read_limited(path)


def test_walk_lists_a_directory_s_files_before_its_subdirectories(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "z.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    assert names(tmp_path) == ["b.txt", "a/z.txt"]


def test_walk_lists_the_rarer_markdown_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a.mdown").write_text("a")
    (tmp_path / "b.MKD").write_text("b")
    assert names(tmp_path) == ["a.mdown", "b.MKD"]
    assert {format_for(name) for name in names(tmp_path)} == {FORMAT_MARKDOWN}


def test_every_suffix_the_loader_parses_is_listed() -> None:
    # The loader picks a parser by suffix; a suffix it knows must not be skipped by the walk.
    assert set(loader.FORMAT_BY_SUFFIX) <= ARTICLE_SUFFIXES


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_file_of_unknown_size_read_past_the_limit_is_refused() -> None:
    # /proc files say they are empty and then give text: the size is only known by reading.
    with pytest.raises(
        FileReadError, match=r"^file grew past the limit of 0\.0 MiB while it was read$"
    ):
        read_limited(Path("/proc/self/status"), limit=16)
