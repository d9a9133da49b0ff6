"""What kind of file a path is, in the words every refusal uses (text.filekind)."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tuireader.text.filekind import kind_of, not_a_file


def test_a_regular_file_or_nothing_there_is_no_problem(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# A\n", encoding="utf-8")
    assert not_a_file(article) is None
    assert not_a_file(tmp_path / "missing.md") is None
    assert not_a_file("bad\0name") is None  # the caller's open reports it


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_folder_a_fifo_and_a_socket_are_named(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert not_a_file(tmp_path) == "a folder"
    assert not_a_file(fifo) == "a FIFO (named pipe)"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        assert not_a_file(tmp_path / "sock") == "a socket"


def test_every_mode_has_its_words() -> None:
    assert kind_of(stat.S_IFREG | 0o644) is None
    assert kind_of(stat.S_IFCHR | 0o666) == "a character device"
    assert kind_of(stat.S_IFBLK | 0o660) == "a block device"
    # A mode no other test names (a link's own mode, as lstat gives it).
    assert kind_of(stat.S_IFLNK | 0o777) == "a special file"
