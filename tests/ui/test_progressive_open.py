"""Opening the article asked for at start: it comes first, and it shows before it is whole.

``tuireader FILE`` paints the file's first screen before anything else competes for the
process (the start-up rescan and the folder watcher start after it), and a long article
shows its beginning while the rest is still loading: scrolling, ``G``, find and a saved
position deep in the text wait only for the part they need.
"""

from __future__ import annotations

import threading
from itertools import accumulate
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle
from tuireader.catalog import Catalog
from tuireader.config import Paths
from tuireader.ui.messages import ArticleLoaded, ScanFinished

pytestmark = pytest.mark.anyio


def catalogue(library: Path, paths: Paths) -> None:
    """Build the library's catalog, as an earlier start would have."""
    catalog = Catalog(paths.catalog_db(library), library)
    catalog.scan()
    catalog.close()


async def test_the_article_asked_for_at_start_loads_before_the_rescan_starts(
    library, paths, make_app
):
    catalogue(library, paths)
    seen: list[tuple[str, bool]] = []  # (message, whether a scan worker existed then)

    def hook(message: object) -> None:
        if isinstance(message, ArticleLoaded | ScanFinished):
            scans = [w for w in app.workers if w.group == "scan"]
            seen.append((type(message).__name__, bool(scans)))

    app = make_app(library, open_file=library / "news" / "local" / "market.md")
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.screen.current.title == "Night market opens"
    assert seen[0] == ("ArticleLoaded", False)  # nothing scanned while it loaded
    assert ("ScanFinished", True) in seen  # the rescan ran afterwards


PARAGRAPHS = 400  # ~120,000 characters: more than the UI thread decodes at an open
MARKER = "Zanzibar"  # in one paragraph near the end only


def write_long_article(path: Path) -> None:
    """A long Markdown article: numbered paragraphs of ~300 characters."""
    filler = "Words that fill a line of the long article and wrap at the reading width. " * 4
    paragraphs = [
        f"Paragraph {n}. {MARKER + ' ' if n == PARAGRAPHS - 10 else ''}{filler}"
        for n in range(PARAGRAPHS)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: A long read\n---\n\n" + "\n\n".join(paragraphs) + "\n")


class Gate:
    """Holds every whole-article load until :meth:`open` (the parts load as usual)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from tuireader.ui.library import Library

        self.event = threading.Event()
        whole = Library.load

        def held(library: Library, article_id: int) -> object:
            self.event.wait(timeout=30)
            return whole(library, article_id)

        monkeypatch.setattr(Library, "load", held)

    def open(self) -> None:
        """Let the loads through."""
        self.event.set()


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Pause until ``condition()`` holds (workers may be held: no settle here)."""
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


def on_screen(reader) -> str:
    """The reader's rows as drawn."""
    return "\n".join(reader.render_line(y).text for y in range(reader.size.height))


@pytest.fixture
def long_library(tmp_path: Path, paths: Paths) -> Path:
    """A catalogued library holding the long article."""
    root = tmp_path / "long-library"
    write_long_article(root / "long.md")
    catalogue(root, paths)
    return root


async def test_a_long_article_shows_its_beginning_while_the_rest_loads(
    long_library, make_app, monkeypatch
):
    gate = Gate(monkeypatch)
    app = make_app(long_library, open_file=long_library / "long.md")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "current", None) is not None)
        reader = app.screen.reader
        await pilot.pause()
        assert not reader.complete
        assert len(reader.article.blocks) < PARAGRAPHS
        assert "Paragraph 0." in on_screen(reader)
        await pilot.press("space")  # scrolling works in the part that is there
        await pilot.pause()
        moved = reader.position
        assert moved.block > 0
        gate.open()
        await until(pilot, lambda: reader.complete)
        await settle(pilot)
        assert len(reader.article.blocks) == PARAGRAPHS
        assert reader.position == moved  # the rest arrived without moving the text


async def test_g_pressed_while_the_rest_loads_goes_to_the_very_end(
    long_library, make_app, monkeypatch
):
    gate = Gate(monkeypatch)
    app = make_app(long_library, open_file=long_library / "long.md")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "current", None) is not None)
        reader = app.screen.reader
        await pilot.press("G")
        await pilot.pause()
        assert f"Paragraph {PARAGRAPHS - 1}." not in on_screen(reader)  # not there yet
        gate.open()
        await until(pilot, lambda: reader.complete)
        await settle(pilot)
        assert f"Paragraph {PARAGRAPHS - 1}." in on_screen(reader)
        assert reader.percent == 100


async def test_find_typed_while_the_rest_loads_finds_a_hit_in_the_rest(
    long_library, make_app, monkeypatch
):
    gate = Gate(monkeypatch)
    app = make_app(long_library, open_file=long_library / "long.md")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "current", None) is not None)
        reader = app.screen.reader
        await pilot.press("slash", *MARKER)
        await pilot.pause()
        assert MARKER not in on_screen(reader)
        gate.open()
        await until(pilot, lambda: reader.complete)
        await settle(pilot)
        assert MARKER in on_screen(reader)  # the hit is brought into view
        assert app.screen.finder.state.count_text().startswith("1")


async def test_a_position_deep_in_a_long_article_is_restored_before_the_rest_loads(
    long_library, make_app, monkeypatch
):
    from tuireader.library.model import Anchor
    from tuireader.ui.library import HEAD_CHARS, HEAD_LIMIT

    first = make_app(long_library, open_file=long_library / "long.md")
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = first.screen.reader
        # The first paragraph past what the UI thread decodes, with more after it.
        before = list(accumulate(len(block.text) + 1 for block in reader.article.blocks))
        deep = next(index for index, chars in enumerate(before) if chars > HEAD_LIMIT)
        assert before[-1] - before[deep] > HEAD_CHARS
        text = reader.article.blocks[deep].text[:14]
        reader.scroll_to_anchor(Anchor(deep, 0))
        await pilot.pause()
        first.screen.save_position()
    gate = Gate(monkeypatch)
    second = make_app(long_library, open_file=long_library / "long.md")
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(second.screen, "current", None) is not None)
        reader = second.screen.reader
        await pilot.pause()
        assert not reader.complete  # only the part up to the position is there
        assert reader.position == Anchor(deep, 0)
        assert text in on_screen(reader)
        gate.open()
        await until(pilot, lambda: reader.complete)
        await settle(pilot)
        assert reader.position == Anchor(deep, 0)


async def test_the_cycle_collector_paused_for_the_start_runs_again_once_painted(library, make_app):
    import gc

    from tuireader.ui import collector

    app = make_app(library, open_file=library / "essays" / "tea.md")
    collector.pause()  # as the command line does before the reader starts
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.screen.current.title == "On tea"
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # the start-up objects set aside
    finally:
        gc.enable()
        gc.unfreeze()
