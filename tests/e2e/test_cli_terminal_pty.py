"""The CLI in a real pseudo-terminal: no byte from a file, a note or the config drives it.

Each test runs ``python -m tuireader ...`` under :class:`pty_harness.PtyApp` (a real pty,
its output recorded byte for byte) and searches the recording with
:func:`terminal_bytes.forbidden_in`: usage errors echoing a hostile file name from a shell
glob, bookmark exports and lists holding hostile notes, titles and file names (also
after an import), ``tuireader config`` and the reader itself with a hostile
``date_format``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hostile_cases import OSC52_PAYLOAD, TITLE_CHANGE_TEXT
from pty_harness import PtyApp
from terminal_bytes import forbidden_in

import tuireader

ESC, BEL = "\x1b", "\x07"
HOSTILE = (
    f"A{ESC}]52;c;{OSC52_PAYLOAD}{BEL}B\rC\x9b2J"
    f"D\x9d0;{TITLE_CHANGE_TEXT}\x9cE\u202eF\u2066G{ESC}]0;{TITLE_CHANGE_TEXT}{BEL}"
)
HOSTILE_NAME = os.fsdecode(b"x\x1b]52;c;" + OSC52_PAYLOAD.encode() + b"\x07\ry\x9b2J\xc2\x9b.md")
#: JSON and YAML spell escapes out as text; the payload is then harmless.
SPELLED_OUT = ("clipboard payload", "title text")


def run_pty(tmp_path: Path, *args: str) -> tuple[int, bytes]:
    """Run one command on a pty; (exit status, every byte it wrote)."""
    src = str(Path(tuireader.__file__).resolve().parents[1])
    env = {"PYTHONPATH": src, "TUIREADER_CONFIG": str(tmp_path / "none.yaml")}
    flags = ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]
    with PtyApp([sys.executable, "-m", "tuireader", *args, *flags], env=env) as app:
        status = app.wait_exit(timeout=120)
        return status, bytes(app.output)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library holding one good article and one with a hostile name and title."""
    root = tmp_path / "lib"
    root.mkdir()
    (root / "good.md").write_text("# Good\n\nA plain article body.\n", "utf-8")
    (root / HOSTILE_NAME).write_text(f"# {HOSTILE}\n\nThe body, long enough to quote.\n", "utf-8")
    return root


def test_usage_error_from_a_shell_glob(tmp_path: Path, library: Path) -> None:
    files = sorted(str(p) for p in library.iterdir())  # what `tuireader show ./*` passes
    status, output = run_pty(tmp_path, "show", *files)
    assert status == 2
    assert b"unrecognized arguments" in output
    assert forbidden_in(output) == [], output


def test_show_of_a_hostile_file(tmp_path: Path, library: Path) -> None:
    status, output = run_pty(tmp_path, "show", str(library / HOSTILE_NAME), "--format", "md")
    assert status == 0
    assert forbidden_in(output) == [], output


@pytest.mark.parametrize("fmt", ["md", "yaml", "json"])
def test_bookmark_export_and_list(tmp_path: Path, library: Path, fmt: str) -> None:
    target = str(library / HOSTILE_NAME)
    lib = ["--library", str(library)]
    assert run_pty(tmp_path, "bookmarks", "add", target, "--note", HOSTILE, *lib)[0] == 0
    assert run_pty(tmp_path, "bookmarks", "add", target, "--quote", "body", *lib)[0] == 0
    status, output = run_pty(tmp_path, "bookmarks", "export", "--format", fmt, *lib)
    assert status == 0 and b"A" in output
    assert forbidden_in(output, allow=() if fmt == "md" else SPELLED_OUT) == [], output
    status, output = run_pty(tmp_path, "bookmarks", "list", *lib)
    assert status == 0
    assert forbidden_in(output) == [], output


def test_notes_from_an_imported_file(tmp_path: Path, library: Path) -> None:
    export = {
        "type": "AnnotationCollection",
        "items": [
            {
                "id": "urn:uuid:0f8e5a4c-1111-4222-8333-944455556666",
                "type": "Annotation",
                "created": f"2024{ESC}[2J",
                "target": {
                    "source": f"n{ESC}]52;c;{OSC52_PAYLOAD}{BEL}\r\u202e.md",
                    "title": HOSTILE,
                },
                "body": {"type": "TextualBody", "value": HOSTILE},
                "tuireader": {"fingerprint": f"f{ESC}]0;{TITLE_CHANGE_TEXT}{BEL}"},
            },
            {"type": "Annotation", "target": HOSTILE},  # a bad entry: its problem is printed
        ],
    }
    file = tmp_path / "import.json"
    file.write_text(json.dumps(export), "utf-8")
    lib = ["--library", str(library)]
    status, output = run_pty(tmp_path, "bookmarks", "import", str(file), *lib)
    assert status == 0 and b"imported 1" in output, output
    assert forbidden_in(output) == [], output
    for args in (["export"], ["list"], ["export", "--format", "yaml"]):
        status, output = run_pty(tmp_path, "bookmarks", *args, *lib)
        assert status == 0
        allow = SPELLED_OUT if "yaml" in args else ()
        assert forbidden_in(output, allow=allow) == [], (args, output)


def test_config_with_a_hostile_date_format(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text('date_format: "\\e]0;PW\\a\\e[2J%y"\ntheme: "x\\e[2J"\n', "utf-8")
    status, output = run_pty(tmp_path, "config", "--config", str(config))
    assert status == 1
    assert b"control characters" in output
    assert forbidden_in(output) == [], output
    assert b"\x1b[2J" not in output and b"\x1b]0;" not in output


def test_reader_with_a_hostile_date_format(tmp_path: Path, library: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f'date_format: "\\e]0;{TITLE_CHANGE_TEXT}\\a%y"\n', "utf-8")
    (library / "dated.md").write_text("---\ntitle: Dated\ndate: 2024-03-01\n---\n\nBody.\n")
    src = str(Path(tuireader.__file__).resolve().parents[1])
    argv = [sys.executable, "-m", "tuireader", str(library), "--config", str(config)]
    argv += ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]
    with PtyApp(argv, env={"PYTHONPATH": src}) as app:
        app.wait_for("Dated", timeout=60)
        app.settle()
        status = app.quit("ctrl+q")
    assert status == 0
    # The problem line spells the value out ('\x1b]0;…'); the sequence itself never comes.
    assert b"\x1b]0;" not in app.output and b"\x1b]2;" not in app.output
