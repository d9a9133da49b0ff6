"""The fault drills of scripts/faults.py, with small counts (real processes, real kills)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "faults.py"


@pytest.fixture(scope="module")
def faults():
    spec = importlib.util.spec_from_file_location("faults", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["faults"] = module
    spec.loader.exec_module(module)
    return module


def test_kill_9_loses_no_acknowledged_add(faults, tmp_path: Path) -> None:
    result = faults.kill_loop(tmp_path, runs=3)
    assert result["runs"] == 3
    assert result["integrity_ok"] == 3
    assert result["acknowledged"] > 0  # the kill really landed in the middle of the adds
    assert result["lost"] == 0


def test_two_writers_at_once_keep_every_bookmark(faults, tmp_path: Path) -> None:
    assert faults.two_writers(tmp_path, count=60) == (120, 120)


def test_bad_state_files_at_start(faults, tmp_path: Path) -> None:
    assert faults.bad_file_starts(tmp_path) == {"empty": True, "garbage": True, "corrupt": True}


def test_read_marks_and_positions_survive_a_restart(faults, tmp_path: Path) -> None:
    assert faults.restart_persists(tmp_path)


def test_acknowledged_ignores_a_line_cut_by_the_kill(faults) -> None:
    assert faults.acknowledged("aaa\nbbb\nccc") == {"aaa", "bbb"}
    assert faults.acknowledged("") == set()
