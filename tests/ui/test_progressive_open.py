"""Opening the article asked for at start: it comes first, and it shows before it is whole.

``tuireader FILE`` paints the file's first screen before anything else competes for the
process (the start-up rescan and the folder watcher start after it), and a long article
shows its beginning while the rest is still loading: scrolling, ``G``, find and a saved
position deep in the text wait only for the part they need.
"""

from __future__ import annotations

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
