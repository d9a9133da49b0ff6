"""``tuireader serve`` without a browser: the command it serves and its checks."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tuireader import cli
from tuireader.commands import serve
from tuireader.commands.serve import app_command
from tuireader.config import Paths


@pytest.fixture
def fake_server(monkeypatch) -> list[dict]:
    """Stand in for the server; record what it was given instead of serving."""
    calls: list[dict] = []

    def run_server(command: str, shown: str, port: int, max_sessions: int) -> None:
        calls.append(
            {"command": command, "host": serve.HOST, "port": port, "max_sessions": max_sessions}
        )
        print(f"tuireader: serving {shown} on http://{serve.HOST}:{port}/?token=x")

    monkeypatch.setattr(serve, "run_server", run_server)
    return calls


def test_the_served_command_runs_this_python_with_the_same_locations(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "da ta", tmp_path / "cache", tmp_path / "c'onf.yaml")
    argv = shlex.split(app_command(paths, tmp_path / "lib; rm -rf ~"))
    assert argv[:3] == [sys.executable, "-m", "tuireader"]
    assert argv[3:] == [
        "--data-dir",
        str(tmp_path / "da ta"),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--config",
        str(tmp_path / "c'onf.yaml"),
        "--",
        str(tmp_path / "lib; rm -rf ~"),
    ]


def test_a_named_library_is_served_by_name(tmp_path: Path) -> None:
    paths = Paths(tmp_path, tmp_path, tmp_path / "c.yaml")
    argv = shlex.split(app_command(paths, tmp_path / "news", "news"))
    assert argv[-2:] == ["--library", "news"]


def test_serve_listens_on_localhost_only(tmp_path: Path, fake_server, capsys) -> None:
    (tmp_path / "lib").mkdir()
    flags = ["--data-dir", str(tmp_path / "d"), "--config", str(tmp_path / "none.yaml")]
    assert cli.main(["serve", str(tmp_path / "lib"), "--port", "8123", *flags]) == 0
    [call] = fake_server
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    assert shlex.split(call["command"])[-1] == str(tmp_path / "lib")
    assert "http://127.0.0.1:8123" in capsys.readouterr().out


def test_serve_checks_the_library_before_serving(tmp_path: Path, fake_server, capsys) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("libraries:\n  news: news\n", encoding="utf-8")
    assert cli.main(["serve", "--library", "sport", "--config", str(config)]) == 2
    assert cli.main(["serve", str(tmp_path / "missing"), "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "no library named 'sport'" in err and "no such file or folder" in err
    assert fake_server == []


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_a_usage_error(port: str, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["serve", "--port", port])
    assert caught.value.code == 2
    assert "--port" in capsys.readouterr().err
