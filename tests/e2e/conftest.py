"""End-to-end tests: the real app or command in a pseudo-terminal, a browser or a fresh venv.

Every test here is marked ``e2e`` so the quick lane (``pytest -m "not e2e"``) skips them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test collected from this folder as ``e2e``."""
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
