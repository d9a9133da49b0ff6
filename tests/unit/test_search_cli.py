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
    assert "x.md" in out and "1 result\n" in out


def test_a_bad_query_exits_2_with_a_message(env, capsys):
    assert main(["search", "after:soon", str(env)]) == 2
    assert "after:" in capsys.readouterr().err


def test_a_date_that_does_not_exist_is_a_bad_query(env, capsys):
    assert main(["search", "after:2024-13-45", str(env)]) == 2
    assert "2024-13-45 is not a date" in capsys.readouterr().err


def test_a_bad_query_with_count_exits_2(env, capsys):
    assert main(["search", "is:nothing", str(env), "--count"]) == 2
    assert "is:" in capsys.readouterr().err


# While the app writes the catalog (issue 14) --------------------------------------------


def _catalog_of(library, tmp_path):
    from tuireader.config import Paths

    return Paths(tmp_path / "data", tmp_path / "cache", tmp_path / "config.yaml").catalog_db(
        library
    )


def test_search_during_another_scan_answers_from_the_catalog_as_it_is(env, tmp_path, capsys):
    from tuireader.catalog.locks import SCAN, held

    assert main(["search", "经济", str(env), "--count"]) == 0  # scanned and indexed
    capsys.readouterr()
    (env / "新闻" / "9.md").write_text("---\ntitle: 新的\n---\n\n经济新闻。\n", encoding="utf-8")
    with held(_catalog_of(env, tmp_path), SCAN):  # as the app would, scanning
        assert main(["search", "经济", str(env), "--count"]) == 0
        out, err = capsys.readouterr()
    assert out.strip() == "3"  # the new file waits for the scan that is running
    assert "another tuireader is scanning" in err
    assert main(["search", "经济", str(env), "--count"]) == 0  # the lock gone: scanned
    assert capsys.readouterr().out.strip() == "4"


def test_search_during_another_index_build_does_not_build_it_again(env, tmp_path, capsys):
    import sqlite3

    from tuireader import search as library_search
    from tuireader.catalog import Catalog
    from tuireader.catalog.locks import BUILD, held

    db = _catalog_of(env, tmp_path)
    assert main(["search", "经济", str(env), "--count"]) == 0
    conn = sqlite3.connect(db)  # as in the app's first build: one article not indexed yet
    with conn:
        conn.execute("UPDATE search_meta SET value = 'pending' WHERE key = 'state'")
        conn.execute("DELETE FROM search_docs WHERE id = (SELECT max(id) FROM search_docs)")
    conn.close()
    capsys.readouterr()
    with held(db, BUILD):  # the app is building the index
        assert main(["search", "经济", str(env), "--count"]) == 0
        out, err = capsys.readouterr()
    assert "another tuireader is building the search index" in err
    assert "3 of 4 articles indexed" in err
    catalog = Catalog(db, env)
    try:
        assert not library_search.index_status(catalog).ready  # left to the app
    finally:
        catalog.close()


def test_the_cli_counts_results_as_the_search_screen_does(env, capsys):
    from tuireader.search import results_words

    assert main(["search", "经济", str(env), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith(results_words(3, 2)) and results_words(3, 2) == (
        "3 results, first 2 shown"
    )


# An indexed library: the search runs while the scan checks the folder ------------------


def _count(capsys, library, query="经济") -> str:
    assert main(["search", query, str(library), "--count"]) == 0
    return capsys.readouterr().out.strip()


def test_the_next_search_sees_an_in_place_rewrite_of_the_same_size(env, capsys):
    import os

    assert _count(capsys, env) == "3"  # scanned and indexed
    path = env / "新闻" / "0.md"
    before = path.stat()
    with open(path, "r+", encoding="utf-8") as file:  # as an editor saves: same inode
        file.write(path.read_text(encoding="utf-8").replace("经济", "政治"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert path.stat().st_size == before.st_size
    assert _count(capsys, env) == "2"
    assert _count(capsys, env, "政治") == "1"


def test_the_next_search_sees_added_and_removed_files(env, capsys):
    assert _count(capsys, env) == "3"
    (env / "新闻" / "9.md").write_text("# 新的\n\n经济新闻。\n", encoding="utf-8")
    assert _count(capsys, env) == "4"
    assert main(["search", "经济", str(env), "--json"]) == 0
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert "新闻/9.md" in paths and len(paths) == 4
    (env / "新闻" / "1.md").unlink()
    assert _count(capsys, env) == "3"
    assert main(["search", "经济", str(env), "--json"]) == 0
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert "新闻/1.md" not in paths and len(paths) == 3


def test_a_bad_query_on_an_indexed_library_exits_2(env, capsys):
    assert _count(capsys, env) == "3"
    assert main(["search", "is:nothing", str(env), "--count"]) == 2
    assert "is:" in capsys.readouterr().err
    assert main(["search", "after:soon", str(env)]) == 2
    assert "after:" in capsys.readouterr().err
