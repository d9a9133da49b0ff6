"""Every byte the CLI writes to a terminal or pipe goes through the sanitizer.

In-process runs of :func:`tuireader.cli.main` (pytest's captured streams are not regular
files, so they are cleaned as a terminal would be) and child processes on pipes. The pty
versions of the same cases are in ``tests/e2e/test_cli_terminal_pty.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_cases import OSC52_PAYLOAD, TITLE_CHANGE_TEXT
from terminal_bytes import forbidden_in

import tuireader
from tuireader.cli import main

ESC, BEL = "\x1b", "\x07"
#: A note, a title and a file name an attacker might choose: OSC 52, OSC 0, a lone CR,
#: 8-bit CSI and OSC, a bidi override and isolate.
HOSTILE = (
    f"A{ESC}]52;c;{OSC52_PAYLOAD}{BEL}B\rC\x9b2J"
    f"D\x9d0;{TITLE_CHANGE_TEXT}\x9cE\u202eF\u2066G{ESC}]0;{TITLE_CHANGE_TEXT}{BEL}"
)


def _article(root: Path, name: str, title: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {title}\n\nThe body of the article, long enough to quote.\n", "utf-8")
    return path


@pytest.fixture
def hostile_state(tmp_path: Path) -> tuple[Path, list[str]]:
    """A library whose article has a hostile title and file name, bookmarked with a
    hostile note; returns (tmp folder, the global flags that use it)."""
    root = tmp_path / "lib"
    file = _article(root, f"n{ESC}]52;c;{OSC52_PAYLOAD}{BEL}\r\u202e.md", HOSTILE)
    flags = ["--data-dir", str(tmp_path / "data"), "--config", str(tmp_path / "none.yaml")]
    status = main(
        ["bookmarks", "add", str(file), "--note", HOSTILE, "--library", str(root), *flags]
    )
    assert status == 0
    status = main(
        ["bookmarks", "add", str(file), "--quote", "body", "--note", HOSTILE,
         "--library", str(root), *flags]
    )  # fmt: skip
    assert status == 0
    return tmp_path, [*flags, "--library", str(root)]


@pytest.mark.parametrize("fmt", ["md", "yaml", "json"])
def test_bookmark_export_to_a_terminal_is_clean(hostile_state, capsys, fmt: str) -> None:
    _, flags = hostile_state
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", fmt, *flags]) == 0
    out = capsys.readouterr()
    # JSON and YAML spell an escape out (\\u001b, \\e): its payload is then harmless text.
    harmless = () if fmt == "md" else ("clipboard payload", "title text")
    assert forbidden_in(out.out, allow=harmless) == [], out.out
    assert forbidden_in(out.err) == []
    assert "A" in out.out and "G" in out.out  # the text around the escapes is kept


@pytest.mark.parametrize("fmt", ["md", "yaml", "json"])
def test_bookmark_export_to_a_file_keeps_the_text_exactly(
    hostile_state, tmp_path: Path, fmt: str
) -> None:
    _, flags = hostile_state
    target = tmp_path / f"out.{fmt}"
    assert main(["bookmarks", "export", "--format", fmt, "-o", str(target), *flags]) == 0
    text = target.read_bytes().decode("utf-8")
    if fmt == "json":
        notes = [item["body"]["value"] for item in json.loads(text)["items"]]
        assert notes == [HOSTILE, HOSTILE]
    elif fmt == "md":
        assert text.count(f"**Note:** {HOSTILE}\n") == 2
    else:
        from tuireader.state.importing import parse_export

        assert [b.note for b in parse_export(text).bookmarks] == [HOSTILE, HOSTILE]


def test_bookmark_list_is_clean(hostile_state, capsys) -> None:
    _, flags = hostile_state
    capsys.readouterr()
    assert main(["bookmarks", "list", *flags]) == 0
    assert forbidden_in(capsys.readouterr().out) == []


def test_usage_error_does_not_echo_a_hostile_file_name(tmp_path: Path, capsys) -> None:
    good = _article(tmp_path, "good.md", "Good")
    bad = _article(tmp_path, f"x{ESC}]52;c;{OSC52_PAYLOAD}{BEL}\ry\x9b2J\u202e.md", "Bad")
    with pytest.raises(SystemExit) as exit_info:
        main(["show", str(good), str(bad)])  # what `tuireader show ./*` runs
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err
    assert forbidden_in(err) == [], ascii(err)


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    src = str(Path(tuireader.__file__).resolve().parents[1])
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": src, **(env or {})},
        timeout=120,
        check=False,
    )


def test_usage_error_on_a_pipe_with_raw_bytes_in_the_name(tmp_path: Path) -> None:
    good = _article(tmp_path, "good.md", "Good")
    name = (
        os.fsencode(str(tmp_path)) + b"/x\x1b]52;c;" + OSC52_PAYLOAD.encode() + b"\x07\r\x9b2J.md"
    )
    Path(os.fsdecode(name)).write_text("# Bad\n\nText.\n", "utf-8")
    done = _run("show", str(good), os.fsdecode(name))
    assert done.returncode == 2
    assert b"unrecognized arguments" in done.stderr
    assert forbidden_in(done.stderr) == [], done.stderr


def test_markdown_export_redirected_to_a_file_is_exact(hostile_state) -> None:
    tmp_path, flags = hostile_state
    target = tmp_path / "redirected.md"
    src = str(Path(tuireader.__file__).resolve().parents[1])
    with target.open("wb") as out:
        subprocess.run(
            [sys.executable, "-m", "tuireader", "bookmarks", "export", *flags],
            stdout=out,
            env={**os.environ, "PYTHONPATH": src},
            timeout=120,
            check=True,
        )
    text = target.read_bytes().decode("utf-8")
    assert f"**Note:** {HOSTILE}" in text
