"""Catalog keys of file names: UTF-8 names are their own key, other bytes are escaped and
come back exactly; chapter keys of books."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuireader.library.keys import (
    chapter_key,
    is_book_name,
    key_bytes,
    name_from_key,
    name_key,
    rel_path_str,
    resolve_rel,
    split_chapter_key,
)

GBK_NAME = os.fsdecode("啊.txt".encode("gbk"))  # a name that is not UTF-8 on disk


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("a.txt", "a.txt"),
        ("中文.txt", "中文.txt"),
        ("a\\b.txt", "a\\\\b.txt"),  # a backslash is doubled
        (GBK_NAME, "\\xb0\\xa1.txt"),  # bytes that are not UTF-8 are escaped
        (os.fsdecode(b"a\\\xff"), "a\\\\\\xff"),
    ],
)
def test_name_keys_round_trip(name: str, key: str) -> None:
    assert name_key(name) == key
    assert name_from_key(key) == name


def test_key_bytes_are_the_names_on_disk() -> None:
    assert key_bytes("书/" + name_key(GBK_NAME)) == "书".encode() + b"/" + "啊.txt".encode("gbk")


@pytest.mark.parametrize(("key", "name"), [("\\x4", "\\x4"), ("\\xzz", "\\xzz"), ("a\\", "a\\")])
def test_a_backslash_that_escapes_nothing_is_itself(key: str, name: str) -> None:
    assert name_from_key(key) == name


@pytest.mark.parametrize(
    ("key", "split"),
    [
        ("b.epub#3", ("b.epub", 3)),
        ("b.EPUB#12", ("b.EPUB", 12)),
        ("a#b.epub#2", ("a#b.epub", 2)),  # the last # counts
        ("b.epub#123456", ("b.epub", 123456)),
        ("b.epub#1234567", None),  # more chapters than any book has
        ("b.epub#", None),
        ("b.txt#3", None),
    ],
)
def test_split_chapter_key(key: str, split: tuple[str, int] | None) -> None:
    assert split_chapter_key(key) == split


@pytest.mark.parametrize(
    ("parts", "key"),
    [
        (("a.txt",), "a.txt"),
        (("news", "2024", "茶.md"), "news/2024/茶.md"),
        (("a\\b", "c.txt"), "a\\\\b/c.txt"),
        (("书", GBK_NAME), "书/\\xb0\\xa1.txt"),
    ],
)
@pytest.mark.parametrize("root", [Path("/lib"), Path("/"), Path("/lib/deep/er")])
def test_a_path_s_key_is_relative_to_the_root_and_resolves_back(
    root: Path, parts: tuple[str, ...], key: str
) -> None:
    path = root.joinpath(*parts)
    assert rel_path_str(path, root) == key
    assert resolve_rel(root, key) == path
    assert key_bytes(key) == b"/".join(os.fsencode(part) for part in parts)


def test_a_path_outside_the_root_has_no_key() -> None:
    with pytest.raises(ValueError):
        rel_path_str(Path("/library/a.txt"), Path("/lib"))  # a name that only starts alike
    with pytest.raises(ValueError):
        rel_path_str(Path("/elsewhere/a.txt"), Path("/lib"))


@pytest.mark.parametrize("key", ["", "a//b.txt", "a/./b.txt", "../a.txt", "a/..", "."])
def test_a_key_that_leaves_or_skips_a_folder_resolves_nowhere(key: str) -> None:
    with pytest.raises(ValueError, match="^not a library path: "):
        resolve_rel(Path("/lib"), key)


@pytest.mark.parametrize(
    ("key", "name"), [("\\xB0\\xA1.txt", GBK_NAME), ("\\xb0\\xA1.txt", GBK_NAME)]
)
def test_escaped_bytes_may_be_written_in_capitals(key: str, name: str) -> None:
    assert name_from_key(key) == name


@pytest.mark.parametrize(
    ("name", "book"),
    [("a.epub", True), ("A.EPUB", True), ("a.epub.txt", False), ("epub", False), ("a.pub", False)],
)
def test_book_names(name: str, book: bool) -> None:
    assert is_book_name(name) is book


def test_chapter_keys_split_back() -> None:
    assert chapter_key("书/道德经.epub", 3) == "书/道德经.epub#3"
    assert split_chapter_key(chapter_key("书/道德经.epub", 3)) == ("书/道德经.epub", 3)
