"""EPUB spines and chapters as books write them: repeated entries, entries that are not
chapters, chapter files with nothing in them."""

from __future__ import annotations

from pathlib import Path

import pytest
from epub_builder import book_members, standard_book, write_book, write_epub

from tuireader.library.books import load_book, load_chapter
from tuireader.library.formats.epub.chapter import parse_chapter
from tuireader.library.formats.epub.container import join_href
from tuireader.library.formats.epub.opf import BookMeta
from tuireader.library.loader import ArticleError
from tuireader.library.model import ArticleMeta


def _chapters(root: Path) -> list[tuple[str, str]]:
    loaded = load_book(root / "book.epub", root)
    return [(article.title, article.blocks[-1].text) for article in loaded.articles]


def test_the_spine_reads_each_chapter_once_and_skips_what_is_not_a_chapter(
    tmp_path: Path,
) -> None:
    write_book(tmp_path / "plain" / "book.epub")
    members = book_members(standard_book())
    opf = members["OEBPS/content.opf"].decode()
    # The first chapter again, the cover image, and an id the manifest does not have.
    extra = '<itemref idref="c0"/><itemref idref="img"/><itemref idref="missing"/>'
    members["OEBPS/content.opf"] = opf.replace("</spine>", extra + "</spine>").encode()
    write_epub(tmp_path / "odd" / "book.epub", members)
    expected = _chapters(tmp_path / "plain")
    assert [title for title, _ in expected] == ["Part One: The Point", "Fog", "Spring", "茶馆"]
    assert _chapters(tmp_path / "odd") == expected


def test_a_chapter_file_with_no_markup_at_all_is_an_empty_chapter_of_the_book() -> None:
    page = parse_chapter(
        "",
        None,
        "The Keeper's Log 3",
        ("The Keeper's Log",),
        BookMeta(author="A. Writer", date="2021"),
    )
    assert page.meta == ArticleMeta(
        title="The Keeper's Log 3", sections=("The Keeper's Log",), date="2021", author="A. Writer"
    )
    assert page.blocks == ()


@pytest.mark.parametrize("index", [-1, 5])  # five spine entries: 0 to 4
def test_a_chapter_the_book_does_not_have_is_an_error(tmp_path: Path, index: int) -> None:
    write_book(tmp_path / "book.epub")
    with pytest.raises(ArticleError, match=f"^the book has no chapter {index + 1}$"):
        load_chapter(tmp_path / "book.epub", tmp_path, index)


@pytest.mark.parametrize(
    ("href", "member"),
    [
        ("img/a.png#x", "OEBPS/img/a.png#x"),
        ("../Text/ch2.xhtml", "Text/ch2.xhtml"),
        ("#note", "OEBPS/ch1.xhtml#note"),
        ("data:image/png;base64,AA", None),  # an inline image, no member
        ("mailto:someone@example.org", None),
        ("https://example.org/a", None),
        ("/etc/passwd", None),
        ("../../x", None),
    ],
)
def test_a_link_inside_a_book_names_its_member(href: str, member: str | None) -> None:
    assert join_href("OEBPS/ch1.xhtml", href) == member


def test_a_chapter_missing_from_the_zip_is_a_problem_of_that_chapter_only(tmp_path: Path) -> None:
    members = book_members(standard_book())
    del members["OEBPS/ch2.xhtml"]  # the manifest and the spine still name it
    write_epub(tmp_path / "book.epub", members)
    loaded = load_book(tmp_path / "book.epub", tmp_path)
    assert [article.title for article in loaded.articles] == ["Part One: The Point", "Fog", "茶馆"]
    assert [(p.path, p.error) for p in loaded.problems] == [
        ("book.epub#3", "missing from the book: OEBPS/ch2.xhtml")
    ]
    with pytest.raises(ArticleError, match="^missing from the book: OEBPS/ch2.xhtml$"):
        load_chapter(tmp_path / "book.epub", tmp_path, 3)
    assert load_chapter(tmp_path / "book.epub", tmp_path, 4).title == "茶馆"
