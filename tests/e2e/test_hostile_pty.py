"""End to end: the real app, in a real pseudo-terminal, opens every hostile article.

Each test starts ``python -m tuireader LIBRARY`` under :class:`pty_harness.PtyApp`,
drives it with keys and mouse clicks as a person would, and then searches the bytes the
app wrote to the terminal. Nothing an article file holds may come out as a terminal
command: no OSC 52 clipboard write, no title change, no reset, no leaving the alternate
screen before the app's own exit, no 8-bit C1 control, no OSC 8 hyperlink from content.
The app must still run after all of it and exit with status 0 when asked.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_library import (
    HYPERLINK_URL,
    MARKUP_STRINGS,
    OSC52_PAYLOAD,
    TITLE_CHANGE_TEXT,
    build_hostile_library,
)
from pty_harness import LEAVE_ALT_SCREEN, PtyApp

import tuireader

pytestmark = pytest.mark.e2e

SIZE = (120, 36)
# Byte strings that would make the terminal act; none may come from content.
FORBIDDEN = {
    "OSC 52 clipboard write": b"\x1b]52",
    "OSC 0 title change": b"\x1b]0;",
    "OSC 2 title change": b"\x1b]2;",
    "OSC 8 hyperlink": b"\x1b]8;",
    "ESC c full reset": b"\x1bc",
    "DCS": b"\x1bP",
    "APC": b"\x1b_",
    "PM": b"\x1b^",
    "SOS": b"\x1bX",
    "clipboard payload": OSC52_PAYLOAD.encode(),
    "title text": TITLE_CHANGE_TEXT.encode(),
    "hyperlink target": HYPERLINK_URL.encode(),
}
# C1 controls as a UTF-8 terminal receives them (U+0080-U+009F), NUL, bidi overrides.
FORBIDDEN_CHARS = re.compile("[\x00\x80-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Recording:
    """What one app run wrote, and how it ended."""

    output: bytes
    quit_at: int  # offset of the output when the quit keys were sent
    alive_before_quit: bool
    status: int


def app_argv(root: Path, data: Path) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run the app on ``root``, privately."""
    argv = [sys.executable, "-m", "tuireader", str(root)]
    argv += ["--cache-dir", str(data / "cache"), "--data-dir", str(data / "data")]
    src = str(Path(tuireader.__file__).resolve().parents[1])
    env = {"PYTHONPATH": src, "TUIREADER_CONFIG": str(data / "no-config.yaml")}
    return argv, env


def forbidden_in(data: bytes) -> list[str]:
    """Names of every forbidden sequence found in ``data``."""
    found = [name for name, needle in FORBIDDEN.items() if needle in data]
    chars = FORBIDDEN_CHARS.findall(data.decode("utf-8", "replace"))
    found += [f"U+{ord(char):04X}" for char in sorted(set(chars))]
    return found


def quit_app(app: PtyApp) -> tuple[int, bool, int]:
    """(output offset before quitting, alive then, exit status) after pressing q.

    q leaves full screen, then the reader, then quits: press it until the app ends.
    """
    app.settle(0.2)
    quit_at = app.mark()
    alive = app.alive
    for _ in range(4):
        app.press("q")
        app.settle(0.3, timeout=3)
        if not app.alive:
            break
    status = app.quit("ctrl+q") if app.alive else app.status
    assert status is not None
    return quit_at, alive, status


# -- every article of the hostile library ---------------------------------------------


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    """Open every article of the hostile library in one run, walk the tree, quit."""
    base = tmp_path_factory.mktemp("e2e-hostile")
    build_hostile_library(base / "lib")
    argv, env = app_argv(base / "lib", base)
    with PtyApp(argv, size=SIZE, env=env) as app:
        count = int(
            app.wait_for(re.compile(rb" 1 of ([\d,]+)  sort"), timeout=60)
            .group(1)
            .replace(b",", b"")
        )
        app.settle(0.5)
        start = app.mark()
        app.press("enter")
        app.wait_for("reading:", timeout=20, since=start)
        _open_each_next_article(app, count)
        _walk_tree_and_screens(app)
        quit_at, alive, status = quit_app(app)
    return Recording(bytes(app.output), quit_at, alive, status)


def _open_each_next_article(app: PtyApp, count: int) -> None:
    """Press J until the app says there is no next article.

    J opens the list neighbour of the article that is open; pressed again before that
    article arrives, it opens the same one again, so no article is ever skipped.
    """
    start = app.mark()
    for _ in range(count * 2):
        app.press("J", delay=0.1)
        if app.output.find(b"No more articles.", start) >= 0:
            return
    app.wait_for("No more articles.", timeout=20, since=start)


def _walk_tree_and_screens(app: PtyApp) -> None:
    """Expand every section (their names are hostile too), then problems and help."""
    app.press("shift+tab", "shift+tab")  # reader -> list -> tree
    for _ in range(80):  # down, and open what is under the cursor: a depth-first walk
        app.press("down", "space", delay=0.02)
    app.settle(0.3)
    app.press("P")  # the problems screen lists the unreadable files
    app.settle(0.3)
    app.press("escape")
    app.settle(0.3)
    app.press("?")
    app.settle(0.3)
    app.press("escape")
    app.settle(0.3)


def test_nothing_from_content_reaches_the_terminal(walked: Recording) -> None:
    assert forbidden_in(walked.output) == []


def test_alternate_screen_is_left_only_by_the_exit(walked: Recording) -> None:
    assert LEAVE_ALT_SCREEN not in walked.output[: walked.quit_at]
    assert LEAVE_ALT_SCREEN in walked.output[walked.quit_at :]


def test_app_survives_and_quits_cleanly(walked: Recording) -> None:
    assert walked.alive_before_quit
    assert walked.status == 0


def test_text_around_escapes_is_shown(walked: Recording) -> None:
    assert b"VisibleBefore" in walked.output
    assert b"VisibleAfter" in walked.output


# -- clicking markup ------------------------------------------------------------------


def _markup_library(root: Path, shots: Path) -> None:
    """Articles whose every visible cell is markup that would run an action if live."""
    shot = f"[@click=app.screenshot('x.svg','{shots}')]shot[/] "
    keys = "[@click=app.simulate_key('q')]key[/] [@click=app.quit]quit[/] "
    body = "\n\n".join([(shot + keys) * 60] * 4)
    for index, markup in enumerate(MARKUP_STRINGS):
        folder = root / f"section {markup}".replace("/", "-")
        folder.mkdir(parents=True)
        title = f"{shot}{keys}{markup}"
        (folder / f"{index} {shot.replace('/', '-')}.txt").write_text(f"{title}\n\n{body}\n")


def _click_grid(app: PtyApp, rows: range, columns: range) -> None:
    for y in rows:
        for x in columns:
            app.click(x, y)
    app.settle(0.3)


def test_clicking_markup_text_runs_no_action(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    _markup_library(tmp_path / "lib", shots)
    argv, env = app_argv(tmp_path / "lib", tmp_path)
    with PtyApp(argv, size=SIZE, env=env, cwd=tmp_path) as app:
        app.wait_for(re.compile(rb" 1 of [\d,]+  sort"), timeout=60)
        app.settle(0.5)
        _click_grid(app, range(1, 10, 2), range(30, 118, 11))  # list rows: opens articles
        app.press("f")  # the reader alone fills the screen
        app.settle(0.5)
        _click_grid(app, range(2, 33, 3), range(4, 118, 9))
        app.press("f")
        app.settle(0.3)
        _click_grid(app, range(1, 30, 2), range(2, 26, 6))  # section tree labels
        quit_at, alive, status = quit_app(app)
    assert alive, "a click or a key in the content ended the app"
    assert list(shots.iterdir()) == [], "a click ran app.screenshot"
    assert not list(tmp_path.glob("*.svg"))
    assert status == 0
    assert LEAVE_ALT_SCREEN not in app.output[:quit_at]
    assert b"[@click=app.screenshot" in app.output  # shown literally


# -- messages built from data ---------------------------------------------------------


def test_problem_files_with_hostile_names_are_shown_safely(tmp_path: Path) -> None:
    """Unreadable files named with escapes: the warning and the problems screen."""
    root = tmp_path / "lib"
    root.mkdir()
    (root / "fine.txt").write_text("Fine\n\nA readable neighbour.\n")
    hostile = f"\x1b]0;{TITLE_CHANGE_TEXT}\x07 \x1b]52;c;{OSC52_PAYLOAD}\x07 \x1bc [@click=app.quit]q[ [bold"
    (root / f"binary {hostile}.txt").write_bytes(bytes(range(256)) * 8)
    os.mkfifo(root / f"fifo {hostile}.md")
    argv, env = app_argv(root, tmp_path)
    with PtyApp(argv, size=SIZE, env=env) as app:
        app.wait_for(re.compile(rb" 1 of 1  sort"), timeout=60)
        app.wait_for("file(s)", timeout=20)  # the warning toast
        start = app.mark()
        app.press("P")
        app.wait_for("not a regular file", timeout=20, since=start)
        app.settle(0.3)
        app.press("escape")
        quit_at, alive, status = quit_app(app)
    assert forbidden_in(app.output) == []
    assert b"[@click=app.quit]q[ [bold" in app.output  # the names are shown, markup and all
    assert alive and status == 0
    assert LEAVE_ALT_SCREEN not in app.output[:quit_at]
