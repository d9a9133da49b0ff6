"""FIFOs, sockets, devices and folders where tuireader expects its own files are refused
at once, with a message that says what was found (a FIFO used to hang the command).

Each command runs in a child process with a timeout, so a hang fails the test instead of
stopping the test run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import tuireader
from tuireader.config import Paths

TIMEOUT = 60


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    src = str(Path(tuireader.__file__).resolve().parents[1])
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        cwd=cwd,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# Alpha\n\nThe first article.\n", "utf-8")
    return root


def test_a_fifo_config_is_refused_by_config(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.yaml")
    done = run("config", "--config", "config.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert "it is a FIFO (named pipe), not a file; using the defaults" in done.stderr


def test_a_fifo_config_does_not_stop_list(tmp_path: Path, library: Path) -> None:
    os.mkfifo(tmp_path / "config.yaml")
    flags = ["--config", "config.yaml", "--data-dir", "data", "--cache-dir", "cache"]
    done = run("list", str(library), *flags, cwd=tmp_path)
    assert done.returncode == 0
    assert "Alpha" in done.stdout
    assert "FIFO" in done.stderr


def test_a_socket_config_is_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "config.yaml"))
        done = run("config", "--config", "config.yaml", cwd=tmp_path)
    finally:
        server.close()
    assert done.returncode == 1
    assert "it is a socket, not a file" in done.stderr


def test_a_device_config_is_refused(tmp_path: Path) -> None:
    done = run("config", "--config", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 1
    assert "it is a character device, not a file" in done.stderr


def test_a_fifo_state_db_is_refused_by_bookmarks(tmp_path: Path, library: Path) -> None:
    (tmp_path / "data").mkdir()
    os.mkfifo(tmp_path / "data" / "state.db")
    flags = ["--data-dir", "data", "--config", "none.yaml", "--library", str(library)]
    listed = run("bookmarks", "list", *flags, cwd=tmp_path)
    assert listed.returncode == 0
    assert "it is a FIFO (named pipe), not a file" in listed.stderr
    added = run("bookmarks", "add", str(library / "a.md"), *flags, cwd=tmp_path)
    assert added.returncode == 1
    assert "will not be saved" in added.stderr
    assert (tmp_path / "data" / "state.db").is_fifo()  # left as it was


def test_a_fifo_catalog_is_refused(tmp_path: Path, library: Path) -> None:
    paths = Paths(tmp_path / "data", tmp_path / "cache", tmp_path / "none.yaml")
    catalog = paths.catalog_db(library)
    catalog.parent.mkdir(parents=True)
    os.mkfifo(catalog)
    flags = ["--data-dir", "data", "--cache-dir", "cache", "--config", "none.yaml"]
    for command in (
        ["list", str(library)],
        ["tree", str(library)],
        ["search", "first", str(library)],
    ):
        done = run(*command, *flags, cwd=tmp_path)
        assert done.returncode == 1, command
        assert (
            "is a FIFO (named pipe), not a file: remove it or use another --cache-dir"
            in done.stderr
        )
    assert catalog.is_fifo()  # not ours to delete


def test_a_fifo_backup_is_skipped_when_restoring(tmp_path: Path) -> None:
    from tuireader.state import StateStore
    from tuireader.state.backup import write_backup

    db = tmp_path / "state.db"
    store = StateStore.open(db, backups=False)
    store.marks.set_read("fp", "a.md")
    write_backup(store, tmp_path / "backups")
    store.close()
    os.mkfifo(tmp_path / "backups" / "state-99999999T999999-1.json")  # sorts newest
    db.write_bytes(b"garbage" * 100)
    store = StateStore.open(db, backups=False)
    try:
        assert store.marks.is_read("fp")
    finally:
        store.close()


@pytest.mark.parametrize("action", [["show"], ["bookmarks", "add"]])
def test_show_and_add_say_what_a_path_is(tmp_path: Path, library: Path, action: list[str]) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "folder.md").mkdir()
    flags = ["--data-dir", "data", "--config", "none.yaml"]
    for name, kind in (("pipe.md", "a FIFO (named pipe)"), ("folder.md", "a folder")):
        done = run(*action, name, *flags, cwd=tmp_path)
        assert done.returncode == 2
        assert f"{name} is {kind}, not an article file" in done.stderr
    done = run(*action, "missing.md", *flags, cwd=tmp_path)
    assert done.returncode == 2 and "no such file: missing.md" in done.stderr
