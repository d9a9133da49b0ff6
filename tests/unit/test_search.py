"""Library search: query language, filters, ranking, snippets, index lifecycle."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tuireader import search as library_search
from tuireader.catalog import Catalog
from tuireader.state import StateStore

ARTICLES = {
    "新闻/要闻/a.md": "---\ntitle: 经济形势\ndate: 2022-03-01\n---\n\n经济发展很快，经济向好。\n\n第二段。\n",
    "新闻/本地/b.md": "---\ntitle: 本地新闻\ndate: 2023-05-01\n---\n\n本地经济\n\n旅游很热。\n",
    "文化/c.md": "---\ntitle: 文化生活\ndate: 2021-01-01\n---\n\n旅游和读书。经济一般。\n",
    "news/d.md": "---\ntitle: River City\ndate: 2022-12-31\n---\n\nThe river city council met.\n",
    "news/e.md": "---\ntitle: Plans\n---\n\nＴｅｘｔ in full width and a RIVER.\n",
}


@pytest.fixture
def catalog(tmp_path):
    """A small library, scanned and indexed."""
    root = tmp_path / "lib"
    for rel, text in ARTICLES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    cat = Catalog(tmp_path / "cache" / "catalog.db", root)
    cat.scan()
    library_search.build_index(cat)
    yield cat
    cat.close()


def paths(catalog, query: str, **kwargs) -> list[str]:
    """The result paths of a query, in ranked order."""
    found = library_search.search(catalog, query, **kwargs)
    assert found.error is None
    return [hit.path for hit in found.results]


def test_title_hits_come_first_then_hit_count_then_newest(catalog):
    # a.md has 经济 in its title; b.md (2023) and c.md (2021) each have one body hit.
    assert paths(catalog, "经济") == ["新闻/要闻/a.md", "新闻/本地/b.md", "文化/c.md"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("经济 旅游", {"新闻/本地/b.md", "文化/c.md"}),
        ("经济 -旅游", {"新闻/要闻/a.md"}),
        ("读书 OR council", {"文化/c.md", "news/d.md"}),
        ('"river city"', {"news/d.md"}),
        ("river", {"news/d.md", "news/e.md"}),
        ("text", {"news/e.md"}),
        ("经济 section:要闻", {"新闻/要闻/a.md"}),
        ("经济 section:新闻", {"新闻/要闻/a.md", "新闻/本地/b.md"}),
        ("section:news", {"news/d.md", "news/e.md"}),
        ("section:NEWS", {"news/d.md", "news/e.md"}),
        ("section:new", set()),
        ("经济 after:2022-01-01", {"新闻/要闻/a.md", "新闻/本地/b.md"}),
        ("经济 before:2022-12-31", {"新闻/要闻/a.md", "文化/c.md"}),
        ("after:2022 before:2022", {"新闻/要闻/a.md", "news/d.md"}),
        ("经济 section:新闻 after:2022-06-01", {"新闻/本地/b.md"}),
        ("section:news before:2023 after:2022-12", {"news/d.md"}),
        ("in:title river", {"news/d.md"}),
        ("in:title 经", {"新闻/要闻/a.md"}),
        ("-经济 -river", set()),
        ("不在", set()),
    ],
)
def test_query_language(catalog, query, expected):
    assert set(paths(catalog, query)) == expected
    ids = {catalog.row_by_path(path).id for path in expected}
    assert library_search.matching_ids(catalog, query) == ids
    assert library_search.count(catalog, query) == len(expected)


def test_unread_and_bookmarked_come_from_the_state(catalog, tmp_path):
    store = StateStore.open(tmp_path / "data" / "state.db", backups=False)
    row = catalog.row_by_path("新闻/要闻/a.md")
    store.marks.set_read(row.fingerprint, row.path)
    store.close()
    catalog.attach_state(tmp_path / "data" / "state.db")
    assert set(paths(catalog, "经济 is:unread")) == {"新闻/本地/b.md", "文化/c.md"}
    assert paths(catalog, "经济 is:bookmarked") == []


def test_is_bookmarked_finds_exactly_the_bookmarked_articles(catalog, tmp_path):
    assert set(paths(catalog, "经济 is:unread")) == {  # no state.db: everything is unread
        "新闻/要闻/a.md",
        "新闻/本地/b.md",
        "文化/c.md",
    }
    store = StateStore.open(tmp_path / "data" / "state.db", backups=False)
    for path in ("新闻/本地/b.md", "news/d.md"):
        row = catalog.row_by_path(path)
        store.bookmarks.add_article(row.fingerprint, row.path, "t")
    read = catalog.row_by_path("news/d.md")
    store.marks.set_read(read.fingerprint, read.path)
    store.close()
    catalog.attach_state(tmp_path / "data" / "state.db")
    assert set(paths(catalog, "is:bookmarked")) == {"新闻/本地/b.md", "news/d.md"}
    assert set(paths(catalog, "river")) == {"news/d.md", "news/e.md"}  # read ones too
    assert paths(catalog, "经济 is:bookmarked") == ["新闻/本地/b.md"]
    assert paths(catalog, "is:bookmarked is:unread") == ["新闻/本地/b.md"]
    assert library_search.count(catalog, "river is:bookmarked") == 1


def test_snippet_spans_point_at_the_hit(catalog):
    found = library_search.search(catalog, "river")
    for hit in found.results:
        assert hit.snippet_spans
        for start, end in hit.snippet_spans:
            assert hit.snippet[start:end].casefold() == "river"


def test_snippet_maps_full_width_hits_back(catalog):
    (hit,) = library_search.search(catalog, "TEXT").results
    start, end = hit.snippet_spans[0]
    assert hit.snippet[start:end] == "Ｔｅｘｔ"
    assert hit.hits == 1


def test_result_fields_and_paging(catalog):
    found = library_search.search(catalog, "经济", limit=2, offset=1)
    assert found.total == 3
    assert [hit.path for hit in found.results] == ["新闻/本地/b.md", "文化/c.md"]
    first = library_search.search(catalog, "经济", limit=1).results[0]
    assert first.meta.title == "经济形势"
    assert first.meta.sections == ("新闻", "要闻")
    assert first.meta.date.startswith("2022-03-01")
    assert first.hits == 3  # once in the title, twice in the body
    assert first.in_title


def test_bad_query_is_an_error_for_people(catalog):
    found = library_search.search(catalog, "经济 after:someday")
    assert found.results == [] and "after:" in found.error


def test_empty_query_finds_nothing(catalog):
    found = library_search.search(catalog, "   ")
    assert found.total == 0 and found.error is None
    assert found.ready is True and found.status is None  # the index is built


def test_traditional_and_simplified_variants_on_request(catalog, tmp_path):
    extra = catalog.root / "文化" / "t.md"
    extra.write_text("---\ntitle: 繁體\n---\n\n經濟發展。\n", encoding="utf-8")
    catalog.scan()
    assert "文化/t.md" not in paths(catalog, "经济发展")
    assert "文化/t.md" in paths(catalog, "经济发展", variants=True)
    assert "新闻/要闻/a.md" in paths(catalog, "經濟發展", variants=True)
    t_id = catalog.row_by_path("文化/t.md").id
    assert t_id not in library_search.matching_ids(catalog, "经济发展")
    assert t_id in library_search.matching_ids(catalog, "经济发展", variants=True)
    assert library_search.count(catalog, "经济发展") == 1
    assert library_search.count(catalog, "经济发展", variants=True) == 2
    assert "文化/t.md" in paths(catalog, "-经济发展")
    assert "文化/t.md" not in paths(catalog, "-经济发展", variants=True)  # excluded in both


def test_hits_in_article_for_the_reader(catalog):
    article = catalog.load(catalog.row_by_path("新闻/要闻/a.md").id)
    hits = library_search.hits_in_article(article, "经济 -旅游")
    texts = [article.blocks[b].text[s:e] for b, s, e in hits]
    assert texts == ["经济", "经济"]
    assert hits == sorted(hits)


def test_hits_in_article_take_the_other_script_only_on_request(catalog):
    extra = catalog.root / "文化" / "t.md"
    extra.write_text("---\ntitle: 繁體\n---\n\n經濟與经济。\n", encoding="utf-8")
    catalog.scan()
    article = catalog.load(catalog.row_by_path("文化/t.md").id)

    def found(**kwargs) -> list[str]:
        hits = library_search.hits_in_article(article, "经济", **kwargs)
        return [article.blocks[b].text[s:e] for b, s, e in hits]

    assert found() == ["经济"]
    assert found(variants=True) == ["經濟", "经济"]


def test_index_follows_the_catalog(catalog):
    root = catalog.root
    (root / "news" / "new.md").write_text("# Fresh\n\nA zebra crossing.\n", encoding="utf-8")
    (root / "news" / "d.md").write_text("# River City\n\nNow about bridges.\n", encoding="utf-8")
    (root / "文化" / "c.md").unlink()
    catalog.scan()
    assert paths(catalog, "zebra") == ["news/new.md"]
    assert paths(catalog, "council") == []
    assert paths(catalog, "bridges") == ["news/d.md"]
    assert paths(catalog, "读书") == []
    assert library_search.index_status(catalog).ready


def test_search_says_plainly_when_the_index_is_not_built(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# A\n\n经济。\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan()
    found = library_search.search(cat, "经济")
    assert not found.ready
    assert found.error == (
        "The search index is still being built (0 of 1 articles); results are incomplete."
    )
    assert found.status.total == 1 and found.status.indexed == 0
    empty = library_search.search(cat, "  ")  # nothing to look for: still says how far
    assert empty.ready is False and (empty.status.indexed, empty.status.total) == (0, 1)
    seen = []
    status = library_search.build_index(cat, lambda done, total: seen.append((done, total)))
    assert status.ready and seen[-1] == (1, 1)
    found = library_search.search(cat, "经济")
    assert found.ready and found.error is None and found.total == 1
    cat.close()


def test_build_index_waits_for_another_build_then_finishes_it(tmp_path):
    import threading

    from tuireader.catalog.locks import BUILD, held

    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# A\n\n经济。\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan()
    built = []
    with held(cat.db_path, BUILD):  # as another process building the index would
        assert library_search.build_index_if_free(cat) is None  # the CLI does not wait
        worker = threading.Thread(target=lambda: built.append(library_search.build_index(cat)))
        worker.start()
        # Not a speed check: a build that did not wait would have ended (failing) by now.
        worker.join(timeout=0.5)
        assert worker.is_alive() and not built
    worker.join()
    assert [status.ready for status in built] == [True]
    assert library_search.search(cat, "经济").total == 1
    cat.close()


def test_results_words_count_and_say_how_many_are_shown():
    assert library_search.results_words(1, 1) == "1 result"
    assert library_search.results_words(2, 2) == "2 results"
    assert library_search.results_words(0, 0) == "0 results"
    assert library_search.results_words(1234, 200) == "1,234 results, first 200 shown"


def test_build_picks_up_articles_scanned_while_pending(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# A\n\nalpha\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan()
    (root / "a.md").write_text("# A\n\nbeta\n", encoding="utf-8")
    (root / "b.md").write_text("# B\n\nalphabet\n", encoding="utf-8")
    cat.scan()
    library_search.build_index(cat)
    assert paths(cat, "alpha") == ["b.md"]
    assert paths(cat, "beta") == ["a.md"]
    cat.close()


def _automerge(db_path) -> int | None:
    """The FTS5 ``automerge`` setting stored in the catalog (None: FTS5's default, 4)."""
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT v FROM search_fts_config WHERE k = 'automerge'").fetchone()
    finally:
        conn.close()
    return None if row is None else int(row[0])


def test_a_scan_that_indexes_as_it_goes_leaves_the_build_only_its_marking(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# A\n\nalpha\n", encoding="utf-8")
    (root / "b.md").write_text("# B\n\n经济发展\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan(index=True)
    status = library_search.index_status(cat)
    assert (status.ready, status.indexed, status.total) == (False, 2, 2)
    # The first build's segments are merged once, at the end, not as they are written.
    assert _automerge(cat.db_path) == 0
    # Rescanned while the index is still pending: a changed article's entry is replaced.
    (root / "a.md").write_text("# A\n\nbeta\n", encoding="utf-8")
    (root / "c.md").write_text("# C\n\nalphabet\n", encoding="utf-8")
    cat.scan(index=True)
    status = library_search.index_status(cat)
    assert (status.ready, status.indexed, status.total) == (False, 3, 3)
    seen: list[tuple[int, int]] = []
    assert library_search.build_index(cat, lambda done, total: seen.append((done, total))).ready
    assert seen[-1] == (3, 3)
    assert _automerge(cat.db_path) == 4  # the live index merges as it grows again
    assert paths(cat, "alpha") == ["c.md"]
    assert paths(cat, "beta") == ["a.md"]
    assert paths(cat, "经济") == ["b.md"]
    cat.close()


def test_a_scan_without_indexing_leaves_a_pending_index_empty(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("# A\n\nalpha\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan()
    status = library_search.index_status(cat)
    assert (status.ready, status.indexed, status.total) == (False, 0, 1)
    assert _automerge(cat.db_path) is None
    cat.close()


class _Stop(Exception):
    """Raised from a progress callback: the build is interrupted between two batches."""


def test_an_interrupted_build_stays_pending_and_the_next_one_finishes_it(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    for number in range(450):  # more than one batch of the build
        word = "经济" if number % 3 == 0 else "文化"
        (root / f"a{number:03d}.md").write_text(f"# T{number}\n\n{word}发展\n", encoding="utf-8")
    cat = Catalog(tmp_path / "catalog.db", root)
    cat.scan()

    def stop(indexed: int, total: int) -> None:
        raise _Stop

    with pytest.raises(_Stop):
        library_search.build_index(cat, stop)
    status = library_search.index_status(cat)
    assert not status.ready and 0 < status.indexed < status.total == 450
    assert library_search.build_index(cat).ready
    assert library_search.count(cat, "经济") == 150
    assert library_search.count(cat, "化发") == 300
    assert library_search.count(cat, "展") == 450
    cat.close()
    # The pages the final merge freed went back to the file system.
    conn = sqlite3.connect(tmp_path / "catalog.db")
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()


def test_query_limit_zero_still_counts(catalog):
    found = library_search.search(catalog, "river", limit=0)
    assert found.results == [] and found.total == 2


def test_the_index_lives_in_the_catalog_file(catalog):
    assert Path(catalog.db_path).is_file()
    tables = {
        row[0]
        for row in catalog.queries().conn.execute("SELECT name FROM sqlite_master")
        if row[0].startswith("search_")
    }
    assert {"search_docs", "search_fts", "search_meta"} <= tables


@pytest.mark.parametrize("dense", [0, 1000])
def test_large_sets_rank_title_hits_then_newest_and_page_lazily(catalog, monkeypatch, dense):
    from tuireader.search import plan as search_plan

    monkeypatch.setattr(search_plan, "RANK_ALL", 0)
    monkeypatch.setattr(search_plan, "_DENSE", dense)
    monkeypatch.setattr(search_plan, "dense_page", lambda *args: None)  # the index path
    # Title hit a.md first; then by date: b.md (2023) before c.md (2021).
    assert paths(catalog, "经济") == ["新闻/要闻/a.md", "新闻/本地/b.md", "文化/c.md"]
    assert paths(catalog, "经济", offset=1, limit=1) == ["新闻/本地/b.md"]
    assert library_search.search(catalog, "经济").total == 3  # 2 characters: exact, counted
    # A 4-character term needs checks: counted only when the walk reached the end.
    assert library_search.search(catalog, "经济发展").total == 1
    assert library_search.search(catalog, "river city", limit=1).total == 1  # all checked
    assert library_search.search(catalog, "经济", limit=0).total == 3  # a count only
    monkeypatch.setattr(search_plan, "_CHECK_BATCH", 1)
    assert library_search.search(catalog, "river", limit=1).total is None
    assert paths(catalog, "-经济") == ["news/d.md", "news/e.md"]
    assert library_search.count(catalog, "经济 OR river") == 5


@pytest.mark.parametrize("batch", [1, 256])
def test_dense_sets_take_the_quick_walk_in_the_same_order(catalog, monkeypatch, batch):
    from tuireader.search import plan as search_plan
    from tuireader.search import probe as search_probe

    monkeypatch.setattr(search_plan, "RANK_ALL", 1)  # two matches make a "large" set
    monkeypatch.setattr(search_probe, "_BATCH", batch)
    found = library_search.search(catalog, "经济", limit=2)
    assert [hit.path for hit in found.results] == ["新闻/要闻/a.md", "新闻/本地/b.md"]
    assert found.total is None  # not counted on the quick path
    assert paths(catalog, "经济 section:新闻", limit=1) == ["新闻/要闻/a.md"]
    # Title hits by date (d 2022-12, a 2022-03), then the rest (b 2023, e undated).
    found = library_search.search(catalog, "river OR 经济 -读书", limit=4)
    assert [hit.path for hit in found.results] == [
        "news/d.md",
        "新闻/要闻/a.md",
        "新闻/本地/b.md",
        "news/e.md",
    ]
    assert found.total is None
    assert paths(catalog, "in:title 经济 OR river", offset=1, limit=1) == ["新闻/要闻/a.md"]
    # Too few matches in the probe: the index path answers, counted.
    assert library_search.search(catalog, "council").total == 1
    assert library_search.search(catalog, "council", limit=1).total == 1  # one page, one match
    # A filter set: the walk keeps to it, and takes a dense set within it.
    found = library_search.search(catalog, "经济 section:新闻", limit=1)
    assert [hit.path for hit in found.results] == ["新闻/要闻/a.md"] and found.total is None
    found = library_search.search(catalog, "经济 section:要闻", limit=1)
    assert [hit.path for hit in found.results] == ["新闻/要闻/a.md"] and found.total == 1
    # A count only, or no term to look for: not the walk's work; the index counts.
    assert library_search.search(catalog, "经济", limit=0).total == 3
    assert library_search.search(catalog, "-读书", limit=2).total == 4


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "a\x00bc",
        "\ud800",
        'a"b"c',
        "*",
        "NEAR(a b)",
        "^ab",
        "(",
        "\x1b[2J",
        "x" * 3000,
    ],
)
def test_hostile_queries_find_nothing_quietly(catalog, query):
    found = library_search.search(catalog, query)
    assert found.error is None and found.total == 0


def test_fts_syntax_in_a_query_is_just_text(catalog):
    assert paths(catalog, '"met."') == ["news/d.md"]
    assert paths(catalog, "width AND") == ["news/e.md"]  # AND is a word here: "and" in e.md


def test_snippet_in_a_very_long_paragraph(tmp_path):
    from tuireader.search.snippets import make_snippet
    from tuireader.text.fold import fast_fold

    body = "前言\n" + "文字" * 50_000 + "ＡＢＣ目标词" + "文字" * 50_000
    snippet, spans = make_snippet(body, fast_fold(body), ["目标词"])
    assert len(snippet) < 200
    assert [snippet[s:e] for s, e in spans] == ["目标词"]


def _indexed(tmp_path: Path, articles: dict[str, str]) -> Catalog:
    """A catalog of ``articles`` (path -> Markdown), scanned and indexed."""
    root = tmp_path / "lib"
    for rel, text in articles.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    cat = Catalog(tmp_path / "cache" / "catalog.db", root)
    cat.scan()
    library_search.build_index(cat)
    return cat


def test_an_excluded_long_term_hides_only_articles_that_contain_it(tmp_path):
    # b.md holds both trigrams of 经济发展 (经济发, 济发展) but never the whole term: the
    # index's candidates for it are a superset and must be checked, not subtracted.
    cat = _indexed(
        tmp_path,
        {
            "a.md": "---\ntitle: 甲\n---\n\n经济发展很快。\n",
            "b.md": "---\ntitle: 乙\n---\n\n经济发生了变化，救济发展中的地区。\n",
            "c.md": "---\ntitle: 丙\n---\n\n今天的经济新闻不多。\n",
        },
    )
    assert set(paths(cat, "-经济发展")) == {"b.md", "c.md"}
    assert set(paths(cat, "经济 -经济发展")) == {"b.md", "c.md"}
    assert library_search.count(cat, "-经济发展") == 2
    cat.close()


@pytest.mark.parametrize("rank_all", [200, 3])
def test_among_same_date_body_hits_more_hits_rank_higher(tmp_path, monkeypatch, rank_all):
    from tuireader.search import plan as search_plan

    monkeypatch.setattr(search_plan, "RANK_ALL", rank_all)  # 3: a set of exactly RANK_ALL
    body = "这是一段话。"
    cat = _indexed(
        tmp_path,
        {  # written in this order, so the catalog's ids are not the expected order
            "one.md": f"---\ntitle: 一\ndate: 2022-03-01\n---\n\n{body}经济。\n",
            "three.md": f"---\ntitle: 三\ndate: 2022-03-01\n---\n\n经济，经济，{body}经济。\n",
            "two.md": f"---\ntitle: 二\ndate: 2022-03-01\n---\n\n经济。\n\n{body}经济。\n",
        },
    )
    found = library_search.search(cat, "经济")
    assert [(hit.path, hit.hits) for hit in found.results] == [
        ("three.md", 3),
        ("two.md", 2),
        ("one.md", 1),
    ]
    cat.close()


def test_an_inexact_set_walked_to_its_end_is_counted_exactly(tmp_path, monkeypatch):
    from tuireader.search import plan as search_plan

    monkeypatch.setattr(search_plan, "RANK_ALL", 0)  # every set counts as large
    monkeypatch.setattr(search_plan, "dense_page", lambda *args: None)  # the index path
    monkeypatch.setattr(search_plan, "_CHECK_BATCH", 1)
    cat = _indexed(
        tmp_path,
        {  # b.md holds both trigrams of 经济发展, never the term: a candidate, no match
            "a.md": "---\ntitle: 甲\n---\n\n经济发展很快。\n",
            "b.md": "---\ntitle: 乙\n---\n\n经济发生了变化，救济发展中的地区。\n",
        },
    )
    found = library_search.search(cat, "经济发展", limit=10)
    assert [hit.path for hit in found.results] == ["a.md"] and found.total == 1
    # A count only is never taken from the candidates, a superset: left to count().
    assert library_search.search(cat, "经济发展", limit=0).total is None
    assert library_search.count(cat, "经济发展") == 1
    cat.close()


def test_a_large_set_found_exactly_by_the_index_is_counted_on_its_first_page(tmp_path, monkeypatch):
    from tuireader.search import plan as search_plan

    monkeypatch.setattr(search_plan, "RANK_ALL", 0)  # every set counts as large
    monkeypatch.setattr(search_plan, "dense_page", lambda *args: None)  # the index path
    monkeypatch.setattr(search_plan, "_CHECK_BATCH", 1)  # a page of one stops the walk
    articles = {
        f"{i}.md": f"---\ntitle: 港口 ab{i}\n---\n\n港口城市 abc 和 ab。\n" for i in range(3)
    }
    cat = _indexed(tmp_path, articles)
    # 1-3 characters (or a title term): the index's answer is exact, so it is counted.
    for query in ("港", "港口", "abc", "in:title 港口", "in:title ab", "in:title 港口 a"):
        found = library_search.search(cat, query, limit=1)
        assert len(found.results) == 1 and found.total == 3, query
    # Longer: the candidates are checked only as far as the page needs; not counted.
    found = library_search.search(cat, "港口城市", limit=1)
    assert len(found.results) == 1 and found.total is None
    cat.close()


def test_a_search_gives_the_first_50_results_unless_asked(tmp_path):
    cat = _indexed(tmp_path, {f"{i:02d}.md": f"# {i}\n\n港口。\n" for i in range(51)})
    assert len(library_search.search(cat, "港口").results) == 50
    assert len(library_search.search(cat, "港口", limit=60).results) == 51
    cat.close()


def test_a_title_hit_outranks_more_body_hits(tmp_path):
    cat = _indexed(
        tmp_path,
        {
            "body.md": "---\ntitle: 一\ndate: 2023-01-01\n---\n\n经济，经济，经济，经济。\n",
            "title.md": "---\ntitle: 经济二\ndate: 2020-01-01\n---\n\n别的话。\n",
        },
    )
    assert paths(cat, "经济") == ["title.md", "body.md"]
    cat.close()


def test_an_inexact_term_and_an_inexact_exclusion_together(tmp_path):
    # Both terms are longer than a trigram: both need the check against the text.
    cat = _indexed(
        tmp_path,
        {
            "a.md": "---\ntitle: 甲\n---\n\n经济发展很快。\n",
            "b.md": "---\ntitle: 乙\n---\n\n经济发展中的地区。\n",
            "c.md": "---\ntitle: 丙\n---\n\n发展中的经济。\n",
        },
    )
    assert paths(cat, "经济发展 -发展中的") == ["a.md"]
    assert library_search.count(cat, "经济发展 -发展中的") == 1
    cat.close()
