"""The background search-index build shows its progress in the main screen's progress row."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.ui.conftest import SIZE, settle
from tuireader.catalog import Catalog
from tuireader.ui.controllers.scanning import Scanning
from tuireader.ui.messages import IndexBuilt, IndexProgress

pytestmark = pytest.mark.anyio


def label_text(screen) -> str:
    """What the progress row's label says."""
    return str(screen.query_one("#scan-label", Static).render())


async def test_progress_row_shows_n_of_m_and_hides_when_done(library, make_app):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        row = screen.query_one("#scan-row")
        assert not row.display
        screen.post_message(IndexProgress(1200, 3400))
        await pilot.pause()
        assert row.display
        assert label_text(screen).strip() == "Indexing for search… 1,200 of 3,400"
        screen.post_message(IndexBuilt(3400, 3400))
        await pilot.pause()
        assert not row.display


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    """More articles than one index batch (400), so the build reports progress midway."""
    root = tmp_path / "big"
    root.mkdir()
    for n in range(450):
        (root / f"n{n:03}.txt").write_text(f"Note {n}\n\nShort text {n}.\n", encoding="utf-8")
    return root


def _record_index_progress(monkeypatch) -> list[tuple[int, int, bool, str]]:
    """Every index progress report a screen shows: (indexed, total, row shown, label),
    recorded from the app's start (the build may begin before the first frame)."""
    seen: list[tuple[int, int, bool, str]] = []
    original = Scanning.show_index_progress

    def spy(self: Scanning, indexed: int, total: int) -> None:
        original(self, indexed, total)
        screen = self.host
        row = screen.query_one("#scan-row")
        seen.append((indexed, total, row.display, label_text(screen).strip()))

    monkeypatch.setattr(Scanning, "show_index_progress", spy)
    return seen


async def test_an_index_build_reports_its_real_progress(big_library, make_app, paths, monkeypatch):
    # Catalogued without indexing (as ``tuireader list`` does): the app's build indexes
    # every article, a batch at a time.
    catalog = Catalog(paths.catalog_db(big_library), big_library)
    catalog.scan()
    catalog.close()
    seen = _record_index_progress(monkeypatch)
    app = make_app(big_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await settle(pilot)
        await settle(pilot)
        midway = [s for s in seen if s[0] < s[1]]
        assert midway and midway[0][:3] == (400, 450, True)
        assert midway[0][3] == "Indexing for search… 400 of 450"
        assert seen[-1][:3] == (450, 450, False)
        assert not screen.query_one("#scan-row").display


async def test_the_first_scan_indexes_as_it_goes(big_library, make_app, monkeypatch):
    # The app's scan indexes each article it stores: the build after it has nothing left
    # to index (it merges the index and marks it ready), so it never reports midway.
    seen = _record_index_progress(monkeypatch)
    app = make_app(big_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await settle(pilot)
        await settle(pilot)
        assert seen and all(s[0] == s[1] == 450 for s in seen)
        assert not screen.query_one("#scan-row").display
