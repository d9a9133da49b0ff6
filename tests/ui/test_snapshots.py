"""Snapshots of the screens at a fixed size (pytest-textual-snapshot; update with
``--snapshot-update`` after checking the new SVG by eye)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import SIZE, settle

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "新闻" / "张掖"
SEED_FILE = "2022-11-01-学习贯彻党的二十大精神.txt"


async def wait_for_scan(pilot) -> None:
    """Let the scan finish and the list settle before the picture is taken."""
    await settle(pilot)


async def open_first(pilot) -> None:
    """Open the first article and let the reader lay it out."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_main_screen(snap_compare, library, make_app):
    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=wait_for_scan)


def test_seed_article_open(snap_compare, tmp_path, make_app):
    if not (SEED / SEED_FILE).is_file():
        pytest.skip("the seed article is not in sample_articles")
    library = tmp_path / "seed-library" / "张掖"
    library.mkdir(parents=True)
    shutil.copy(SEED / SEED_FILE, library / SEED_FILE)
    app = make_app(library.parent)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_first)


def test_help_screen(snap_compare, library, make_app):
    assert snap_compare(
        make_app(library),
        terminal_size=SIZE,
        press=["_", "question_mark"],
        run_before=wait_for_scan,
    )


def test_light_theme(snap_compare, library, make_app):
    app = make_app(library, theme="textual-light")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_first)
