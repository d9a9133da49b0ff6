"""Turn one file of the library into an :class:`~tuireader.library.model.Article`.

The steps are always the same: read at most the size limit, decode (HTML first looks for a
declared charset), sanitize the whole text once, parse by suffix, then sanitize every field
again (entities in HTML and Markdown can produce control characters after the first pass)
and add the file facts: folder sections, format, encoding, warnings, relative path.

``Article.path`` is the one field left as it is: it is the file's key (``rel_path_str``),
needed to find the file again, so it is sanitized where it is displayed instead.

Every per-file failure becomes an :class:`ArticleError` with a message for people, so a
scan can record it as a problem and carry on with the rest of the library.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from tuireader.library.blocks import MAX_BLOCK_CHARS, clean_blocks, sanitize_body, split_long_text
from tuireader.library.encoding.decode import NotTextError, decode_as, decode_bytes
from tuireader.library.files import FileReadError, read_limited
from tuireader.library.keys import rel_path_str
from tuireader.library.model import (
    FORMAT_EPUB,
    FORMAT_HTML,
    FORMAT_MARKDOWN,
    FORMAT_TEXT,
    Article,
    ParsedPage,
)
from tuireader.text.sanitize import sanitize_line

FORMAT_BY_SUFFIX = {
    ".md": FORMAT_MARKDOWN,
    ".markdown": FORMAT_MARKDOWN,
    ".mdown": FORMAT_MARKDOWN,
    ".mkd": FORMAT_MARKDOWN,
    ".html": FORMAT_HTML,
    ".htm": FORMAT_HTML,
    ".xhtml": FORMAT_HTML,
}


# Each format's parser is imported on its first use: a library of one format never
# imports the others (the HTML parser alone takes ~0.1 s to import, in the app and in
# every scan worker process).
def _parse_plaintext(text: str, stem: str) -> ParsedPage:
    from tuireader.library.formats.plain.page import parse_plaintext

    return parse_plaintext(text, stem)


def _parse_markdown(text: str, stem: str) -> ParsedPage:
    from tuireader.library.formats.markdown.page import parse_markdown

    return parse_markdown(text, stem)


def _parse_html(text: str, stem: str) -> ParsedPage:
    from tuireader.library.formats.html.page import parse_html

    return parse_html(text, stem)


PARSERS: dict[str, Callable[[str, str], ParsedPage]] = {
    FORMAT_TEXT: _parse_plaintext,
    FORMAT_MARKDOWN: _parse_markdown,
    FORMAT_HTML: _parse_html,
}
# Formats whose bytes may declare their charset (<meta charset>, <?xml encoding?>).
_MARKUP_FORMATS = (FORMAT_HTML, FORMAT_EPUB)


__all__ = [
    "MAX_BLOCK_CHARS",
    "ArticleError",
    "article_from_bytes",
    "fingerprint",
    "fingerprint_of",
    "format_for",
    "load_article",
    "merge_sections",
    "sanitize_body",
    "split_long_text",
]


#: The title of an article whose page and file name give none that can be shown.
UNTITLED = "(untitled)"


class ArticleError(Exception):
    """A file that cannot be made into an article; ``str(error)`` is for people."""


def format_for(path: Path | str) -> str:
    """The article format a file name stands for (plain text unless it says otherwise)."""
    # Path(path).suffix's rule, without building a Path (this runs once per file).
    name = os.path.basename(os.fspath(path))
    dot = name.rfind(".")
    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
    return FORMAT_BY_SUFFIX.get(suffix, FORMAT_TEXT)


def load_article(path: Path, root: Path, encoding: str | None = None) -> Article:
    """Read, decode, sanitize and parse ``path`` (a file under ``root``) into an Article.

    ``encoding`` is one the user set: used as it is (bytes it cannot decode replaced, and
    counted in a warning) instead of the guess. Raises :class:`ArticleError` for any
    per-file problem: unreadable, too large, binary, an unknown encoding, or a parser
    that crashed ("could not parse: <ExcType>: <message>").
    """
    rel = rel_path_str(path, root)
    fmt = format_for(rel)
    try:
        data = read_limited(path)
    except FileReadError as exc:
        raise ArticleError(sanitize_line(str(exc))) from None
    return article_from_bytes(data, rel, fmt, PARSERS[fmt], encoding)


def article_from_bytes(
    data: bytes,
    rel: str,
    fmt: str,
    parse: Callable[[str, str], ParsedPage],
    encoding: str | None = None,
) -> Article:
    """Decode, sanitize and ``parse`` the bytes of the article keyed ``rel``.

    The steps of :func:`load_article` after reading, for articles that are not whole
    files (a book's chapters). Markup formats look for a declared charset first.
    """
    declared = None
    if fmt in _MARKUP_FORMATS:
        from tuireader.library.formats.html.page import sniff_charset

        declared = sniff_charset(data)
    try:
        decoded = decode_as(data, encoding) if encoding else decode_bytes(data, declared)
    except LookupError:
        raise ArticleError(f"unknown encoding: {sanitize_line(encoding or '')[:40]}") from None
    except NotTextError as exc:
        raise ArticleError(sanitize_line(str(exc)) or "not a text file") from None
    stem = _stem_of(rel)
    try:
        page = parse(sanitize_body(decoded.text), stem)
    except Exception as exc:  # a parser bug must cost one file, not the library
        message = sanitize_line(str(exc))[:200]
        raise ArticleError(f"could not parse: {type(exc).__name__}: {message}") from None
    folders = tuple(sanitize_line(part) for part in rel.split("/")[:-1])
    return _build_article(page, folders, stem, fmt, decoded.encoding, decoded.warnings, rel)


def _stem_of(rel: str) -> str:
    """The file name without its suffix, sanitized for use as a fallback title."""
    name = rel.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return sanitize_line(stem)


def _build_article(
    page: ParsedPage,
    folders: tuple[str, ...],
    stem: str,
    fmt: str,
    encoding: str,
    decode_warnings: Sequence[str],
    rel: str,
) -> Article:
    """Combine a parsed page with file facts, sanitizing every field on the way.

    ``sanitize_line`` already strips, so a blank field comes back as "".
    """
    meta = page.meta.cleaned(sanitize_line)
    # A name of only spaces or line breaks ("\r.txt") sanitizes to nothing: never blank.
    title = meta.title or stem or UNTITLED
    return Article(
        meta=replace(meta, title=title, sections=merge_sections(folders, meta.sections)),
        blocks=tuple(clean_blocks(page.blocks)),
        format=fmt,
        encoding=sanitize_line(encoding),
        warnings=_clean_labels([*decode_warnings, *page.warnings]),
        path=rel,
    )


def _clean_labels(values: Iterable[str]) -> tuple[str, ...]:
    """Sanitized, non-blank one-line labels."""
    cleaned = (sanitize_line(str(value)) for value in values)
    return tuple(label for label in cleaned if label)


def merge_sections(folders: Sequence[str], own: Sequence[str]) -> tuple[str, ...]:
    """Folder sections followed by the article's own breadcrumb, without repeating a level.

    The breadcrumb is taken after its last name that is also a folder name (ignoring
    case): a folder 要闻 holding a page whose breadcrumb reads 网站 > 要闻 > 本地 gives
    要闻 > 本地, and Tech/Rust holding a page filed under "programming > rust" stays
    Tech/Rust. Then adjacent duplicates (ignoring case) are dropped.
    """
    folder_keys = {name.casefold() for name in folders}
    tail = list(own)
    for index in range(len(tail) - 1, -1, -1):
        if tail[index].casefold() in folder_keys:
            tail = tail[index + 1 :]
            break
    merged: list[str] = []
    for name in [*folders, *tail]:
        if not merged or merged[-1].casefold() != name.casefold():
            merged.append(name)
    return tuple(merged)


def fingerprint(article: Article) -> str:
    """Identify an article across moves and renames: a hash of its title and its text.

    Whitespace is collapsed first, so re-wrapping or a changed line ending does not change
    the fingerprint, while any edit of the words does.
    """
    return fingerprint_of(article.title, article.body_text)


def fingerprint_of(title: str, body_text: str) -> str:
    """:func:`fingerprint` from an article's title and ``body_text`` (already joined)."""
    body = _collapsed(body_text)
    title = " ".join(title.split())
    digest = hashlib.blake2b(digest_size=16)
    digest.update(title.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _collapsed(text: str) -> str:
    """``text`` with each run of whitespace made one space, and trimmed.

    str.split() collapses exactly the runs a \\s+ regex would, three times faster; most
    bodies need no more than their block breaks made spaces, checked in C without
    cutting the text into words: when the text is printable once its line breaks are
    spaces, the space is its only whitespace (any other is a control or separator).
    """
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat
    return " ".join(text.split())
