"""Fixtures shared by every test folder: a small real library and app instances on tmp dirs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tuireader.config import Paths, Settings

# No timed tests: Hypothesis's per-example deadline (200 ms) fails examples that a loaded
# machine merely runs slowly (a JSON-lines property failed a landing at load 6 that way).
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

if os.environ.get("MUTANT_UNDER_TEST") == "stats":
    # mutmut's one-process run that maps functions to tests: cold caches for every test,
    # else a function behind a cache is mapped only to the first test that reached it.
    from mutation_stats import empty_memo_caches

    @pytest.fixture(autouse=True)
    def _cold_memo_caches() -> Iterator[None]:
        empty_memo_caches()
        yield


# (path, title, date, paragraphs)
ARTICLES = [
    ("news/world/harbour.md", "Harbour cranes return", "2024-03-01", 30),
    ("news/world/river.md", "River levels fall", "2024-02-01", 3),
    ("news/local/market.md", "Night market opens", "2024-01-15", 3),
    ("news/local/garden.md", "Rooftop gardens", "2023-12-24", 3),
    ("essays/tea.md", "On tea", "2022-05-05", 3),
]


def write_article(root: Path, path: str, title: str, date: str, paragraphs: int) -> None:
    """Write one Markdown article with front matter and numbered paragraphs."""
    body = "\n\n".join(
        f"Paragraph {n} of {title}. " + "Words to wrap across the reading width. " * 6
        for n in range(paragraphs)
    )
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library of five articles in nested sections."""
    root = tmp_path / "library"
    for path, title, date, paragraphs in ARTICLES:
        write_article(root, path, title, date, paragraphs)
    return root


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """Data, cache and config locations inside tmp_path."""
    return Paths(tmp_path / "data", tmp_path / "cache", tmp_path / "config.yaml")


@pytest.fixture
def make_app(paths: Paths) -> Callable[..., object]:
    """Build a TuireaderApp on the tmp paths (import deferred: textual only when used)."""

    def build(library: Path, open_file: Path | None = None, **settings: object) -> object:
        from tuireader.ui.app import TuireaderApp

        return TuireaderApp(paths, Settings(**settings), library, open_file)

    return build
