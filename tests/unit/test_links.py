"""Symbolic links in a library: followed only inside it (``follow_links``), never into
/proc, /sys or /dev; refused links and unreadable folders are listed as problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tuireader
from tuireader.cli import main
from tuireader.library.files import walk_library

SECRET = "tuireader-environ-secret-4242"


def run(*args: str, tmp_path: Path, config: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m tuireader ARGS`` with private folders, SECRET in its environment."""
    src = str(Path(tuireader.__file__).resolve().parents[1])
    (tmp_path / "config.yaml").write_text(config, "utf-8")
    flags = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    flags += ["--config", str(tmp_path / "config.yaml")]
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args, *flags],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src, "TUIREADER_TEST_SECRET": SECRET},
        timeout=120,
        check=False,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library with links: to a file outside, to /etc/passwd, to /proc/self/environ,
    to a file inside, and to a folder outside holding an article."""
    root = tmp_path / "lib"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.md").write_text("# Inside\n\nAn article in the library.\n", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.md").write_text("# Far away\n\nAn article outside.\n", "utf-8")
    os.symlink(outside / "far.md", root / "far.md")
    os.symlink("/etc/passwd", root / "passwd.txt")
    os.symlink("/proc/self/environ", root / "environ.txt")
    os.symlink("news/a.md", root / "again.md")
    os.symlink(outside, root / "elsewhere")
    return root


def listed(done: subprocess.CompletedProcess[str]) -> dict[str, dict]:
    assert done.returncode == 0, done.stderr
    return {r["path"]: r for r in map(json.loads, done.stdout.splitlines())}


def test_inside_only_by_default(library: Path, tmp_path: Path) -> None:
    done = run("list", str(library), "--json", tmp_path=tmp_path)
    records = listed(done)
    assert records["news/a.md"]["title"] == "Inside"
    assert records["again.md"]["title"] == "Inside"  # a link inside the library
    for path in ("far.md", "passwd.txt", "elsewhere"):
        assert "outside the library (follow_links: inside)" in records[path]["error"], path
    assert "system folders are never read" in records["environ.txt"]["error"]
    assert "elsewhere/far.md" not in records
    assert "root:x:0:0" not in done.stdout and SECRET not in done.stdout


def test_all_follows_every_link_but_never_proc(library: Path, tmp_path: Path) -> None:
    done = run("list", str(library), "--json", tmp_path=tmp_path, config="follow_links: all\n")
    records = listed(done)
    assert records["far.md"]["title"] == "Far away"
    assert records["elsewhere/far.md"]["title"] == "Far away"
    assert "system folders are never read" in records["environ.txt"]["error"]
    assert SECRET not in done.stdout


def test_none_follows_no_link(library: Path, tmp_path: Path) -> None:
    done = run("list", str(library), "--json", tmp_path=tmp_path, config="follow_links: none\n")
    records = listed(done)
    assert records["news/a.md"]["title"] == "Inside"
    assert "follow_links: none" in records["again.md"]["error"]
    assert "follow_links: none" in records["elsewhere"]["error"]


def test_a_wrong_follow_links_is_reported(tmp_path: Path, capsys) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("follow_links: sometimes\n", "utf-8")
    assert main(["config", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert "follow_links: inside" in out.out
    assert "follow_links must be one of inside, all, none, not 'sometimes'" in out.err


def test_show_never_prints_proc(tmp_path: Path) -> None:
    link = tmp_path / "environ.txt"
    os.symlink("/proc/self/environ", link)
    done = run("show", str(link), tmp_path=tmp_path)
    assert done.returncode == 2
    assert "system folder, never read" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_a_library_in_a_system_folder_is_refused(tmp_path: Path) -> None:
    problems: list[tuple[Path, str]] = []
    assert list(walk_library(Path("/proc/self"), problems=problems)) == []
    assert problems and "never read" in problems[0][1]


def test_an_unreadable_folder_is_a_problem(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "lib"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "x.md").write_text("# X\n\ntext\n", "utf-8")
    (root / "open.md").write_text("# Open\n\ntext\n", "utf-8")
    real_scandir = os.scandir

    def scandir(path):  # what a folder of mode 000 does to a user who is not root
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[tuple[Path, str]] = []
    assert list(walk_library(root, problems=problems)) == [root / "open.md"]
    assert problems == [(root / "locked", "folder cannot be read: permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder of mode 000")
def test_an_unreadable_folder_is_listed_by_the_cli(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    (root / "locked").mkdir(parents=True)
    (root / "open.md").write_text("# Open\n\ntext\n", "utf-8")
    (root / "locked").chmod(0)
    try:
        records = listed(run("list", str(root), "--json", tmp_path=tmp_path))
    finally:
        (root / "locked").chmod(0o755)
    assert records["locked"]["error"] == "folder cannot be read: permission denied"


def test_walking_with_none_lists_even_a_link_inside_as_a_problem(library: Path) -> None:
    problems: list[tuple[Path, str]] = []
    found = {
        path.relative_to(library).as_posix() for path in walk_library(library, "none", problems)
    }
    assert found == {"news/a.md"}
    refused = {path.name: why for path, why in problems}
    assert refused["again.md"] == "symbolic link not followed (follow_links: none)"
    assert "system folders are never read" in refused["environ.txt"]
