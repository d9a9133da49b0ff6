"""``--json`` output names a file whose name is not UTF-8 in a way that opens it:
``path`` is the catalog key (``\\xNN`` escapes) and ``path_bytes`` the raw bytes, base64."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from tuireader.cli import main

RAW_NAME = b"bad\x9b\xff name.md"


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    (root / "sub").mkdir(parents=True)
    raw = os.fsencode(root / "sub") + b"/" + RAW_NAME
    with open(raw, "wb") as handle:
        handle.write(b"# Odd name\n\nThe river rose overnight.\n")
    (root / "plain.md").write_text("# Plain\n\nThe river fell.\n", "utf-8")
    return root


def _flags(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c"),
            "--config", str(tmp_path / "none.yaml")]  # fmt: skip


def _opened(root: Path, record: dict) -> bytes:
    raw = base64.b64decode(record["path_bytes"])
    with open(os.fsencode(root) + b"/" + raw, "rb") as handle:
        return handle.read()


def test_list_json_gives_bytes_that_open_the_file(tmp_path: Path, capsys) -> None:
    root = _library(tmp_path)
    assert main(["list", str(root), "--json", *_flags(tmp_path)]) == 0
    records = {r["title"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    odd, plain = records["Odd name"], records["Plain"]
    assert odd["path"] == "sub/bad\\x9b\\xff name.md"
    assert base64.b64decode(odd["path_bytes"]) == b"sub/" + RAW_NAME
    assert _opened(root, odd).startswith(b"# Odd name")
    assert "path_bytes" not in plain  # a UTF-8 name is its own key


def test_search_json_gives_the_same_bytes(tmp_path: Path, capsys) -> None:
    root = _library(tmp_path)
    assert main(["search", "river", str(root), "--json", *_flags(tmp_path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    odd = next(r for r in records if r["title"] == "Odd name")
    assert _opened(root, odd).startswith(b"# Odd name")
