"""Search sees what the reader shows: author and source (in:author, in:source), the
abstract and a news dateline."""

from __future__ import annotations

import pytest

from tuireader import search as library_search
from tuireader.catalog import Catalog
from tuireader.search.query import QueryError, parse_query

ARTICLES = {
    "a.txt": "标题：河边\n作者：林小雨\n来源：江城日报\n河边的柳树发芽了。\n大家出来散步。\n",
    "b.txt": "标题：山上\n作者：周大山\n来源：山城晚报\n山上的雪化了，林小雨说。\n第二段。\n",
    "c.txt": (
        "【 标  题 】集市\n【 作  者 】马小川\n【内容提要】本文记述河谷集市的变迁。\n【 正  文 】\n"
        "新华社江城４月９日电集市今天开张。\n"
    ),
}


@pytest.fixture
def catalog(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    for rel, text in ARTICLES.items():
        (root / rel).write_text(text, encoding="utf-8")
    cat = Catalog(tmp_path / "cache" / "catalog.db", root)
    cat.scan()
    library_search.build_index(cat)
    yield cat
    cat.close()


def paths(catalog, query: str) -> set[str]:
    return {hit.path for hit in library_search.search(catalog, query).results}


def test_in_author_looks_in_the_author_only(catalog) -> None:
    assert paths(catalog, "in:author 林小雨") == {"a.txt"}  # the body of b names her too
    assert paths(catalog, "in:author 林小雨 OR 周大山") == {"a.txt", "b.txt"}
    assert paths(catalog, "in:author 小 OR 大 山") == {"b.txt"}  # every clause


def test_in_source_looks_in_the_source(catalog) -> None:
    assert paths(catalog, "in:source 晚报") == {"b.txt"}


def test_plain_terms_find_the_author_and_the_source_too(catalog) -> None:
    assert paths(catalog, "林小雨") == {"a.txt", "b.txt"}  # a's author, b's body
    assert paths(catalog, "江城日报") == {"a.txt"}  # a's source line left the body
    assert paths(catalog, "马小川") == {"c.txt"}
    assert paths(catalog, "日报 林小雨") == {"a.txt"}  # terms in different fields
    assert paths(catalog, "林小雨 -日报") == {"b.txt"}
    assert paths(catalog, "报林") == set()  # never across the fields
    assert library_search.count(catalog, "晚报") == 1
    assert paths(catalog, "in:title 林小雨") == set()


def test_an_author_change_is_seen_by_search(catalog, tmp_path) -> None:
    path = tmp_path / "lib" / "a.txt"
    path.write_text(ARTICLES["a.txt"].replace("林小雨", "沈一舟"), encoding="utf-8")
    catalog.scan()
    assert paths(catalog, "沈一舟") == {"a.txt"}
    assert paths(catalog, "林小雨") == {"b.txt"}


def test_abstract_and_dateline_are_searchable(catalog) -> None:
    assert paths(catalog, "变迁") == {"c.txt"}
    assert paths(catalog, "新华社") == {"c.txt"}


def test_in_takes_only_known_fields() -> None:
    query = parse_query("in:author 李 OR 王 明")
    assert query.meta_clauses == (("李", "王"), ("明",))
    assert query.clauses == () and query.terms == ()  # not looked for in the text
    with pytest.raises(QueryError):
        parse_query("in:colour red")
