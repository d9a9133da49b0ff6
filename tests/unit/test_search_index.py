"""The search index tables: folding, versions, hooks."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from tuireader.catalog import fts as search_index
from tuireader.text import fold as search_fold
from tuireader.text.fold import fold

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x2FF),
        st.sampled_from("，。！？（）ＡＢＣａｂｃ１２３　經濟发展ﬁ①㈱ｶﾞ가각\u0301\u0308ß"),
    ),
    max_size=40,
)


@given(TEXT)
def test_fast_fold_is_exactly_fold(text):
    assert search_fold.fast_fold(text) == fold(text)


def _catalog_like() -> sqlite3.Connection:
    """A database with the catalog tables the index reads."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, date_rank INT)")
    conn.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, folded TEXT)")
    search_index.ensure_schema(conn)
    return conn


def test_a_new_index_is_pending_and_add_waits_for_the_build():
    conn = _catalog_like()
    assert not search_index.is_ready(conn)
    search_index.add(conn, 1, "T", "经济", "{}")
    assert conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0


def test_once_ready_add_and_remove_keep_the_index_in_step():
    conn = _catalog_like()
    conn.execute("UPDATE search_meta SET value = 'ready' WHERE key = 'state'")
    conn.execute("INSERT INTO articles VALUES (1, 'T', 5)")
    conn.execute("INSERT INTO texts VALUES (1, '经济发展')")
    search_index.add(conn, 1, "Ｔitle", "经济发展", "{}")
    match = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
    assert conn.execute(match, ('"济发展"',)).fetchall() == [(1,)]
    # A changed article: the old entry goes (replaying the text still stored), then the new.
    search_index.remove(conn, [1])
    conn.execute("UPDATE texts SET folded = '文化繁荣' WHERE id = 1")
    search_index.add(conn, 1, "Title", "文化繁荣", "{}")
    row = conn.execute("SELECT title, date_rank FROM search_docs").fetchone()
    assert row == ("title" + search_index.PAD, 5)
    assert conn.execute(match, ('"济发展"',)).fetchall() == []
    assert conn.execute(match, ('"化繁荣"',)).fetchall() == [(1,)]
    assert conn.execute(match, ('"itl"',)).fetchall() == [(1,)]  # the title is indexed too
    search_index.remove(conn, [1, 2])
    assert conn.execute(match, ('"化繁荣"',)).fetchall() == []
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_an_index_of_another_version_is_dropped_and_rebuilt():
    conn = _catalog_like()
    conn.execute("UPDATE search_meta SET value = 'ready' WHERE key = 'state'")
    conn.execute("UPDATE search_meta SET value = 'old' WHERE key = 'version'")
    search_index.ensure_schema(conn)
    assert not search_index.is_ready(conn)
    version = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()[0]
    assert version == search_index.VERSION


def test_a_catalog_without_index_tables_is_not_ready():
    conn = sqlite3.connect(":memory:")
    assert not search_index.is_ready(conn)


@given(TEXT)
def test_fold_positions_agree_with_fold_with_map(text):
    from tuireader.text.fold import fold_with_map

    folded, origin = search_fold.fold_positions(text)
    assert folded == fold(text)
    expected = fold_with_map(text)[1]
    assert (origin if origin is not None else list(range(len(folded)))) == expected


def test_the_byline_is_the_folded_author_and_source_each_padded():
    pad = search_index.PAD
    assert (
        search_index.byline('{"author":"Ｌi Ming","source":"新华社"}') == f"li ming{pad}新华社{pad}"
    )
    assert search_index.byline('{"source":"Ｘ"}') == f"x{pad}"
    assert search_index.byline('{"title":"T"}') == ""
    assert search_index.byline('{"author":7,"source":["a"]}') == ""  # not text: left out
    assert search_index.byline("not json") == ""
    assert search_index.byline('["a list"]') == ""


def test_an_index_that_lost_its_version_row_or_table_is_built_anew():
    for damage in ("DELETE FROM search_meta WHERE key = 'version'", "DROP TABLE search_meta"):
        conn = _catalog_like()
        conn.execute("INSERT INTO search_docs VALUES (1, 't', '', 1)")
        conn.execute(damage)
        search_index.ensure_schema(conn)
        assert not search_index.is_ready(conn)
        assert conn.execute("SELECT count(*) FROM search_docs").fetchone() == (0,)
        version = conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
        assert version == (search_index.VERSION,)


def test_building_a_ready_index_changes_nothing_and_says_so(tmp_path):
    from tuireader import search as library_search
    from tuireader.catalog import Catalog

    root = tmp_path / "lib"
    root.mkdir()
    for number in range(3):
        (root / f"a{number}.md").write_text(f"# T{number}\n\n经济{number}\n", encoding="utf-8")
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        first: list[tuple[int, int]] = []
        assert library_search.build_index(cat, lambda *seen: first.append(seen)).ready
        assert first[0] == first[-1] == (3, 3)  # all in the first batch
        again: list[tuple[int, int]] = []
        status = library_search.build_index(cat, lambda *seen: again.append(seen))
        assert (status.ready, status.indexed, status.total) == (True, 3, 3)
        assert again == [(3, 3)]
        assert library_search.count(cat, "经济") == 3
    finally:
        cat.close()


def test_a_writer_indexes_what_a_transaction_stored_as_it_commits(tmp_path):
    """Indexed together at the commit: an article stored twice by then is indexed with its
    last text, one deleted by then not at all, and the index agrees with the catalog."""
    from tuireader.catalog import Catalog
    from tuireader.catalog import codec as catalog_codec
    from tuireader.catalog.db import connect
    from tuireader.catalog.write import Writer

    root = tmp_path / "lib"
    root.mkdir()

    def outcome(name: str, body: str) -> catalog_codec.Outcome:
        path = root / name
        path.write_text(f"# {name}\n\n{body}\n", encoding="utf-8")
        info = path.stat()
        return catalog_codec.parse_job(
            catalog_codec.Job(path, root, name, info.st_size, info.st_mtime_ns)
        )

    cat = Catalog(tmp_path / "c.db", root)
    conn = connect(cat.db_path)
    try:
        writer = Writer(conn, {}, index=True)
        writer.put(outcome("a.md", "经济发展"))
        writer.put(outcome("b.md", "科学技术"))
        writer.put(outcome("a.md", "文化繁荣"))  # stored again before the commit
        ids = dict(conn.execute("SELECT path, id FROM articles").fetchall())
        assert conn.execute("SELECT count(*) FROM search_docs").fetchone() == (0,)
        writer.remove_vanished([ids["b.md"]], [])  # deletes b, then commits
        match = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
        assert conn.execute(match, ('"化繁荣"',)).fetchall() == [(ids["a.md"],)]
        assert conn.execute(match, ('"济发展"',)).fetchall() == []
        assert conn.execute(match, ('"学技术"',)).fetchall() == []
        assert conn.execute("SELECT id FROM search_docs").fetchall() == [(ids["a.md"],)]
    finally:
        conn.close()
        cat.close()
