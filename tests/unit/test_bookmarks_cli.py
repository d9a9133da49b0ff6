"""``tuireader bookmarks list|add|export|import`` run in-process on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tuireader.cli import main
from tuireader.state import StateStore
from tuireader.state.schema import SCHEMA_VERSION

BODY = [
    "连日来，党的二十大报告传遍张掖大地，在广大党员干部群众中引发热议。",
    "新思想引领新时代，新使命开启新征程。市委市政府第一时间召开会议。",
    "The river rose overnight. Farmers moved their cattle to higher ground.",
]


def write(path: Path, paragraphs: list[str], title: str = "张掖要闻") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# " + title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture
def env(tmp_path: Path):
    root = tmp_path / "lib"
    write(root / "新闻" / "a.md", BODY)
    write(root / "b.md", ["另一篇文章的正文。"], title="第二篇")
    data = tmp_path / "data"

    def run(*args: str) -> int:
        return main(["bookmarks", *args, "--library", str(root), "--data-dir", str(data)])

    return root, data, run


def listed(run, capsys) -> list[dict]:
    capsys.readouterr()
    assert run("list", "--json") == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_add_passage_and_article_then_list(env, capsys) -> None:
    root, _data, run = env
    assert (
        run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。", "--note", "记")
        == 0
    )
    assert run("add", str(root / "b.md"), "--note", "whole") == 0
    rows = listed(run, capsys)
    assert [(r["article"], r["quote"], r["note"], r["status"]) for r in rows] == [
        ("新闻/a.md", "新使命开启新征程。", "记", "anchored"),
        ("b.md", None, "whole", "anchored"),
    ]
    assert {r["title"] for r in rows} == {"张掖要闻", "第二篇"}
    assert all(r["created"].endswith("Z") for r in rows)


def test_quote_spanning_paragraphs_is_found(env, capsys) -> None:
    root, _data, run = env
    quote = "引发热议。\n新思想"
    assert run("add", str(root / "新闻" / "a.md"), "--quote", quote) == 0
    assert listed(run, capsys)[0]["quote"] == quote


def test_statuses_after_edit_move_and_delete(env, capsys) -> None:
    root, _data, run = env
    run("add", str(root / "新闻" / "a.md"), "--quote", "Farmers moved their cattle")
    run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。")
    run("add", str(root / "b.md"))
    write(root / "新闻" / "a.md", ["导语。", BODY[0], BODY[1].replace("开启", "开创")])
    (root / "old").mkdir()
    (root / "b.md").rename(root / "old" / "b2.md")
    status = {r["quote"]: (r["status"], r["article"]) for r in listed(run, capsys)}
    assert status == {
        "Farmers moved their cattle": ("orphaned", "新闻/a.md"),
        "新使命开启新征程。": ("reanchored", "新闻/a.md"),
        None: ("moved", "old/b2.md"),
    }
    (root / "old" / "b2.md").unlink()
    assert {r["status"] for r in listed(run, capsys) if r["quote"] is None} == {"orphaned"}


def test_quote_not_in_the_article_adds_nothing(env, capsys) -> None:
    root, _data, run = env
    assert run("add", str(root / "b.md"), "--quote", "不存在的句子") == 2
    assert "not found" in capsys.readouterr().err
    assert listed(run, capsys) == []


def test_missing_file_is_a_usage_error(env, capsys) -> None:
    root, _data, run = env
    assert run("add", str(root / "nope.md")) == 2
    assert "no such file" in capsys.readouterr().err


def test_add_fails_when_nothing_can_be_saved(env, capsys) -> None:
    root, data, run = env
    StateStore.open(data / "state.db").close()
    conn = sqlite3.connect(data / "state.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    capsys.readouterr()
    assert run("add", str(root / "b.md")) == 1
    assert "written by a newer tuireader" in capsys.readouterr().err
    store = StateStore.open(data / "state.db")
    assert store.bookmarks.count() == 0
    store.close()


def test_add_fails_when_the_data_dir_is_unusable(tmp_path: Path, capsys) -> None:
    write(tmp_path / "lib" / "b.md", ["正文。"])
    (tmp_path / "data").write_text("not a folder")
    args = [
        "bookmarks",
        "add",
        str(tmp_path / "lib" / "b.md"),
        "--data-dir",
        str(tmp_path / "data"),
    ]
    assert main(args) == 1
    assert "will not be saved" in capsys.readouterr().err


def test_damaged_state_db_is_reported_and_kept(env, capsys) -> None:
    root, data, run = env
    data.mkdir()
    (data / "state.db").write_bytes(b"garbage" * 50)
    assert run("add", str(root / "b.md")) == 0
    err = capsys.readouterr().err
    assert "not a SQLite database" in err
    assert [p.read_bytes() for p in data.glob("state.db.bad-*")] == [b"garbage" * 50]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_then_import_twice_adds_once(env, tmp_path: Path, capsys, fmt: str) -> None:
    root, _data, run = env
    run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。", "--note", "n")
    run("add", str(root / "b.md"))
    out = tmp_path / f"export.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out)) == 0
    other = ["--library", str(root), "--data-dir", str(tmp_path / "other")]
    capsys.readouterr()
    assert main(["bookmarks", "import", str(out), *other]) == 0
    assert "imported 2 new" in capsys.readouterr().out
    assert main(["bookmarks", "import", str(out), *other]) == 0
    assert "imported 0 new" in capsys.readouterr().out
    assert main(["bookmarks", "list", "--json", *other]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted((r["quote"] or "", r["status"]) for r in rows) == [
        ("", "anchored"),
        ("新使命开启新征程。", "anchored"),
    ]


def test_markdown_export_to_stdout(env, capsys) -> None:
    root, _data, run = env
    run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。", "--note", "想法")
    capsys.readouterr()
    assert run("export", "--format", "md") == 0
    out = capsys.readouterr().out
    assert "## 张掖要闻" in out and "> 新使命开启新征程。" in out and "**Note:** 想法" in out
    assert (root / "新闻" / "a.md").resolve().as_uri() in out


def test_import_of_a_foreign_file_fails_cleanly(env, tmp_path: Path, capsys) -> None:
    _root, _data, run = env
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    assert run("import", str(bad)) == 1  # could not be done (README: 1), not a usage mistake
    assert "cannot import" in capsys.readouterr().err


def test_terminal_escapes_in_notes_never_reach_the_output(env, capsys) -> None:
    root, _data, run = env
    run("add", str(root / "b.md"), "--note", "x\x1b]52;c;aGk=\x07y\x9b31m")
    capsys.readouterr()
    assert run("list") == 0
    text = capsys.readouterr().out
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert run("list", "--json") == 0
    text = capsys.readouterr().out
    assert "\x1b" not in text and "\x9b" not in text


def test_file_outside_the_library_keeps_its_absolute_path(env, tmp_path: Path, capsys) -> None:
    _root, _data, run = env
    outside = tmp_path / "elsewhere" / "x.md"
    write(outside, ["外面的文章。第二句。"], title="外部")
    assert run("add", str(outside), "--quote", "第二句") == 0
    rows = listed(run, capsys)
    assert [(r["article"], r["status"]) for r in rows] == [(str(outside.resolve()), "anchored")]


def _annotation(uid: str, **position) -> dict:
    """A passage annotation of b.md with the given tuireader position fields."""
    return {
        "id": f"urn:uuid:{uid}",
        "type": "Annotation",
        "created": "2024-01-01T00:00:00Z",
        "target": {
            "source": "b.md",
            "title": "第二篇",
            "selector": [{"type": "TextQuoteSelector", "exact": "另一篇"}],
        },
        "tuireader": {"fingerprint": "f" * 32, **position},
    }


@pytest.mark.parametrize(
    "position",
    [
        {"block": 10**30, "start": 0, "end_block": 0, "end": 1},
        {"block": 0, "start": 2**63, "end_block": 0, "end": 1},
        {"block": 0, "start": 0, "end_block": -1, "end": 1},
    ],
)
def test_import_refuses_out_of_range_positions(env, tmp_path: Path, capsys, position) -> None:
    _root, _data, run = env
    good = _annotation("00000000-0000-4000-8000-000000000001", block=0, start=0, end_block=0, end=3)
    bad = _annotation("00000000-0000-4000-8000-000000000002", **position)
    file = tmp_path / "big.json"
    file.write_text(json.dumps({"type": "AnnotationCollection", "items": [good, bad]}), "utf-8")
    assert run("import", str(file)) == 0
    out = capsys.readouterr()
    assert "imported 1 new bookmark(s)" in out.out
    assert "entry 2 skipped" in out.err and "from 0 to 2147483647" in out.err
    assert "Traceback" not in out.err


def test_import_refuses_lone_surrogates(env, tmp_path: Path, capsys) -> None:
    _root, _data, run = env
    bad = _annotation("00000000-0000-4000-8000-000000000003", block=0, start=0, end_block=0, end=3)
    bad["target"]["source"] = "bad\udc9bname.md"
    file = tmp_path / "surrogate.json"
    file.write_text(json.dumps({"type": "AnnotationCollection", "items": [bad]}), "utf-8")
    assert run("import", str(file)) == 0
    out = capsys.readouterr()
    assert "imported 0 new bookmark(s)" in out.out
    assert "entry 1 skipped: path is not valid Unicode text" in out.err


def test_the_read_only_reason_is_printed_once(env, capsys) -> None:
    root, data, run = env
    StateStore.open(data / "state.db").close()
    conn = sqlite3.connect(data / "state.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    capsys.readouterr()
    assert run("add", str(root / "b.md"), "--note", "x") == 1
    err = capsys.readouterr().err
    assert err.count("written by a newer tuireader") == 1
    assert err.count("Not saved") == 1
    assert len(err.strip().splitlines()) == 2


def _export_in_child(root: Path, data: Path, *args: str, limit: int | None = None, stdout=None):
    """``bookmarks export ARGS`` in a child process; ``limit`` caps the file size it may
    write (RLIMIT_FSIZE: writes past it fail with EFBIG, as on a full disk)."""
    import os
    import resource
    import signal
    import subprocess
    import sys

    import tuireader

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    src = str(Path(tuireader.__file__).resolve().parents[1])
    command = [sys.executable, "-m", "tuireader", "bookmarks", "export", *args]
    command += ["--library", str(root), "--data-dir", str(data)]
    return subprocess.run(
        command,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": src, "TUIREADER_CONFIG": str(data / "none.yaml")},
        preexec_fn=cap,
        timeout=120,
        check=False,
    )


def test_a_full_disk_export_names_the_file(env, tmp_path: Path) -> None:
    root, data, run = env
    for n in range(10):
        write(root / f"n{n}.md", [f"正文 {n}。"], title=f"标题 {n}")
        assert run("add", str(root / f"n{n}.md"), "--note", f"note {n} " * 40) == 0
    target = tmp_path / "out" / "bookmarks.md"
    target.parent.mkdir()
    target.write_text("the old export\n", "utf-8")
    done = _export_in_child(root, data, "-o", str(target), limit=2000)
    assert done.returncode == 1
    assert f"cannot write {target}: File too large; nothing was exported" in done.stderr
    assert target.read_text("utf-8") == "the old export\n"  # left whole
    assert [p.name for p in target.parent.iterdir()] == ["bookmarks.md"]  # no temp file


def test_an_export_to_a_full_stdout_says_so(env) -> None:
    root, data, run = env
    assert run("add", str(root / "b.md"), "--note", "n") == 0
    with open("/dev/full", "w") as full:
        done = _export_in_child(root, data, stdout=full)
    assert done.returncode == 1
    assert "cannot write the standard output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


# Across edits and moves (issue 14) ------------------------------------------------------


def test_an_article_edited_then_moved_keeps_its_bookmarks(env, capsys) -> None:
    root, _data, run = env
    run("add", str(root / "新闻" / "a.md"))
    run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。")
    write(root / "新闻" / "a.md", ["导语。", *BODY])  # edited in place...
    (root / "old").mkdir()
    (root / "新闻" / "a.md").rename(root / "old" / "a2.md")  # ...then moved
    status = {r["quote"]: (r["status"], r["article"]) for r in listed(run, capsys)}
    assert status == {None: ("moved", "old/a2.md"), "新使命开启新征程。": ("moved", "old/a2.md")}


def test_an_edit_in_place_is_reanchored_even_when_a_copy_has_the_old_text(env, capsys) -> None:
    root, _data, run = env
    write(root / "copy" / "a.md", BODY)  # the same text filed twice
    run("add", str(root / "新闻" / "a.md"), "--quote", "新使命开启新征程。")
    write(root / "新闻" / "a.md", ["导语。", *BODY])
    [row] = listed(run, capsys)
    assert (row["status"], row["article"]) == ("reanchored", "新闻/a.md")


def test_add_without_library_keeps_the_path_in_the_library_the_app_opened(
    tmp_path: Path, capsys
) -> None:
    root, data, cache = tmp_path / "lib", tmp_path / "data", tmp_path / "cache"
    write(root / "新闻" / "a.md", BODY)
    where = ["--data-dir", str(data), "--cache-dir", str(cache), "--config", str(tmp_path / "c")]
    assert main(["list", str(root), *where]) == 0  # the catalog the app would build
    assert main(["bookmarks", "add", str(root / "新闻" / "a.md"), *where]) == 0
    assert "saved: 新闻/a.md" in capsys.readouterr().out
    store = StateStore.open(data / "state.db", backups=False)
    try:
        assert [b.path for b in store.bookmarks.page("", 0, 10)] == ["新闻/a.md"]
    finally:
        store.close()


def test_markdown_export_without_library_never_links_the_bundled_samples(
    tmp_path: Path, capsys
) -> None:
    root, data = tmp_path / "lib", tmp_path / "data"
    write(root / "b.md", ["另一篇文章的正文。"], title="第二篇")
    base = ["--data-dir", str(data), "--config", str(tmp_path / "config.yaml")]
    assert main(["bookmarks", "add", str(root / "b.md"), "--library", str(root), *base]) == 0
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", "md", *base]) == 0
    out = capsys.readouterr().out
    assert "sample_articles" not in out and "[b.md](<b.md>)" in out  # relative: no library
    (tmp_path / "config.yaml").write_text(f"libraries:\n  mine: {root}\n", encoding="utf-8")
    assert main(["bookmarks", "export", "--format", "md", *base]) == 0
    assert (root / "b.md").resolve().as_uri() in capsys.readouterr().out


def test_importing_a_markdown_export_says_what_to_import_instead(
    env, tmp_path: Path, capsys
) -> None:
    root, _data, run = env
    run("add", str(root / "b.md"), "--note", "whole")
    exported = tmp_path / "bookmarks.md"
    assert run("export", "--format", "md", "-o", str(exported)) == 0
    capsys.readouterr()
    assert run("import", str(exported)) == 1
    err = capsys.readouterr().err
    assert "a Markdown export" in err and "--format json" in err
    assert "while scanning" not in err and "yaml" not in err.lower().replace("json or yaml", "")


def test_bad_yaml_in_an_import_is_told_plainly_with_its_line(env, tmp_path: Path, capsys) -> None:
    _root, _data, run = env
    bad = tmp_path / "bad.yaml"
    bad.write_text("tuireader: 1\narticles:\n  - title: [unclosed\n", encoding="utf-8")
    assert run("import", str(bad)) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "cannot import" in line and "line 4" in line and "not valid YAML" in line
    assert "<" not in line and "mark" not in line  # no parser internals
