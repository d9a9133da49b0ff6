"""EPUB books in the catalog: one file, one article per chapter; rescans keep them right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from epub_builder import book_members, standard_book, write_book, write_epub

from tuireader import search as library_search
from tuireader.catalog import Catalog
from tuireader.library import books
from tuireader.library.encoding.rules import EncodingRules
from tuireader.library.loader import ArticleError

BOOK = "The Keeper's Log"
PART = "Part One: The Point"


def _tree(node, depth: int = 0) -> list[tuple[int, str, int]]:
    lines = [(depth, node.name, node.total)]
    for child in node.children:
        lines.extend(_tree(child, depth + 1))
    return lines


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_book(root / "books" / "log.epub")
    (root / "notes.md").write_text("# Notes\n\nA note about tea.\n", encoding="utf-8")
    return root


@pytest.fixture
def catalog(tmp_path: Path, library: Path):
    opened = Catalog(tmp_path / "cache" / "catalog.db", library)
    opened.scan()
    yield opened
    opened.close()


def test_a_book_is_a_section_with_its_toc_and_a_chapter_per_article(catalog: Catalog) -> None:
    assert _tree(catalog.section_tree())[1:] == [
        (1, "books", 4),
        (2, BOOK, 4),
        (3, PART, 3),
    ]
    in_book = catalog.rows(("books", BOOK), sort="date")
    assert [row.title for row in in_book] == [PART, "Fog", "Spring", "茶馆"]
    assert [row.title for row in catalog.rows(("books", BOOK), sort="title")] == [
        PART, "Fog", "Spring", "茶馆"
    ]  # fmt: skip
    assert [row.path for row in in_book] == [f"books/log.epub#{n}" for n in (1, 2, 3, 4)]


def test_a_chapter_opens_from_the_catalog(catalog: Catalog) -> None:
    row = catalog.row_by_path("books/log.epub#4")
    assert row is not None
    article = catalog.load(row.id)
    assert article.title == "茶馆"
    assert article.blocks[1].text.startswith("经济发展需要耐心")
    assert article.meta.sections == ("books", BOOK)


def test_chapters_are_found_by_search(catalog: Catalog) -> None:
    library_search.build_index(catalog)
    found = library_search.search(catalog, "经济发展")
    assert [hit.path for hit in found.results] == ["books/log.epub#4"]
    found = library_search.search(catalog, "lighthouse keeper")
    assert sorted(hit.path for hit in found.results) == ["books/log.epub#2", "books/log.epub#3"]


def test_an_unchanged_book_is_not_read_again(catalog: Catalog) -> None:
    report = catalog.scan()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 2)


def test_a_book_that_loses_chapters_loses_their_articles(catalog: Catalog, library: Path) -> None:
    book = standard_book()
    del book.chapters[3:]  # no Spring, no 茶馆
    book.toc = book.toc[:2]
    write_book(library / "books" / "log.epub", book)
    report = catalog.scan()
    assert report.removed == 2
    assert [row.title for row in catalog.rows(("books", BOOK))] == [PART, "Fog"]


def test_a_broken_book_is_a_problem_and_comes_back_when_fixed(
    catalog: Catalog, library: Path
) -> None:
    target = library / "books" / "log.epub"
    write_epub(target, {"mimetype": b"application/epub+zip"})
    catalog.scan()
    assert catalog.count(("books",)) == 0
    assert [(p.path, "container.xml" in p.error) for p in catalog.problems()] == [
        ("books/log.epub", True)
    ]
    write_book(target)
    catalog.scan()
    assert catalog.count(("books",)) == 4
    assert catalog.problems() == []


def test_a_deleted_book_takes_its_chapters_away(catalog: Catalog, library: Path) -> None:
    (library / "books" / "log.epub").unlink()
    report = catalog.scan()
    assert report.removed == 4
    assert catalog.count() == 1


def test_chapter_sizes_in_reading_order(catalog: Catalog) -> None:
    sizes = catalog.chapter_sizes("books/log.epub")
    assert [path for path, _ in sizes] == [f"books/log.epub#{n}" for n in (1, 2, 3, 4)]
    for path, size in sizes:
        row = catalog.row_by_path(path)
        assert row is not None and size == len(catalog.load(row.id).body_text)
    assert catalog.chapter_sizes("books/log") == []


def test_a_chapter_that_cannot_be_read_is_a_problem_of_its_own(
    catalog: Catalog, library: Path
) -> None:
    members = book_members(standard_book())
    spring = members.pop("OEBPS/ch2.xhtml")
    target = write_epub(library / "books" / "log.epub", members)
    report = catalog.scan()
    assert (report.updated, report.removed, report.problems) == (3, 1, 1)
    assert [p.path for p in catalog.problems()] == ["books/log.epub#3"]
    assert [row.title for row in catalog.rows(("books", BOOK))] == [PART, "Fog", "茶馆"]
    report = catalog.scan()  # the same book: nothing read again, the problem kept
    assert (report.unchanged, report.problems) == (2, 1)
    write_epub(target, {**members, "OEBPS/ch2.xhtml": spring})
    report = catalog.scan()
    assert (report.added, report.problems) == (1, 0)
    assert catalog.problems() == []
    assert [row.title for row in catalog.rows(("books", BOOK))] == [PART, "Fog", "Spring", "茶馆"]


def test_a_book_without_text_is_a_problem_saying_so(catalog: Catalog, library: Path) -> None:
    book = standard_book()
    book.chapters, book.toc = book.chapters[:1], []  # the cover alone
    write_book(library / "books" / "log.epub", book)
    report = catalog.scan()
    assert report.removed == 4
    assert [(p.path, p.error) for p in catalog.problems()] == [
        ("books/log.epub", "the book has no text")
    ]
    assert catalog.count() == 1


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RuntimeError("a bug"), "could not load: RuntimeError"),
        (ArticleError(""), "could not load the book"),
        (ArticleError("the book is locked"), "the book is locked"),
    ],
)
def test_a_book_the_reader_fails_on_costs_that_book_only(
    tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch, error, message
) -> None:
    def failing(path, root):
        raise error

    monkeypatch.setattr(books, "load_book", failing)
    catalog = Catalog(tmp_path / "other.db", library)
    try:
        report = catalog.scan()
        assert (report.added, report.problems) == (1, 1)
        assert [(p.path, p.error) for p in catalog.problems()] == [("books/log.epub", message)]
        assert [row.title for row in catalog.rows()] == ["Notes"]
    finally:
        catalog.close()


def forbid_reading_books(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(path, root):
        raise AssertionError(f"read the book {path} again")

    monkeypatch.setattr(books, "load_book", forbidden)


def test_a_book_is_not_read_again_when_another_file_changes(
    catalog: Catalog, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forbid_reading_books(monkeypatch)
    (library / "notes.md").write_text("# Notes\n\nA longer note about tea.\n", encoding="utf-8")
    report = catalog.scan()
    assert (report.updated, report.removed, report.unchanged) == (1, 0, 1)
    assert catalog.count(("books",)) == 4


def test_a_book_is_read_again_whole_after_a_parser_change(catalog: Catalog) -> None:
    chapters = [row.path for row in catalog.rows(("books",), sort="title")]
    conn = sqlite3.connect(catalog.db_path)
    with conn:
        conn.execute("UPDATE scan_settings SET value = '-1' WHERE name = 'parser'")
    conn.close()
    report = catalog.scan()
    assert (report.updated, report.added, report.removed) == (5, 0, 0)
    assert [row.path for row in catalog.rows(("books",), sort="title")] == chapters


def test_encoding_rules_never_read_a_book_again(
    tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "c.db"
    first = Catalog(db, library)
    first.scan()
    first.close()
    forbid_reading_books(monkeypatch)  # a book's chapters declare their own encodings
    catalog = Catalog(db, library, encodings=EncodingRules((("**", "gbk"),)))
    try:
        report = catalog.scan()
        assert (report.updated, report.unchanged, report.removed) == (1, 1, 0)
        assert catalog.count(("books",)) == 4
    finally:
        catalog.close()
