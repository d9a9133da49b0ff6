"""EPUB books in the library: one ``.epub`` file, one article per chapter.

A chapter's catalog key is the book's key, ``#`` and the chapter's place in the spine
(``Books/道德经.epub#3``). No article file can have such a key, since ``.epub#3`` is no
article suffix, so :func:`split_chapter_key` never mistakes a file for a chapter. A
chapter's sections are the folders, the book's title, then its TOC parents; its date and
author are the book's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tuireader.library.formats.epub.book import (
    Book,
    BookError,
    ChapterInfo,
    Container,
    read_book,
)
from tuireader.library.formats.epub.chapter import parse_chapter
from tuireader.library.formats.epub.container import MAX_MEMBER_BYTES
from tuireader.library.keys import (
    BOOK_SUFFIX,
    CHAPTER_SEPARATOR,
    chapter_key,
    rel_path_str,
)
from tuireader.library.loader import ArticleError, article_from_bytes
from tuireader.library.model import FORMAT_EPUB, Article, FileProblem, ParsedPage
from tuireader.text.sanitize import sanitize_line

#: The most chapter text read from one book in a scan; later chapters become problems.
MAX_BOOK_TEXT_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class LoadedBook:
    """A book's chapters as articles (empty chapters left out) and per-chapter problems."""

    book: Book
    articles: tuple[Article, ...]
    problems: tuple[FileProblem, ...]


def load_book(path: Path, root: Path) -> LoadedBook:
    """Every chapter of the book at ``path`` (under ``root``); ArticleError when no book."""
    rel = rel_path_str(path, root)
    articles: list[Article] = []
    problems: list[FileProblem] = []
    budget = MAX_BOOK_TEXT_BYTES
    try:
        with Container(path) as container:
            book = read_book(container)
            for chapter in book.chapters:
                key = chapter_key(rel, chapter.index)
                try:
                    if budget <= 0:
                        raise BookError("the book's text is over the limit; chapter not read")
                    data = container.read(chapter.member, min(budget, MAX_MEMBER_BYTES))
                    budget -= len(data)
                    article = _chapter_article(book, chapter, data, key)
                except (BookError, ArticleError) as exc:
                    problems.append(FileProblem(key, sanitize_line(str(exc))))
                    continue
                if article.blocks:
                    articles.append(article)
    except BookError as exc:
        raise ArticleError(sanitize_line(str(exc))) from None
    return LoadedBook(book, tuple(articles), tuple(problems))


def load_chapter(path: Path, root: Path, index: int) -> Article:
    """Chapter ``index`` of the book at ``path``: reads the package files and that chapter."""
    key = chapter_key(rel_path_str(path, root), index)
    try:
        with Container(path) as container:
            book = read_book(container)
            if not 0 <= index < len(book.chapters):
                raise ArticleError(f"the book has no chapter {index + 1}")
            chapter = book.chapters[index]
            return _chapter_article(book, chapter, container.read(chapter.member), key)
    except BookError as exc:
        raise ArticleError(sanitize_line(str(exc))) from None


def _chapter_article(book: Book, chapter: ChapterInfo, data: bytes, key: str) -> Article:
    book_title = book.meta.title or _book_stem(key)
    sections = (book_title, *chapter.sections)
    fallback = f"{book_title} ({chapter.index + 1})"

    def parse(text: str, _stem: str) -> ParsedPage:
        return parse_chapter(text, chapter.title, fallback, sections, book.meta)

    return article_from_bytes(data, key, FORMAT_EPUB, parse)


def _book_stem(key: str) -> str:
    name = key.rpartition(CHAPTER_SEPARATOR)[0].rsplit("/", 1)[-1]
    return sanitize_line(name[: -len(BOOK_SUFFIX)] or name)
