"""``tuireader list`` over the hostile library: it finishes, lists every file once, and
prints nothing a terminal would act on.

The library comes from :mod:`hostile_library` (every case of HOSTILE_INPUTS.md, with the
10 MB single-line file). The command runs in a child process with a timeout, so a FIFO or
``/dev/zero`` that hangs the reader fails the test instead of the test run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_library import (
    HYPERLINK_URL,
    MARKUP_STRINGS,
    OSC52_PAYLOAD,
    TITLE_CHANGE_TEXT,
    VISIBLE_AFTER,
    VISIBLE_BEFORE,
    build_hostile_library,
)

import tuireader
from tuireader.library.files import rel_path_str

# Entries of the generator that are not files: a directory named x.txt, a symlink loop.
NOT_FILES = {"files/x.txt", "files/loop/up"}
# Files that cannot become articles, whoever runs the test.
ALWAYS_BAD = {"encodings/binary.txt", "files/a.txt", "files/dangling.txt", "files/zero.txt"}
# Raw bytes a terminal would act on: C0 controls but newline, DEL, C1 controls (as UTF-8),
# line/paragraph separators and bidi embeddings/overrides.
UNSAFE = re.compile(
    rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]"
)
MARKERS = (OSC52_PAYLOAD, TITLE_CHANGE_TEXT, HYPERLINK_URL)
TIMEOUT = 180


def run_tuireader(*args: str, data: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m tuireader ARGS`` with private data and cache folders."""
    src = str(Path(tuireader.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src, "TUIREADER_CONFIG": str(data / "none.yaml")}
    flags = ["--cache-dir", str(data / "cache"), "--data-dir", str(data / "data")]
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args, *flags],
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """(library root, {case name: description}, folder for data and cache)."""
    base = tmp_path_factory.mktemp("hostile-cli")
    made = build_hostile_library(base / "lib")
    return base / "lib", made, base


@pytest.fixture(scope="module")
def listed(hostile: tuple[Path, dict[str, str], Path]) -> subprocess.CompletedProcess[bytes]:
    """One ``list --json`` run over the whole hostile library."""
    root, _, base = hostile
    return run_tuireader("list", str(root), "--json", data=base)


@pytest.fixture(scope="module")
def records(listed: subprocess.CompletedProcess[bytes]) -> dict[str, dict[str, object]]:
    """The JSON records by path (a repeated path fails here)."""
    found: dict[str, dict[str, object]] = {}
    for line in listed.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        assert record["path"] not in found, record
        found[record["path"]] = record
    return found


def _expected_keys(root: Path, made: dict[str, str]) -> set[str]:
    """Catalog keys of every file-shaped case (names may be bytes in disguise)."""
    return {rel_path_str(root / name, root) for name in made if name not in NOT_FILES}


def _expected_bad(root: Path) -> set[str]:
    bad = set(ALWAYS_BAD)
    if not os.access(root / "files/mode-000.txt", os.R_OK):  # root can read mode 000
        bad.add("files/mode-000.txt")
    return bad


def test_list_finishes_cleanly(listed: subprocess.CompletedProcess[bytes]) -> None:
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")[-2000:]


def test_one_line_per_file(
    hostile: tuple[Path, dict[str, str], Path], records: dict[str, dict[str, object]]
) -> None:
    root, made, _ = hostile
    expected = _expected_keys(root, made)
    assert set(records) - expected == set(), "listed but not made"
    assert expected - set(records) == set(), "made but not listed"


def test_an_error_for_each_bad_file_and_only_for_them(
    hostile: tuple[Path, dict[str, str], Path], records: dict[str, dict[str, object]]
) -> None:
    root, _, _ = hostile
    with_error = {path for path, record in records.items() if "error" in record}
    assert with_error == _expected_bad(root)
    for path in with_error:
        assert isinstance(records[path]["error"], str) and records[path]["error"], path
    for path in set(records) - with_error:
        assert records[path]["title"], path


def test_output_holds_no_terminal_controls(listed: subprocess.CompletedProcess[bytes]) -> None:
    assert UNSAFE.findall(listed.stdout) == []
    assert UNSAFE.findall(listed.stderr) == []


def test_no_escape_payload_in_any_shown_field(records: dict[str, dict[str, object]]) -> None:
    # ``path`` is the file's key (JSON-escaped); every other field is what people read.
    for path, record in records.items():
        shown = json.dumps({k: v for k, v in record.items() if k != "path"}, ensure_ascii=False)
        assert not [marker for marker in MARKERS if marker in shown], path


def test_text_around_escapes_survives(records: dict[str, dict[str, object]]) -> None:
    titles = [r["title"] for p, r in records.items() if p.startswith("escapes/title-osc")]
    assert titles
    for title in titles:
        assert str(title).startswith(f"Title {VISIBLE_BEFORE}"), title
    assert (
        records["escapes/title-osc52-st.txt"]["title"] == f"Title {VISIBLE_BEFORE}{VISIBLE_AFTER}"
    )


def test_markup_stays_literal(records: dict[str, dict[str, object]]) -> None:
    for index, markup in enumerate(MARKUP_STRINGS):
        assert records[f"markup/title-{index}.txt"]["title"] == f"Title {markup}"
    assert records["报告[/x].txt"]["title"] == "报告"


def test_plain_list_and_tree_are_safe_too(hostile: tuple[Path, dict[str, str], Path]) -> None:
    root, _, base = hostile
    for command in ("list", "tree"):
        shown = run_tuireader(command, str(root), data=base)
        assert shown.returncode == 0, command
        assert UNSAFE.findall(shown.stdout) == [], command
        assert UNSAFE.findall(shown.stderr) == [], command
        text = shown.stdout.decode("utf-8")
        assert not [marker for marker in (OSC52_PAYLOAD, HYPERLINK_URL) if marker in text]
