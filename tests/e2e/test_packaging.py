"""The wheel: built from this checkout, installed into a fresh venv, run outside the tree.

The venv gets the wheel itself from pip; its dependencies are borrowed from the
environment running the tests (a ``.pth`` file naming its site-packages), so the test
needs no index and takes seconds. Only directories are borrowed, not the ``.pth`` files
in them, so an editable install of tuireader in the outer environment cannot stand in
for the wheel; a check below proves the package is imported from the venv.
"""

from __future__ import annotations

import importlib.util
import json
import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; its stdout (the test fails with stderr if it fails)."""
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout (without build isolation when hatchling is here)."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    run(*command, ROOT, cwd=out)
    [built] = out.glob("tuireader-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; returns its bin folder."""
    home = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", home, cwd=home)
    python = home / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=home)
    outer = [*site.getsitepackages(), sysconfig.get_path("purelib")]
    Path(purelib.strip(), "_outer_dependencies.pth").write_text("\n".join(dict.fromkeys(outer)))
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps"]
    run(*pip, "--no-index", wheel, cwd=home)
    return home / "bin"


def test_the_wheel_carries_the_styles_and_the_sample_library(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = {
        f"tuireader/{p.relative_to(ROOT / 'src' / 'tuireader').as_posix()}"
        for p in (ROOT / "src" / "tuireader").rglob("*.tcss")
    }
    assert styles and styles <= names
    assert any(n.startswith("tuireader/sample_articles/新闻/") for n in names)


def test_the_installed_command_runs_outside_the_source_tree(venv: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = run(venv / "python", "-c", "import tuireader; print(tuireader.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv.parent)
    assert run(venv / "tuireader", "--version", cwd=tmp_path, env=env).startswith("tuireader ")
    flags = ["--cache-dir", tmp_path / "cache", "--data-dir", tmp_path / "data"]
    flags += ["--config", tmp_path / "none.yaml"]
    listed = run(venv / "tuireader", "list", "--json", *flags, cwd=tmp_path, env=env)
    records = [json.loads(line) for line in listed.splitlines()]
    expected = [p for p in SAMPLES.rglob("*") if p.suffix in ARTICLE_SUFFIXES]
    assert len([r for r in records if "title" in r]) == len(expected)
    assert any("勇担新使命" in r.get("title", "") for r in records)


def test_the_installed_app_starts_with_its_styles(venv: Path, tmp_path: Path) -> None:
    script = f"""
import asyncio
from pathlib import Path
from tuireader.config import Paths, Settings, bundled_library
from tuireader.ui.app import TuireaderApp

async def main():
    paths = Paths(Path({str(tmp_path / "d")!r}), Path({str(tmp_path / "c")!r}), Path("none"))
    app = TuireaderApp(paths, Settings(), bundled_library())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for path, _ in app.stylesheet.source:
            print(path)

asyncio.run(main())
"""
    sources = run(venv / "python", "-c", script, cwd=tmp_path).splitlines()
    app_css = [Path(s) for s in sources if s.endswith("app.tcss")]
    assert app_css and all(p.is_relative_to(venv.parent) for p in app_css)
