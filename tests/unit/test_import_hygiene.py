"""The core never imports textual: checked in fresh interpreters, as users would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tuireader

# Imports every tuireader module outside ui/ (and __main__, which runs the CLI), then
# names any UI library that came along.
_IMPORT_CORE = """
import importlib, pkgutil, sys
import tuireader
names = [
    m.name for m in pkgutil.walk_packages(tuireader.__path__, "tuireader.")
    if not m.name.startswith("tuireader.ui") and m.name != "tuireader.__main__"
]
for name in names:
    importlib.import_module(name)
print(len(names))
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
"""


def _env() -> dict[str, str]:
    """The environment with this checkout's package importable."""
    src = str(Path(tuireader.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def test_core_modules_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CORE],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
        timeout=120,
    )
    count, textual_modules = result.stdout.splitlines()
    assert int(count) >= 10  # loader, catalog, commands, text, formats, ...
    assert textual_modules == ""


def test_list_command_does_not_import_textual(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.md").write_text("---\ntitle: A\n---\n\nBody.\n")
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "tuireader",
            "list",
            str(library),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--data-dir",
            str(tmp_path / "data"),
            "--config",
            str(tmp_path / "none.yaml"),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
        timeout=120,
    )
    assert "a.md" in result.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "tuireader.catalog" in imported  # the check below looks at the right output
    assert not [name for name in imported if name.split(".")[0] == "textual"]
