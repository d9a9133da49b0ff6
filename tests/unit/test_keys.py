"""Catalog keys of file names: UTF-8 names are their own key, other bytes are escaped and
come back exactly; chapter keys of books."""

from __future__ import annotations

import os

import pytest

from tuireader.library.keys import key_bytes, name_from_key, name_key, split_chapter_key

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
