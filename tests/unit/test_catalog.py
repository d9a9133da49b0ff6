"""Tests for tuireader.catalog: scanning, incremental rescans, listings, tree, state marks."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from tuireader.catalog import Catalog, CatalogFileError, LibraryMissingError, ScanReport
from tuireader.catalog import codec as catalog_codec
from tuireader.catalog import parse as catalog_parse
from tuireader.library import loader as loader_module
from tuireader.library.loader import fingerprint, load_article
from tuireader.library.model import DECODED_WITH_WARNINGS, FileProblem

# (relative path, title, date or None); every file is a Markdown page with front matter.
ARTICLES = [
    ("新闻/要闻/a.md", "Alpha", "2024-01-03"),
    ("新闻/要闻/b.md", "Bravo", "2024-01-05T08:30"),
    ("新闻/c.md", "Charlie", None),
    ("新闻/d.md", "Delta", "2024-01-05T08:30"),
    ("科技/e.md", "Echo", "2023-12-31"),
    ("科技/深度/f.md", "Foxtrot", None),
    ("g.md", "Golf", "2022-06-01"),
]
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def page(title: str, date: str | None, extra: str = "") -> str:
    """A Markdown page with front matter."""
    front = f"title: {title}\n" + (f"date: {date}\n" if date else "")
    return f"---\n{front}---\n\nThe body of {title}. {extra}\n"


def write(path: Path, data: str | bytes) -> Path:
    """Create ``path`` with ``data``, making folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A small library: seven articles in nested folders and one binary file."""
    root = tmp_path / "library"
    for rel, title, date in ARTICLES:
        write(root / rel, page(title, date))
    write(root / "科技" / "broken.txt", BINARY)
    return root


@pytest.fixture
def catalog(tmp_path: Path, library: Path):
    """A scanned catalog of ``library``."""
    cat = Catalog(tmp_path / "cache" / "catalog.db", library)
    cat.scan()
    yield cat
    cat.close()


def titles(rows) -> list[str]:
    """The titles of a list of rows."""
    return [row.title for row in rows]


def bump(path: Path, text: str) -> None:
    """Rewrite a file and move its mtime so the change is seen even on coarse clocks."""
    path.write_text(text)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_first_scan_adds_articles_and_records_the_bad_file(tmp_path, library) -> None:
    cat = Catalog(tmp_path / "c.db", library)
    report = cat.scan()
    assert (report.added, report.updated, report.removed, report.problems) == (7, 0, 0, 1)
    problems = cat.problems()
    assert [p.path for p in problems] == ["科技/broken.txt"]
    assert problems[0].error
    assert cat.count() == 7
    cat.close()


def test_rescan_of_unchanged_library_parses_nothing(catalog, monkeypatch) -> None:
    monkeypatch.setattr(loader_module, "load_article", _forbidden)
    report = catalog.scan()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 8)
    assert report.problems == 1


def _forbidden(path, root, encoding=None):
    raise AssertionError(f"re-parsed {path}")


def test_changed_file_alone_is_reparsed(catalog, library, monkeypatch) -> None:
    parsed: list[str] = []

    def counting(path, root, encoding=None):
        parsed.append(Path(path).name)
        return load_article(path, root)

    monkeypatch.setattr(loader_module, "load_article", counting)
    bump(library / "新闻" / "c.md", page("Charlie Two", None))
    report = catalog.scan()
    assert parsed == ["c.md"]
    assert (report.added, report.updated, report.unchanged) == (0, 1, 7)
    assert "Charlie Two" in titles(catalog.rows(("新闻",), limit=10))
    assert "Charlie" not in titles(catalog.rows(limit=10))


def test_same_size_rewrite_with_a_new_mtime_is_reparsed(catalog, library) -> None:
    path = library / "新闻" / "c.md"
    before = path.stat().st_size
    bump(path, page("Charles", None))  # as many bytes as "Charlie"
    assert path.stat().st_size == before
    report = catalog.scan()
    assert (report.added, report.updated, report.unchanged) == (0, 1, 7)
    assert "Charles" in titles(catalog.rows(limit=10))
    assert "Charlie" not in titles(catalog.rows(limit=10))


def test_a_dangling_link_is_a_problem_and_the_rest_is_scanned(tmp_path, library) -> None:
    (library / "新闻" / "gone.md").symlink_to(library / "nowhere.md")
    cat = Catalog(tmp_path / "c.db", library)
    report = cat.scan()
    assert (report.added, report.problems) == (7, 2)
    assert [p.path for p in cat.problems()] == ["新闻/gone.md", "科技/broken.txt"]  # by path
    cat.close()


def test_a_link_leading_out_of_the_library_is_a_problem_saying_so(tmp_path, library) -> None:
    outside = tmp_path / "elsewhere" / "secret.md"
    write(outside, page("Outside", "2025-01-01"))
    (library / "新闻" / "out.md").symlink_to(outside)
    cat = Catalog(tmp_path / "c.db", library)
    report = cat.scan()
    assert report.added == 7
    problem = {p.path: p.error for p in cat.problems()}["新闻/out.md"]
    assert "outside the library" in problem
    assert "Outside" not in titles(cat.rows(limit=100))
    cat.close()


def test_deleted_file_is_removed_and_new_file_added(catalog, library) -> None:
    (library / "科技" / "e.md").unlink()
    write(library / "科技" / "new.md", page("November", "2025-01-01"))
    report = catalog.scan()
    assert (report.added, report.removed) == (1, 1)
    assert catalog.count(("科技",)) == 2
    assert titles(catalog.rows(("科技",))) == ["November", "Foxtrot"]


def test_fixed_bad_file_leaves_problems_and_broken_file_leaves_articles(catalog, library):
    bump(library / "科技" / "broken.txt", "Now it is plain text.\n")
    write(library / "g.md", BINARY)
    report = catalog.scan()
    assert [p.path for p in catalog.problems()] == ["g.md"]
    assert report.problems == 1
    assert "Golf" not in titles(catalog.rows(limit=100))
    assert catalog.count() == 7


def test_rows_by_date_newest_first_undated_last_then_title(catalog) -> None:
    assert titles(catalog.rows()) == [
        "Bravo",
        "Delta",
        "Alpha",
        "Echo",
        "Golf",
        "Charlie",
        "Foxtrot",
    ]


def test_rows_by_title_and_paging(catalog) -> None:
    everything = titles(catalog.rows(sort="title"))
    assert everything == sorted(everything)
    pages = [titles(catalog.rows(sort="title", offset=i, limit=3)) for i in (0, 3, 6)]
    assert [t for chunk in pages for t in chunk] == everything
    assert catalog.rows(offset=100) == []


def test_chinese_titles_sort_by_pinyin_among_latin_ones(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    names = [
        "我",
        "春",
        "楼",
        "河",
        "秋",
        "老",
        "街",
        "Zebra crossing",
        "阿姨",
        "apple",
        "西安",
        "先",
    ]
    for n, title in enumerate(names):
        write(root / f"a{n}.md", page(title, "2024-01-01"))
    catalog = Catalog(tmp_path / "catalog.db", root)
    catalog.scan()
    try:
        # 阿姨 a·yi, apple, 春 chun, 河 he, 街 jie, 老 lao, 楼 lou, 秋 qiu, 我 wo, 西安 xi·an,
        # 先 xian (a syllable ends before the next begins, as in a dictionary), zebra
        assert titles(catalog.rows(sort="title", limit=20)) == [
            "阿姨", "apple", "春", "河", "街", "老", "楼", "秋", "我", "西安", "先", "Zebra crossing",
        ]  # fmt: skip
    finally:
        catalog.close()


def test_a_schema_5_catalog_gets_pinyin_title_keys_without_a_rebuild(tmp_path: Path) -> None:
    from tuireader.text.fold import fold

    root = tmp_path / "lib"
    for n, title in enumerate(["我", "春", "Apple"]):
        write(root / f"a{n}.md", page(title, "2024-01-01"))
    db = tmp_path / "catalog.db"
    catalog = Catalog(db, root)
    catalog.scan()
    catalog.close()
    conn = sqlite3.connect(db)  # as schema 5 wrote it: the folded title
    with conn:
        for table, key in (("articles", "id"), ("membership", "article_id")):
            conn.execute(
                f"UPDATE {table} SET title_key = "
                f"(SELECT '000007 ' || lower(title) FROM articles a WHERE a.id = {table}.{key})"
            )
        conn.execute("PRAGMA user_version=5")
    conn.close()
    assert fold("Apple") == "apple"
    catalog = Catalog(db, root)
    try:
        assert catalog.count() == 3  # kept, not rebuilt
        assert titles(catalog.rows(sort="title")) == ["Apple", "春", "我"]
        conn = sqlite3.connect(db)
        keys = {row[0] for row in conn.execute("SELECT title_key FROM membership")}
        assert keys == {"000007 apple", "000007 chun1", "000007 wo3"}  # the book place kept
        conn.close()
    finally:
        catalog.close()


def test_section_listing_includes_subsections(catalog) -> None:
    assert titles(catalog.rows(("新闻",))) == ["Bravo", "Delta", "Alpha", "Charlie"]
    assert titles(catalog.rows(("新闻", "要闻"))) == ["Bravo", "Alpha"]
    assert catalog.count(("新闻",)) == 4
    assert catalog.count(("科技", "深度")) == 1
    assert catalog.count(("nowhere",)) == 0


def test_row_fields(catalog) -> None:
    (bravo,) = [row for row in catalog.rows() if row.title == "Bravo"]
    assert bravo.path == "新闻/要闻/b.md"
    assert bravo.meta.sections == ("新闻", "要闻")
    assert bravo.meta.date == "2024-01-05T08:30"
    assert bravo.format == "markdown"
    assert (bravo.read, bravo.bookmarked) == (False, False)
    assert catalog.row(bravo.id) == bravo
    assert catalog.row(10_000) is None


def test_section_tree_counts_roll_up(catalog) -> None:
    root = catalog.section_tree()
    assert (root.name, root.total, root.unread) == ("All articles", 7, 7)
    assert [child.name for child in root.children] == ["新闻", "科技"]
    news, tech = root.children
    assert (news.total, news.path) == (4, ("新闻",))
    assert [(c.name, c.total) for c in news.children] == [("要闻", 2)]
    assert [(c.name, c.path, c.total) for c in tech.children] == [("深度", ("科技", "深度"), 1)]
    assert tech.total == 2


def test_neighbour_walks_the_listing(catalog) -> None:
    rows = catalog.rows(("新闻",))
    first, second = rows[0], rows[1]
    assert catalog.neighbour(first.id, ("新闻",), "date", 1).id == second.id
    assert catalog.neighbour(second.id, ("新闻",), "date", -1).id == first.id
    assert catalog.neighbour(first.id, ("新闻",), "date", 2).id == rows[2].id
    assert catalog.neighbour(rows[-1].id, ("新闻",), "date", 1) is None
    assert catalog.neighbour(first.id, ("新闻",), "date", -1) is None
    by_title = catalog.rows(sort="title")
    assert catalog.neighbour(by_title[0].id, (), "title", 1).id == by_title[1].id


def test_neighbour_without_a_step_is_the_next_article_of_the_listing(catalog) -> None:
    rows = catalog.rows()
    assert [catalog.neighbour(row.id).id for row in rows[:-1]] == [row.id for row in rows[1:]]


def test_known_fingerprints_and_paths_are_those_some_article_has(catalog) -> None:
    rows = catalog.rows(limit=100)
    fingerprints = {row.fingerprint for row in rows}
    assert catalog.known_fingerprints([*fingerprints, "0" * 32]) == fingerprints
    assert catalog.known_paths(["新闻/c.md", "新闻/gone.md", "科技/broken.txt"]) == {"新闻/c.md"}
    assert catalog.known_paths([]) == set()


def test_an_article_is_found_again_by_its_fingerprint(catalog) -> None:
    charlie = next(row for row in catalog.rows(limit=100) if row.title == "Charlie")
    assert catalog.row_by_fingerprint(charlie.fingerprint) == charlie
    assert catalog.row_by_fingerprint("0" * 32) is None


def test_decode_warnings_list_the_articles_read_with_replaced_bytes(tmp_path, library) -> None:
    text = "第一段文字，经济发展很快。" * 20
    write(library / "新闻" / "bad.txt", (text + "\n\n").encode() + b"\xff\xfe " + text.encode())
    cat = Catalog(tmp_path / "c.db", library)
    try:
        cat.scan()
        (problem,) = cat.decode_warnings()
    finally:
        cat.close()
    assert problem == FileProblem(
        "新闻/bad.txt",
        "decoded with warnings: invalid UTF-8 bytes replaced (1 places)",
        DECODED_WITH_WARNINGS,
    )


def test_a_library_of_clean_files_has_no_decode_warnings(catalog) -> None:
    assert catalog.decode_warnings() == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_queries_on_one_thread_reuse_its_connection(catalog) -> None:
    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    catalog.count()
    before = open_files()
    for _ in range(30):  # a long session asks thousands of times: no file handle per query
        catalog.count()
        catalog.rows(limit=5)
    assert open_files() <= before


def test_load_returns_the_same_article_as_the_loader(catalog, library) -> None:
    for row in catalog.rows(limit=100):
        stored = catalog.load(row.id)
        fresh = load_article(library / row.path, library)
        assert stored == fresh
        assert fingerprint(stored) == row.fingerprint
    with pytest.raises(KeyError) as missing:
        catalog.load(10_000)
    assert missing.value.args == (10_000,)  # the id that was not found


def test_text_that_folding_changes_loads_back_exactly(tmp_path) -> None:
    root = tmp_path / "library"
    body = "ＧＤＰ增长５％①，气温３８℃…Straße İstanbul Ａ\u0301 가\u11a8 ﬁle WORLD"
    write(root / "a.md", f"---\ntitle: Ｔ\n---\n\n{body}\n\nSecond PARAGRAPH.\n")
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        (row,) = cat.rows(limit=10)
        assert cat.load(row.id) == load_article(root / "a.md", root)
    finally:
        cat.close()


def test_the_beginning_of_an_article_is_its_first_blocks_exactly(tmp_path) -> None:
    # Texts that folding changes (so the stored edits matter), in blocks of many sizes.
    root = tmp_path / "library"
    pieces = ["ＧＤＰ增长５％①，气温３８℃…", "Straße İstanbul WORLD", "ﬁle Ａ\u0301 가\u11a8"]
    paragraphs = [" ".join(pieces[: 1 + n % 3]) * (1 + n % 7) for n in range(60)]
    write(root / "a.md", "---\ntitle: Ｔ\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        (row,) = cat.rows(limit=10)
        whole = cat.load(row.id)
        total = sum(len(block.text) + 1 for block in whole.blocks)
        for through in (0, 1, 17, 59, 200):
            for chars in (1, 40, 500, 10**6):
                part = cat.load_head(row.id, through, chars)
                assert part is not None
                article, complete = part
                count = len(article.blocks)
                assert article.blocks == whole.blocks[:count]
                assert article.meta == whole.meta
                assert complete == (count == len(whole.blocks))
                assert count > min(through, len(whole.blocks) - 1)  # the position is in it
                after = sum(len(b.text) + 1 for b in whole.blocks[min(through, count) : count])
                assert complete or after >= chars  # and a screen of text after it
        assert cat.load_head(row.id, 59, 10, limit=total // 2) is None  # too deep
        with pytest.raises(KeyError):
            cat.load_head(10_000, 0, 100)
    finally:
        cat.close()


def test_ids_in_section(catalog) -> None:
    ids = catalog.ids_in_section(("科技",))
    assert sorted(catalog.row(i).title for i in ids) == ["Echo", "Foxtrot"]
    assert len(catalog.ids_in_section(())) == 7


def test_row_by_path_and_fingerprints_in_section(catalog) -> None:
    row = catalog.row_by_path("科技/深度/f.md")
    assert row is not None and row.title == "Foxtrot"
    assert catalog.row_by_path("nope.md") is None
    pairs = catalog.fingerprints_in_section(("科技",))
    assert sorted(path for _, path in pairs) == ["科技/e.md", "科技/深度/f.md"]
    assert (row.fingerprint, row.path) in pairs


def make_state_db(path: Path, read: list[str], bookmarked: list[str]) -> None:
    """A state.db with the two tables the catalog reads, marks given by fingerprint."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE article_state (fingerprint TEXT PRIMARY KEY, last_path TEXT, "
        "read INTEGER NOT NULL DEFAULT 0, position_block INTEGER)"
    )
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, fingerprint TEXT, note TEXT)")
    conn.executemany("INSERT INTO article_state VALUES (?, '', 1, 0)", [(f,) for f in read])
    conn.execute("INSERT INTO article_state VALUES ('not-read', '', 0, 0)")
    conn.executemany("INSERT INTO bookmarks (fingerprint) VALUES (?)", [(f,) for f in bookmarked])
    conn.commit()
    conn.close()


def test_attach_state_shows_read_and_bookmark_marks(catalog, tmp_path) -> None:
    by_title = {row.title: row for row in catalog.rows(limit=100)}
    state = tmp_path / "state.db"
    make_state_db(
        state,
        read=[by_title["Alpha"].fingerprint, by_title["Echo"].fingerprint],
        bookmarked=[by_title["Bravo"].fingerprint],
    )
    catalog.attach_state(state)
    rows = {row.title: row for row in catalog.rows(limit=100)}
    assert [t for t, r in rows.items() if r.read] == ["Alpha", "Echo"]
    assert [t for t, r in rows.items() if r.bookmarked] == ["Bravo"]
    assert catalog.count(unread_only=True) == 5
    assert "Alpha" not in titles(catalog.rows(("新闻",), unread_only=True))
    assert titles(catalog.rows(bookmarked_only=True)) == ["Bravo"]
    root = catalog.section_tree()
    assert (root.total, root.unread) == (7, 5)
    news, tech = root.children
    assert (news.unread, news.children[0].unread, tech.unread) == (3, 1, 1)
    # Walking unread only skips Alpha (read) between Delta and Charlie.
    delta = rows["Delta"]
    assert catalog.neighbour(delta.id, ("新闻",), "date", 1, unread_only=True).title == "Charlie"


def test_without_state_everything_is_unread(catalog, tmp_path) -> None:
    catalog.attach_state(tmp_path / "missing.db")
    assert catalog.count(unread_only=True) == 7
    assert catalog.section_tree().unread == 7
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    catalog.attach_state(empty)
    assert all(not row.read for row in catalog.rows(limit=100))


def test_other_schema_version_is_rebuilt(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    Catalog(db, library).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=999")
    conn.close()
    cat = Catalog(db, library)
    assert cat.scan().added == 7
    cat.close()


def test_opening_an_up_to_date_catalog_writes_nothing(tmp_path, library) -> None:
    # Every command and every start opens the catalog: a write there means a WAL to sync
    # when the connection closes (slow on a busy disk).
    db = tmp_path / "c.db"
    built = Catalog(db, library)
    built.scan()
    built.close()
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    cat = Catalog(db, library)
    assert cat.count() == 7
    cat.close()
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_a_new_catalog_gives_freed_pages_back(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    Catalog(db, library).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA auto_vacuum").fetchone() == (2,)  # incremental
    conn.close()


def test_a_catalog_goes_in_a_cache_folder_that_does_not_exist_yet(tmp_path, library) -> None:
    db = tmp_path / "home" / ".cache" / "tuireader" / "catalog.db"
    cat = Catalog(db, library)
    try:
        assert cat.scan().added == 7 and db.is_file()
    finally:
        cat.close()


def test_garbage_catalog_file_is_rebuilt(tmp_path, library) -> None:
    db = tmp_path / "c.db"
    db.write_bytes(b"this is not a database" * 100)
    cat = Catalog(db, library)
    assert cat.scan().added == 7
    cat.close()


def test_parallel_scan_matches_serial(tmp_path, library, monkeypatch) -> None:
    monkeypatch.setattr(catalog_parse, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(catalog_parse, "_CHUNK", 2)
    cat = Catalog(tmp_path / "parallel.db", library)
    report = cat.scan()
    assert (report.added, report.problems) == (7, 1)
    assert titles(cat.rows())[:3] == ["Bravo", "Delta", "Alpha"]
    cat.close()


def test_scan_in_a_thread_while_another_thread_queries(tmp_path, library) -> None:
    cat = Catalog(tmp_path / "t.db", library)
    counts: list[int] = []
    worker = threading.Thread(target=cat.scan)
    worker.start()
    while worker.is_alive():
        counts.append(cat.count())
    worker.join()
    counts.append(cat.count())
    assert counts[-1] == 7
    assert counts == sorted(counts)
    cat.close()


def test_progress_is_reported(tmp_path, library) -> None:
    seen: list[tuple[int, int]] = []
    cat = Catalog(tmp_path / "p.db", library)
    cat.scan(lambda done, total: seen.append((done, total)))
    assert seen[-1] == (8, 8)
    cat.close()


@pytest.mark.parametrize(
    "parts",
    [
        ("a.md",),
        ("新闻", "要闻", "标题.txt"),
        ("back\\slash", "x.md"),
        ("sp ace", os.fsdecode(b"bad\xff\xfename.txt")),
    ],
)
def test_walk_keys_match_rel_path_str(tmp_path, parts) -> None:
    from tuireader.library.files import rel_path_str
    from tuireader.library.walk import walk_folders

    path = tmp_path.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    keys = [f.file_key(i) for f in walk_folders(tmp_path) for i in range(len(f.keys))]
    assert keys == [rel_path_str(path, tmp_path)]
    paths = [f.file_path(i) for f in walk_folders(tmp_path) for i in range(len(f.keys))]
    assert paths == [str(path)]


def test_non_utf8_file_name_is_catalogued_and_loadable(tmp_path) -> None:
    root = tmp_path / "lib"
    name = os.fsdecode(b"caf\xe9.md")
    write(root / name, page("Cafe", "2020-01-01"))
    cat = Catalog(tmp_path / "c.db", root)
    cat.scan()
    (row,) = cat.rows()
    assert row.path.encode("utf-8")  # a valid UTF-8 key
    assert cat.load(row.id).title == "Cafe"
    assert cat.scan().unchanged == 1
    cat.close()


def test_writer_with_a_stale_snapshot_updates_instead_of_failing(catalog, library) -> None:
    """Another process may have stored a file after this scan listed the known paths."""
    from tuireader.catalog.db import connect
    from tuireader.catalog.write import Writer

    path = library / "g.md"
    stat = path.stat()
    job = catalog_codec.Job(path, library, "g.md", stat.st_size, stat.st_mtime_ns)
    conn = connect(catalog.db_path)
    writer = Writer(conn, {})  # believes the catalog is empty
    writer.put(catalog_codec.parse_job(job))
    writer.flush()
    conn.close()
    assert catalog.count() == 7
    assert titles(catalog.rows()).count("Golf") == 1


def test_missing_library_folder_keeps_the_catalog(catalog, library) -> None:
    library.rename(library.with_name("moved"))
    with pytest.raises(
        LibraryMissingError, match=f"^library folder not found: {re.escape(str(library))}$"
    ):
        catalog.scan()
    assert catalog.count() == 7


# -- every listing: sorts, filters, pages, positions and neighbours agree ------------------

PATH_ORDER = ["Golf", "Charlie", "Delta", "Alpha", "Bravo", "Echo", "Foxtrot"]
LISTINGS = [
    (section, sort, unread, bookmarked)
    for section in [(), ("新闻",), ("新闻", "要闻"), ("科技",)]
    for sort in ("date", "title", "path")
    for unread in (False, True)
    for bookmarked in (False, True)
]


@pytest.fixture
def marked(catalog, tmp_path):
    """The catalog with Alpha and Echo read, Bravo, Charlie and Echo bookmarked."""
    by_title = {row.title: row for row in catalog.rows(limit=100)}
    make_state_db(
        tmp_path / "state.db",
        read=[by_title[t].fingerprint for t in ("Alpha", "Echo")],
        bookmarked=[by_title[t].fingerprint for t in ("Bravo", "Charlie", "Echo")],
    )
    catalog.attach_state(tmp_path / "state.db")
    return catalog


def expected_listing(section, sort, unread, bookmarked) -> list[str]:
    """A listing's titles worked out by hand from the fixture's table and marks."""
    order = {
        "date": ["Bravo", "Delta", "Alpha", "Echo", "Golf", "Charlie", "Foxtrot"],
        "title": sorted(t for _, t, _ in ARTICLES),
        "path": PATH_ORDER,
    }[sort]
    where = {title: tuple(rel.split("/")[:-1]) for rel, title, _ in ARTICLES}
    return [
        title
        for title in order
        if where[title][: len(section)] == section
        and not (unread and title in ("Alpha", "Echo"))
        and not (bookmarked and title not in ("Bravo", "Charlie", "Echo"))
    ]


@pytest.mark.parametrize(("section", "sort", "unread", "bookmarked"), LISTINGS)
def test_every_listing_pages_counts_and_places_its_articles(
    marked, section, sort, unread, bookmarked
) -> None:
    want = expected_listing(section, sort, unread, bookmarked)
    listed = marked.rows(section, 0, 100, sort, unread, bookmarked)
    assert titles(listed) == want
    assert marked.count(section, unread, bookmarked) == len(want)
    pages = [
        titles(marked.rows(section, start, 2, sort, unread, bookmarked)) for start in (0, 2, 4)
    ]
    assert [t for chunk in pages for t in chunk] == want[:6]
    for place, row in enumerate(listed):
        assert marked.index_in_listing(row.id, section, sort, unread, bookmarked) == place
    for row in marked.rows(limit=100):
        if row.title not in want:
            assert marked.index_in_listing(row.id, section, sort, unread, bookmarked) is None


def test_a_listing_sorted_by_path_orders_by_the_file_path(catalog) -> None:
    listed = catalog.rows(sort="path", limit=100)
    assert titles(listed) == PATH_ORDER
    assert [row.path for row in listed] == sorted(row.path for row in listed)
    assert list(catalog.iter_rows()) == listed
    assert [item.path for item in catalog.iter_json()] == [row.path for row in listed]


def test_a_page_of_no_rows_or_before_the_start(catalog) -> None:
    for sort in ("date", "title", "path"):
        everything = catalog.rows(sort=sort, limit=100)
        assert catalog.rows(sort=sort, limit=0) == []
        assert catalog.rows(sort=sort, limit=-1) == []  # not SQLite's "no limit"
        assert catalog.rows(sort=sort, offset=-5, limit=100) == everything
        assert catalog.rows(sort=sort, offset=6, limit=100) == everything[6:]


def test_an_unknown_sort_is_refused_by_name(catalog) -> None:
    some = catalog.rows(limit=1)[0]
    calls = [
        lambda: catalog.rows(sort="size"),
        lambda: catalog.neighbour(some.id, sort="size"),
        lambda: catalog.index_in_listing(some.id, sort="size"),
    ]
    for call in calls:
        with pytest.raises(
            ValueError, match=r"^unknown sort 'size'; use one of date, title, path$"
        ):
            call()


@pytest.mark.parametrize(("section", "sort", "unread", "bookmarked"), LISTINGS)
def test_neighbours_walk_every_listing_both_ways_and_stop_at_its_ends(
    marked, section, sort, unread, bookmarked
) -> None:
    # Path order is not in an index: neighbours of a path listing follow the title order.
    walked = "title" if sort == "path" else sort
    listed = marked.rows(section, 0, 100, walked, unread, bookmarked)
    ids = [row.id for row in listed]
    for here, row in enumerate(listed):
        for step in range(-len(ids) - 1, len(ids) + 2):
            found = marked.neighbour(row.id, section, sort, step, unread, bookmarked)
            there = here + step
            expected = ids[there] if 0 <= there < len(ids) else None
            assert (found.id if found else None) == expected, (row.title, step)


def test_the_neighbour_of_an_article_not_in_the_catalog_is_none(catalog) -> None:
    for step in (-1, 0, 1):
        assert catalog.neighbour(10_000, step=step) is None
    some = catalog.rows(limit=1)[0]
    assert catalog.neighbour(some.id, step=0) == some


def test_an_article_read_elsewhere_is_still_walked_from_in_an_unread_listing(marked) -> None:
    # Reading an article must not strand the reader: its neighbours are the unread ones.
    alpha = next(row for row in marked.rows(limit=100) if row.title == "Alpha")
    assert alpha.read
    after = marked.neighbour(alpha.id, ("新闻",), "date", 1, unread_only=True)
    before = marked.neighbour(alpha.id, ("新闻",), "date", -1, unread_only=True)
    assert (after.title, before.title) == ("Charlie", "Delta")


def test_marks_show_on_every_way_to_a_row(marked) -> None:
    echo = next(row for row in marked.rows(limit=100) if row.title == "Echo")
    assert (echo.read, echo.bookmarked) == (True, True)
    assert marked.row(echo.id) == echo
    assert marked.row_by_path(echo.path) == echo
    assert marked.row_by_fingerprint(echo.fingerprint) == echo
    assert [row for row in marked.iter_rows() if row.title == "Echo"] == [echo]
    assert marked.neighbour(echo.id, step=0) == echo


def test_titles_found_once_give_their_path_and_shared_titles_none(tmp_path) -> None:
    root = tmp_path / "lib"
    write(root / "a.md", page("Same", "2024-01-01"))
    write(root / "b" / "a.md", page("Same", "2024-01-02", "other text"))
    write(root / "c.md", page("Alone", "2024-01-03"))
    write(root / "d.md", page("Apart", "2024-01-04"))
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        assert cat.paths_of_unique_titles(["Same", "Alone", "Apart", "Missing"]) == {
            "Alone": "c.md",
            "Apart": "d.md",
        }
        assert cat.paths_of_unique_titles([]) == {}
        # Many more titles than one SQL statement takes.
        many = [f"Nothing {n:04d}" for n in range(1500)] + ["Alone", "Apart"]
        assert cat.paths_of_unique_titles(many) == {"Alone": "c.md", "Apart": "d.md"}
        paths = [f"x/{n:04d}.md" for n in range(1500)] + ["c.md", "d.md"]
        assert cat.known_paths(paths) == {"c.md", "d.md"}
    finally:
        cat.close()


def test_an_empty_library_has_an_empty_catalog(tmp_path) -> None:
    (tmp_path / "lib").mkdir()
    cat = Catalog(tmp_path / "c.db", tmp_path / "lib")
    try:
        assert not cat.was_scanned()
        assert cat.is_empty()
        assert cat.scan() == ScanReport()
        assert cat.is_empty() and cat.count() == 0
        root = cat.section_tree()
        assert (root.name, root.path, root.total, root.unread, root.children) == (
            "All articles", (), 0, 0, []
        )  # fmt: skip
        assert cat.rows() == [] and list(cat.iter_json()) == []
    finally:
        cat.close()


def test_the_beginning_of_an_article_that_folding_leaves_alone(tmp_path) -> None:
    # Chinese text without full-width forms folds to itself: no stored edits to replay.
    root = tmp_path / "library"
    paragraphs = [f"第{n}段 经济发展需要耐心 城市的变化也一样。" * (1 + n % 4) for n in range(30)]
    write(root / "a.md", "---\ntitle: 茶馆\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        (row,) = cat.rows()
        whole = cat.load(row.id)
        assert whole == load_article(root / "a.md", root)
        for through in (0, 5, 29):
            article, complete = cat.load_head(row.id, through, 60)
            count = len(article.blocks)
            assert article.blocks == whole.blocks[:count]
            assert through < count <= through + 4
            assert complete == (count == len(whole.blocks))
        article, complete = cat.load_head(row.id, 29, 10**6)
        assert complete and article == whole
    finally:
        cat.close()


def test_dates_rank_newest_first_and_a_month_after_its_days() -> None:
    from tuireader.catalog.db import date_rank

    dates = [
        "2024-01-05T08:30:15",
        "2024-01-05T08:30",
        "2024-01-05",
        "2024-01",
        "2023-12-31T23:59:59",
        "1999-03-05",
        "1999-03",
    ]
    ranks = [date_rank(date) for date in dates]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert ranks[-1] < date_rank(None) == date_rank("") == date_rank("1999") == 1
    assert date_rank("2024-01-05 08:30") == date_rank("2024-01-05T08:30")
    assert date_rank("2024-01-05T08:30:15.250+08:00") == date_rank("2024-01-05T08:30:15")


def test_every_copy_of_a_text_names_its_section(tmp_path) -> None:
    root = tmp_path / "lib"
    text = page("Shared", "2024-01-01", "the same words")
    for rel in ("a/x.md", "b/c/x.md", "x.md"):
        write(root / rel, text)
    write(root / "a/other.md", page("Other", "2024-01-01"))
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        shared = cat.row_by_path("x.md")
        assert sorted(cat.sections_with_fingerprint(shared.fingerprint)) == [
            (), ("a",), ("b", "c")
        ]  # fmt: skip
        assert cat.sections_with_fingerprint("0" * 32) == []
    finally:
        cat.close()


def test_only_decoding_warnings_are_listed_as_decode_problems(tmp_path, library) -> None:
    write(library / "新闻" / "front.md", "---\ntitle: [unclosed\n---\n\nA body.\n")
    text = "第一段文字，经济发展很快。" * 20
    write(library / "新闻" / "bad.txt", (text + "\n\n").encode() + b"\xff\xfe " + text.encode())
    cat = Catalog(tmp_path / "c.db", library)
    try:
        cat.scan()
        front = cat.row_by_path("新闻/front.md")
        assert front is not None and front.warnings  # a warning, but not about decoding
        assert [p.path for p in cat.decode_warnings()] == ["新闻/bad.txt"]
        listed = {item.path: item for item in cat.iter_json()}
        assert listed["新闻/front.md"].warnings == list(front.warnings)
        assert listed["新闻/d.md"].warnings == []
        for row in cat.iter_rows():
            item = listed[row.path]
            assert (item.format, item.encoding) == (row.format, row.encoding)
            assert {k: v for k, v in row.meta.to_json().items() if v} == item.meta
    finally:
        cat.close()


def test_attaching_another_state_shows_its_marks_instead(catalog, tmp_path) -> None:
    by_title = {row.title: row for row in catalog.rows(limit=100)}
    make_state_db(tmp_path / "one.db", [by_title["Alpha"].fingerprint], [])
    make_state_db(tmp_path / "two.db", [by_title["Echo"].fingerprint], [])
    catalog.attach_state(tmp_path / "one.db")
    assert [row.title for row in catalog.rows(limit=100) if row.read] == ["Alpha"]
    catalog.attach_state(tmp_path / "two.db")
    assert [row.title for row in catalog.rows(limit=100) if row.read] == ["Echo"]
    (tmp_path / "garbage.db").write_bytes(b"not a database at all" * 200)
    catalog.attach_state(tmp_path / "garbage.db")
    assert catalog.count(unread_only=True) == 7
    catalog.attach_state(tmp_path / "one.db")  # and back again after a bad one
    assert [row.title for row in catalog.rows(limit=100) if row.read] == ["Alpha"]


def test_marks_reach_queries_on_every_thread(catalog, tmp_path) -> None:
    alpha = next(row for row in catalog.rows(limit=100) if row.title == "Alpha")
    assert catalog.count(unread_only=True) == 7  # this thread's connection is open already
    make_state_db(tmp_path / "state.db", [alpha.fingerprint], [alpha.fingerprint])
    catalog.attach_state(tmp_path / "state.db")
    counts: list[tuple[int, int]] = []
    worker = threading.Thread(
        target=lambda: counts.append(
            (catalog.count(unread_only=True), catalog.count(bookmarked_only=True))
        )
    )
    worker.start()
    worker.join()
    assert counts == [(6, 1)]
    assert (catalog.count(unread_only=True), catalog.count(bookmarked_only=True)) == (6, 1)


SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def test_every_sample_article_comes_back_from_the_catalog_as_parsed(tmp_path) -> None:
    # All three formats, legacy encodings, tables, code, links, a 200 KB novel: what the
    # catalog stores (folded text, edits, block layout, metadata) must give back each one.
    cat = Catalog(tmp_path / "c.db", SAMPLES)
    try:
        report = cat.scan()
        assert report.problems == 0 and report.added == cat.count() >= 30
        shapes = set()
        for row in cat.iter_rows():
            fresh = load_article(SAMPLES / row.path, SAMPLES)
            stored = cat.load(row.id)
            assert stored == fresh, row.path
            assert (row.meta, row.format, row.encoding) == (
                fresh.meta,
                fresh.format,
                fresh.encoding,
            )
            assert (row.fingerprint, row.warnings) == (fingerprint(fresh), fresh.warnings)
            for through in (0, len(fresh.blocks) // 2):
                head, complete = cat.load_head(row.id, through, 200)
                count = len(head.blocks)
                assert head.blocks == fresh.blocks[:count] and head.meta == fresh.meta
                assert complete == (count == len(fresh.blocks))
            shapes.update(
                name
                for block in fresh.blocks
                for name, present in (
                    ("spans", block.spans),
                    ("links", any(span.target for span in block.spans)),
                    ("table", block.table),
                    ("language", block.language),
                )
                if present
            )
        assert shapes == {"spans", "links", "table", "language"}
    finally:
        cat.close()


def test_a_head_is_given_up_to_the_limit_exactly(tmp_path) -> None:
    root = tmp_path / "library"
    paragraphs = [f"Paragraph {n}: ＧＤＰ增长５％ in WORDS." * (1 + n % 3) for n in range(20)]
    write(root / "a.md", "---\ntitle: Ｔ\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    cat = Catalog(tmp_path / "c.db", root)
    try:
        cat.scan()
        (row,) = cat.rows()
        for through, chars in ((0, 1), (3, 50), (10, 200)):
            article, _complete = cat.load_head(row.id, through, chars)
            length = sum(len(block.text) + 1 for block in article.blocks) - 1
            assert cat.load_head(row.id, through, chars, limit=length) == (article, False)
            assert cat.load_head(row.id, through, chars, limit=length - 1) is None
        # The fewest blocks: a head asked for exactly the text of blocks through..k (each
        # with its line break) ends with block k, not one later.
        whole = cat.load(row.id).blocks
        for through in (0, 4, 11):
            for k in range(through, through + 4):
                chars = sum(len(block.text) + 1 for block in whole[through : k + 1])
                article, _complete = cat.load_head(row.id, through, chars)
                assert len(article.blocks) == k + 1
                shorter, _complete = cat.load_head(row.id, through, chars - 1)
                assert len(shorter.blocks) == k + 1
        assert cat.load_head(row.id, -3, 40) == cat.load_head(row.id, 0, 40)
    finally:
        cat.close()


def test_a_report_says_whether_any_article_changed(catalog, library) -> None:
    assert not catalog.scan().changed  # nothing happened
    write(library / "新闻" / "more.txt", BINARY)
    report = catalog.scan()
    assert report.problems == 2 and not report.changed  # a new problem is no article
    for change in (
        lambda: write(library / "新闻" / "new.md", page("New", None)),
        lambda: bump(library / "g.md", page("Golf Two", None)),
        lambda: (library / "新闻" / "new.md").unlink(),
    ):
        change()
        assert catalog.scan().changed


def test_a_folder_or_pipe_where_the_catalog_goes_is_refused_and_left_alone(
    tmp_path, library
) -> None:
    folder = tmp_path / "cache" / "catalog.db"
    (folder / "inside").mkdir(parents=True)
    message = f"the catalog {folder} is a folder, not a file: remove it or use another --cache-dir"
    with pytest.raises(CatalogFileError, match=f"^{re.escape(message)}$"):
        Catalog(folder, library)
    assert (folder / "inside").is_dir()
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    with pytest.raises(CatalogFileError, match=r"is a FIFO \(named pipe\), not a file"):
        Catalog(pipe, library)  # never opened: opening a FIFO would wait for a writer
    assert pipe.exists()


def test_the_path_of_a_refused_catalog_is_shown_safely(tmp_path, library) -> None:
    folder = tmp_path / os.fsdecode(b"bad\x1b[31m\xffname") / "catalog.db"
    folder.mkdir(parents=True)
    with pytest.raises(CatalogFileError) as refused:
        Catalog(folder, library)
    shown = str(refused.value)
    assert "\x1b" not in shown and "\udcff" not in shown
    assert shown.endswith(
        "catalog.db is a folder, not a file: remove it or use another --cache-dir"
    )
    assert "\ufffdname" in shown  # the undecodable byte shown as a replacement character


def test_a_broken_file_that_is_deleted_takes_its_problem_away(catalog, library) -> None:
    (library / "科技" / "broken.txt").unlink()
    report = catalog.scan()
    assert (report.removed, report.problems) == (0, 0)
    assert catalog.problems() == []
    assert catalog.count() == 7


def test_the_head_of_an_article_without_blocks_is_empty() -> None:
    assert catalog_codec.head_extent([], 0, 100) == (0, 0)
    assert catalog_codec.head_extent([], 3, 0) == (0, 0)
