"""The real ``tuireader`` command in a pseudo-terminal: start, open an article, quit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pty_harness import PtyApp

from tests.conftest import write_article

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="pty")]
SRC = Path(__file__).resolve().parents[2] / "src"


def test_start_open_read_and_quit_in_a_terminal(tmp_path):
    library = tmp_path / "library"
    write_article(library, "news/harbour.md", "Harbour cranes return", "2024-03-01", 3)
    write_article(library, "news/river.md", "River levels fall", "2024-02-01", 3)
    env = {
        "TUIREADER_DATA_DIR": str(tmp_path / "data"),
        "TUIREADER_CACHE_DIR": str(tmp_path / "cache"),
        "TUIREADER_CONFIG": str(tmp_path / "config.yaml"),
        "PYTHONPATH": str(SRC),
    }
    with PtyApp([sys.executable, "-m", "tuireader", str(library)], env=env) as app:
        app.wait_for("River levels fall", timeout=20)
        app.press("j")
        app.read_for(0.3)
        app.press("enter")
        app.wait_for("Paragraph 0 of River levels fall", timeout=20)
        app.press("q")
        app.read_for(0.3)
        assert app.quit("q") == 0
