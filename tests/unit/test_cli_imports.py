"""The command line: the reader starts without the subcommands' imports; a missing path
gets a screen at a terminal and one line elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader import cli

SRC = Path(__file__).resolve().parents[2] / "src"

# Run the UI path of main() with the app replaced, then list what got imported.
PROBE = """
import sys
import tuireader.cli as cli
cli.launch_ui = lambda args: 0
cli.main([sys.argv[1]])
heavy = sorted(m for m in sys.modules if m == "tuireader.catalog" or m.startswith(
    ("tuireader.commands.listing", "tuireader.commands.search", "tuireader.formats")))
print(",".join(heavy) or "none")
"""


def test_opening_the_reader_imports_no_subcommand_or_parser(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "none"


def test_the_command_table_names_every_registered_command() -> None:
    _, names = cli.build_parser()
    assert set(names) == set(cli.COMMANDS)


def test_missing_path_at_a_terminal_opens_the_notice_screen(tmp_path, monkeypatch) -> None:
    import tuireader.ui.app as app_module

    calls = []
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(app_module, "run_app", lambda *args, **kw: calls.append(args) or 0)
    missing = tmp_path / "nowhere"
    flags = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    status = cli.main([str(missing), *flags])
    assert status == 2
    assert len(calls) == 1
    assert calls[0][2] == missing


def test_missing_path_in_a_script_is_one_line(tmp_path, monkeypatch, capsys) -> None:
    import tuireader.ui.app as app_module

    monkeypatch.setattr(cli, "_interactive", lambda: False)
    monkeypatch.setattr(app_module, "run_app", lambda *a, **k: pytest.fail("no app in scripts"))
    flags = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert cli.main([str(tmp_path / "nowhere"), *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere" in err


@pytest.mark.anyio
async def test_the_app_on_a_missing_folder_shows_the_notice(tmp_path, make_app) -> None:
    app = make_app(tmp_path / "nowhere")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.id == "missing"
        await pilot.press("q")
    assert app.return_code == 0


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    probe = (
        "import sys, tuireader.cli as cli\n"
        "cli.main(['tree', sys.argv[1], '--data-dir', sys.argv[2], '--cache-dir', sys.argv[3]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('tuireader.commands.')))\n"
    )
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.txt").write_text("Hello.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe, *(str(tmp_path / n) for n in ("lib", "d", "c"))],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = done.stdout.strip().splitlines()[-1]
    assert "tuireader.commands.tree" in loaded
    for other in ("listing", "search", "bookmarks", "serve"):
        assert f"tuireader.commands.{other}'" not in loaded
