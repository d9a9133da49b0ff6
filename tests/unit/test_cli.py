"""Tests for the tuireader command line: list, tree, show, UI launch arguments."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tuireader import cli
from tuireader.commands import progress
from tuireader.library.model import ArticleMeta

BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def write(path: Path, data: str | bytes) -> Path:
    """Create ``path`` with ``data``, making folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Three Markdown articles in two sections, and one binary file."""
    root = tmp_path / "lib"
    write(root / "新闻" / "one.md", "---\ntitle: 第一篇\ndate: 2024-02-01\n---\n\n正文一。\n")
    write(root / "新闻" / "two.md", "---\ntitle: Second\nauthor: Ann\n---\n\n# Part\n\nText.\n")
    write(root / "tech" / "three.md", "---\ntitle: Third\n---\n\n- item one\n- item two\n")
    write(root / "bad.txt", BINARY)
    return root


@pytest.fixture
def flags(tmp_path: Path) -> list[str]:
    """Location flags that keep the test away from real user folders."""
    return [
        "--cache-dir",
        str(tmp_path / "cache"),
        "--data-dir",
        str(tmp_path / "data"),
        "--config",
        str(tmp_path / "none.yaml"),
    ]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (status, stdout, stderr)."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_json_has_one_object_per_article_and_per_problem(capsys, library, flags) -> None:
    status, out, _ = run(capsys, "list", str(library), "--json", *flags)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    by_path = {record["path"]: record for record in records}
    assert set(by_path) == {"新闻/one.md", "新闻/two.md", "tech/three.md", "bad.txt"}
    first = by_path["新闻/one.md"]
    assert first["title"] == "第一篇"
    assert first["sections"] == ["新闻"]
    assert first["date"] == "2024-02-01"
    assert first["format"] == "markdown"
    # The article's whole metadata, in its one JSON form, between path and file facts.
    assert list(first) == ["path", *ArticleMeta().to_json(), "format", "encoding", "warnings"]
    assert first["meta"] == {} and first["date_precision"] == "day"
    assert by_path["新闻/two.md"]["author"] == "Ann"
    assert by_path["新闻/two.md"]["date"] is None
    assert set(by_path["bad.txt"]) == {"path", "error"}


def test_list_json_rows_are_each_article_s_meta_to_json(capsys, library, flags) -> None:
    from tuireader.catalog import Catalog
    from tuireader.config import resolve_paths

    status, out, _ = run(capsys, "list", str(library), "--json", *flags)
    assert status == 0
    paths = resolve_paths(flags[3], flags[1], flags[5])
    catalog = Catalog(paths.catalog_db(library), library)
    expected = [
        {"path": row.path, **row.meta.to_json(), "format": row.format,
         "encoding": row.encoding, "warnings": list(row.warnings)}
        for row in catalog.iter_rows()
    ]  # fmt: skip
    catalog.close()
    lines = out.splitlines()
    assert [json.loads(line) for line in lines[: len(expected)]] == expected


def test_no_scan_answers_from_the_catalog_without_reading_the_folder(
    capsys, library, flags
) -> None:
    run(capsys, "list", str(library), "--json", *flags)
    write(library / "tech" / "four.md", "---\ntitle: Fourth\n---\n\nText.\n")
    (library / "新闻" / "one.md").unlink()
    status, out, _ = run(capsys, "list", str(library), "--json", "--no-scan", *flags)
    assert status == 0
    paths = {json.loads(line)["path"] for line in out.splitlines()}
    assert "新闻/one.md" in paths and "tech/four.md" not in paths
    _, out, _ = run(capsys, "tree", str(library), "--no-scan", *flags)
    assert "tech (1)" in out.replace("  ", "")
    _, out, _ = run(capsys, "search", "Fourth", str(library), "--count", "--no-scan", *flags)
    assert out.strip() == "0"
    _, out, _ = run(capsys, "search", "Fourth", str(library), "--count", *flags)  # scans
    assert out.strip() == "1"


def test_no_scan_still_scans_a_library_never_scanned(capsys, library, flags) -> None:
    status, out, _ = run(capsys, "list", str(library), "--json", "--no-scan", *flags)
    assert status == 0
    paths = {json.loads(line)["path"] for line in out.splitlines()}
    assert {"新闻/one.md", "tech/three.md"} <= paths


def test_list_table_is_aligned_and_reports_problems(capsys, library, flags) -> None:
    status, out, _ = run(capsys, *flags, "list", str(library))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("DATE")
    assert any("第一篇" in line and "新闻/one.md" in line for line in lines)
    path_columns = {line.index("tech/three.md") for line in lines if "tech/three.md" in line}
    assert len(path_columns) == 1
    assert "1 file(s) could not be read:" in out
    assert "bad.txt" in out.split("could not be read:")[1]


def test_second_list_uses_the_catalog_in_the_cache_dir(capsys, library, flags, tmp_path):
    run(capsys, "list", str(library), *flags)
    assert list((tmp_path / "cache").glob("catalog-*.db"))
    status, out, _ = run(capsys, "list", str(library), "--json", *flags)
    assert status == 0 and len(out.splitlines()) == 4


def test_environment_variables_choose_the_cache_dir(capsys, library, tmp_path, monkeypatch):
    monkeypatch.setenv("TUIREADER_CACHE_DIR", str(tmp_path / "envcache"))
    monkeypatch.setenv("TUIREADER_DATA_DIR", str(tmp_path / "envdata"))
    monkeypatch.setenv("TUIREADER_CONFIG", str(tmp_path / "none.yaml"))
    status, _, _ = run(capsys, "tree", str(library))
    assert status == 0
    assert list((tmp_path / "envcache").glob("catalog-*.db"))


def test_tree_prints_indented_counts(capsys, library, flags) -> None:
    status, out, err = run(capsys, "tree", str(library), *flags)
    assert status == 0
    assert out.splitlines() == ["All articles (3)", "  tech (1)", "  新闻 (2)"]
    assert "1 file(s) could not be read" in err


def test_show_prints_clean_text(capsys, library, flags) -> None:
    status, out, _ = run(capsys, "show", str(library / "新闻" / "two.md"), *flags)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Second"
    assert "Ann" in out
    assert "Part" in lines and "Text." in lines


def test_show_markdown(capsys, library, flags) -> None:
    status, out, _ = run(capsys, "show", str(library / "tech" / "three.md"), "--format", "md")
    assert status == 0
    lines = out.splitlines()
    # Front matter with the article's metadata, then the title and the blocks.
    assert lines[0] == "---" and 'title: "Third"' in lines
    assert lines[lines.index("---", 1) + 2] == "# Third"
    assert "- item one" in lines


def test_show_bad_file_fails_with_message(capsys, library) -> None:
    status, out, err = run(capsys, "show", str(library / "bad.txt"))
    assert status == 1
    assert out == ""
    assert "bad.txt" in err


@pytest.mark.parametrize("command", [["list"], ["tree"], ["show"], []])
def test_missing_path_is_a_usage_error(capsys, tmp_path, flags, command) -> None:
    status, _, err = run(capsys, *command, str(tmp_path / "nowhere"), *flags)
    assert status == 2
    assert "nowhere" in err


def test_hostile_file_name_never_reaches_the_terminal_raw(capsys, tmp_path, flags) -> None:
    root = tmp_path / "lib"
    write(root / "evil\x1b]0;pwned\x07[@click=app.quit].md", "---\ntitle: Evil\n---\n\nx\n")
    write(root / "x\x9b2J.txt", BINARY)
    _, table, _ = run(capsys, "list", str(root), *flags)
    _, as_json, _ = run(capsys, "list", str(root), "--json", *flags)
    for out in (table, as_json):
        assert not any(ch in out for ch in "\x1b\x07\x9b")
    paths = {json.loads(line)["path"] for line in as_json.splitlines()}
    assert "evil\x1b]0;pwned\x07[@click=app.quit].md" in paths


@pytest.fixture
def fake_ui(monkeypatch) -> list[tuple]:
    """Replace tuireader.ui.app with a stand-in that records run_app's arguments."""
    calls: list[tuple] = []
    module = types.ModuleType("tuireader.ui.app")

    def run_app(paths, settings, library, open_file=None) -> int:
        calls.append((paths, settings, library, open_file))
        return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tuireader.ui.app", module)
    return calls


def test_ui_opens_a_library_folder(library, flags, fake_ui, tmp_path) -> None:
    assert cli.main([*flags, str(library)]) == 0
    (paths, _, opened, open_file) = fake_ui[0]
    assert (opened, open_file) == (library, None)
    assert paths.cache_dir == tmp_path / "cache"
    assert paths.data_dir == tmp_path / "data"


def test_ui_opens_one_article_in_its_folder(library, flags, fake_ui) -> None:
    article = library / "新闻" / "one.md"
    assert cli.main([str(article), *flags]) == 0
    assert fake_ui[0][2:] == (library / "新闻", article)


def test_ui_defaults_to_the_configured_library(library, tmp_path, fake_ui) -> None:
    config = write(tmp_path / "config.yaml", f"library: {library}\n")
    assert cli.main(["--config", str(config), "--cache-dir", str(tmp_path / "c")]) == 0
    assert fake_ui[0][2] == library


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("tuireader ")


class FakeTerminal:
    """A stream that says whether it is a terminal and keeps what was written."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.written = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written += text

    def flush(self) -> None:
        pass


def test_progress_bar_draws_on_a_terminal_and_clears(monkeypatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    stream = FakeTerminal(tty=True)
    bar = progress.ProgressBar(stream, "scanning")
    bar(5, 10)
    assert "scanning [" in stream.written and "5/10" in stream.written
    bar.finish()
    assert stream.written.endswith("\r\x1b[2K")


def test_progress_bar_is_silent_off_a_terminal_or_when_quick(monkeypatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    piped = FakeTerminal(tty=False)
    bar = progress.ProgressBar(piped, "scanning")
    bar(5, 10)
    bar.finish()
    assert piped.written == ""
    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 3600.0)
    quick = FakeTerminal(tty=True)
    bar = progress.ProgressBar(quick, "scanning")
    bar(5, 10)
    bar.finish()
    assert quick.written == ""


def run_cli_process(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m tuireader`` in a child (a hang fails the test instead of the run)."""
    src = str(Path(cli.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )


UNSAFE_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]")


def test_hostile_library_lists_safely_and_completely(tmp_path, flags) -> None:
    from hostile_library import OSC52_PAYLOAD, build_hostile_library

    root = tmp_path / "hostile"
    build_hostile_library(root)
    listed = run_cli_process("list", str(root), "--json", *flags)
    assert listed.returncode == 0, listed.stderr
    assert not UNSAFE_BYTES.search(listed.stdout)
    records = {}
    for line in listed.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        records[record["path"]] = record
    for loads in ("ok/plain.txt", "files/normal.txt", "files/x.txt/inside.txt"):
        assert "title" in records[loads], records.get(loads)
    for fails in ("files/a.txt", "files/zero.txt", "files/dangling.txt"):
        assert records[fails]["error"], fails
    assert "files/long-line.txt" in records
    assert not any(OSC52_PAYLOAD in str(r.get("title")) for r in records.values())
    for command in ("list", "tree"):
        shown = run_cli_process(command, str(root), *flags)
        assert shown.returncode == 0, shown.stderr
        assert not UNSAFE_BYTES.search(shown.stdout + shown.stderr), command


def test_show_reads_the_encoding_the_user_sets(capsys, tmp_path) -> None:
    path = tmp_path / "旧文.txt"
    path.write_bytes("标题：旧文\n这是用国标码保存的一段文字。\n".encode("gb18030"))
    status, out, _ = run(capsys, "show", str(path), "--encoding", "gb18030")
    assert status == 0 and "这是用国标码保存的一段文字。" in out
    status, out, _ = run(capsys, "show", str(path), "--encoding", "utf-8")
    assert status == 0 and "\ufffd" in out  # told to, it reads UTF-8, bad bytes replaced
    status, _, err = run(capsys, "show", str(path), "--encoding", "no-such-codec")
    assert status == 1 and "unknown encoding" in err
