"""Markup in article data stays text: shown literally, never a live action, never a crash.

Rich/Textual markup given to a widget as a ``str`` runs actions (``[@click=app.screenshot
(...)]`` wrote a file) or raises MarkupError (``[/foo]``) and ends the app. These Pilot
tests build a library whose section folders, file names, titles, tags and bodies hold such
markup, and check that the app shows it as written, that clicking it runs nothing, and
that notifications and the help built from data neither crash nor carry escapes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from tests.ui.conftest import Notes
from tuireader.config import Paths, Settings

pytestmark = pytest.mark.anyio

SIZE = (160, 40)
# Actions that leave a trace: a file in the working folder, or the problems screen.
SHOT = "[@click=app.screenshot('shot.svg','.')]shot[/]"
KEY = "[@click=app.simulate_key('P')]key[/]"
QUIT = "[@click=app.quit]quit[/]"
BROKEN = ("[/foo]", "[/]", "[bold", "[link=http://x]link[/link]")
# Names cannot hold "/": folder and file names use the markup that needs none.
NAME_MARKUP = "[@click=app.screenshot('name.svg','.')]n[ [bold [@click=app.quit]q["


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio."""
    return "asyncio"


@pytest.fixture
def markup_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library full of markup; the working folder is an empty ``cwd`` to catch files."""
    root = tmp_path / "lib"
    section = root / f"section {NAME_MARKUP}"
    section.mkdir(parents=True)
    tags = ", ".join(f'"{m}"' for m in (SHOT, *BROKEN))
    body = "\n\n".join(f"{m} in a paragraph." for m in (SHOT, KEY, QUIT, *BROKEN))
    (section / f"a {NAME_MARKUP}.md").write_text(
        f'---\ntitle: "Title {SHOT} {BROKEN[0]}"\nauthor: "{BROKEN[2]}"\ntags: [{tags}]\n'
        f'categories: ["{KEY}", "{BROKEN[1]}"]\n---\n\n{body}\n',
        encoding="utf-8",
    )
    (root / f"{NAME_MARKUP}.txt").write_text(f"{QUIT} {BROKEN[0]}\n\n{body}\n", encoding="utf-8")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return root


def make_app(tmp_path: Path, library: Path) -> Any:
    """The app on private data, cache and config paths."""
    from tuireader.ui.app import TuireaderApp

    paths = Paths(tmp_path / "data", tmp_path / "cache", tmp_path / "config.yaml")
    return TuireaderApp(paths, Settings(), library)


async def settle(pilot: Any) -> None:
    """Wait until the library is open and workers are done."""
    for _ in range(200):
        if getattr(pilot.app.screen, "library", True) is not None:
            break
        await pilot.pause(0.01)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_lines(app: Any) -> list[str]:
    """The text the tree, the list and the reader show, each row where it is on screen.

    Each of them draws line by line (Textual's line API): ``render_line(y)`` is exactly
    what the screen shows in row ``y`` of the widget's content region.
    """
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    screen = app.screen
    for widget in (screen.section_tree, screen.article_list, screen.reader):
        if not widget.display:
            continue
        region = widget.content_region
        for y in range(region.height):
            x = region.x
            for segment in widget.render_line(y):
                for char in segment.text:
                    if 0 <= x < width and 0 <= region.y + y < height:
                        rows[region.y + y][x] = char
                    x += cell_len(char)
    return ["".join(row) for row in rows]


async def expand_everything(app: Any, pilot: Any) -> None:
    """Open every node of the section tree (children are added as nodes open)."""
    tree = app.screen.section_tree
    for _ in range(6):
        stack = [tree.root]
        while stack:
            node = stack.pop()
            node.expand()
            stack.extend(node.children)
        await pilot.pause()


def tree_labels(app: Any) -> list[str]:
    """The plain text of every label in the section tree."""
    labels, stack = [], [app.screen.section_tree.root]
    while stack:
        node = stack.pop()
        labels.append(node.label.plain)
        stack.extend(node.children)
    return labels


async def open_first_article(app: Any, pilot: Any) -> None:
    """Focus the article list and open the article under its cursor."""
    app.screen.article_list.focus()
    await pilot.press("enter")
    await settle(pilot)


def action_traces(cwd: Path, app: Any) -> list[str]:
    """Evidence that an action from content ran."""
    traces = [f"file {p.name}" for p in cwd.iterdir()]
    if app.screen.__class__.__name__ != "MainScreen":
        traces.append(f"screen {app.screen.__class__.__name__}")
    if app.return_code is not None or not app.is_running:
        traces.append("the app ended")
    return traces


async def test_markup_is_shown_as_written(tmp_path: Path, markup_library: Path) -> None:
    app = make_app(tmp_path, markup_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await expand_everything(app, pilot)
        await open_first_article(app, pilot)
        text = "\n".join(screen_lines(app))
        labels = tree_labels(app)
        assert app.is_running
    assert any(label.startswith(f"section {NAME_MARKUP}  ") for label in labels), labels
    assert any(label.startswith(f"{KEY}  ") for label in labels), labels  # a category
    assert f"Title {SHOT} {BROKEN[0]}" in text  # list row or reader title
    assert f"{SHOT} in a paragraph." in text  # body
    assert f"{BROKEN[1]} in a paragraph." in text
    assert f"{BROKEN[2]} in a paragraph." in text


def _markup_cells(lines: list[str]) -> list[tuple[int, int]]:
    """Screen cells (x, y) on every '[@click' shown, and a few cells after each."""
    cells = []
    for y, line in enumerate(lines):
        start = line.find("[@click")
        while start >= 0:
            x = cell_len(line[:start])
            cells += [(x + dx, y) for dx in (0, 2, 8, 16, 30, 40)]
            start = line.find("[@click", start + 1)
    return cells


async def test_clicking_markup_runs_no_action(tmp_path: Path, markup_library: Path) -> None:
    app = make_app(tmp_path, markup_library)
    cwd = Path.cwd()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await expand_everything(app, pilot)
        await open_first_article(app, pilot)
        cells = _markup_cells(screen_lines(app))
        assert len(cells) >= 5 * 6, "the markup should be on screen to click"
        for x, y in cells:
            await pilot.click(offset=(x, y))
            assert action_traces(cwd, app) == [], (x, y)
        await settle(pilot)
        assert action_traces(cwd, app) == []


async def test_notifications_from_data_are_plain_and_clean(
    tmp_path: Path, markup_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuireader.ui.library import Library

    hostile = f"{BROKEN[0]} {SHOT} \x1b]52;c;SGVsbG8=\x07 \x1b]0;title\x07 \x1bc \x9b2J"

    def failing_load(self: Library, article_id: int, *args: object) -> Any:
        raise ValueError(hostile)

    app = make_app(tmp_path, markup_library)
    notes = Notes()
    async with app.run_test(size=SIZE, notifications=True, message_hook=notes.hook) as pilot:
        await settle(pilot)
        for name in ("load_head", "load_part", "load"):  # whichever part loads first
            monkeypatch.setattr(Library, name, failing_load)
        await open_first_article(app, pilot)
        app.notify(hostile, title=hostile)  # markup=True by default
        app.screen.notify(hostile, title=f"{BROKEN[2]} \x1b]52;c;x\x07")
        await pilot.pause(0.2)
        shown = [str(toast.render().plain) for toast in app.screen.query("Toast")]
        assert app.is_running
    assert len(notes.shown) >= 3
    for title, message in [(n.title, n.message) for n in notes.shown]:
        for part in (title, message):
            assert not [c for c in part if c in "\x1b\x07\x9b"], part
    assert any(f"ValueError: {BROKEN[0]} {SHOT}" in toast for toast in shown), shown


def test_help_table_shows_remapped_keys_literally() -> None:
    from tuireader.ui.screens.help import keys_table

    console = Console(width=160, record=True, file=io.StringIO())
    console.print(keys_table({"article.next": "[/foo]", "article.previous": "[bold"}))
    text = console.export_text()
    assert "[/foo]" in text
    assert "[bold" in text
