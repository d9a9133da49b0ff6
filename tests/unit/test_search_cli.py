"""``tuireader search``: JSON results, counts, limits, errors."""

from __future__ import annotations

import json

import pytest

from tuireader.cli import main
from tuireader.library.model import ArticleMeta


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A library and private data/cache folders."""
    monkeypatch.setenv("TUIREADER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TUIREADER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TUIREADER_CONFIG", str(tmp_path / "config.yaml"))
    library = tmp_path / "lib"
    (library / "新闻").mkdir(parents=True)
    for i in range(3):
        text = f"---\ntitle: 报道{i}\ndate: 2022-0{i + 1}-01\n---\n\n中国经济发展{i}。\n"
        (library / "新闻" / f"{i}.md").write_text(text, encoding="utf-8")
    (library / "x.md").write_text("# Other\n\nNothing here.\n", encoding="utf-8")
    return library


def test_json_results(env, capsys):
    assert main(["search", "经济", str(env), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["path"] for line in lines] == ["新闻/2.md", "新闻/1.md", "新闻/0.md"]
    first = lines[0]
    assert list(first) == ["path", *ArticleMeta().to_json(), "hits", "snippet"]
    assert first["sections"] == ["新闻"] and first["hits"] == 1
    assert "经济" in first["snippet"]


def test_limit_and_count(env, capsys):
    assert main(["search", "经济", str(env), "--json", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["search", "经", str(env), "--count"]) == 0
    assert capsys.readouterr().out.strip() == "3"
    assert main(["search", "nothing", str(env), "--count"]) == 0
    assert capsys.readouterr().out.strip() == "1"


def test_table_for_people(env, capsys):
    assert main(["search", "other", str(env)]) == 0
    out = capsys.readouterr().out
    assert "x.md" in out and "1 matching article(s)" in out


def test_a_bad_query_exits_2_with_a_message(env, capsys):
    assert main(["search", "after:soon", str(env)]) == 2
    assert "after:" in capsys.readouterr().err


def test_a_bad_query_with_count_exits_2(env, capsys):
    assert main(["search", "is:nothing", str(env), "--count"]) == 2
    assert "is:" in capsys.readouterr().err
