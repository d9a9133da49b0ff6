"""Articles to catalog rows and back.

``parse_outcomes`` runs in worker processes during a scan: it loads one file and returns
plain, picklable :class:`Record` values (or error messages), one per article the file
holds (an EPUB book holds one per chapter), so the writing process only inserts. ``decode_article`` rebuilds the Article from the stored row without a re-parse.
"""

from __future__ import annotations

import json
import zlib
from array import array
from operator import add, sub
from pathlib import Path
from typing import Any, NamedTuple

from tuireader.catalog.db import date_rank, section_key
from tuireader.library.keys import is_book_name, split_chapter_key
from tuireader.library.model import (
    BLOCK_KINDS,
    SPAN_KINDS,
    Article,
    ArticleMeta,
    Block,
    Span,
    TableShape,
)
from tuireader.text.collate import title_sort_key
from tuireader.text.fold import NO_EDITS, Patch, fold_with_patch, unfold

_KIND_CODE = {kind: kind[0] for kind in BLOCK_KINDS}  # heading→h, paragraph→p, …
_CODE_KIND = {code: kind for kind, code in _KIND_CODE.items()}
assert len(_CODE_KIND) == len(BLOCK_KINDS), "block kinds need distinct first letters"
_SPAN_CODE = {kind: number for number, kind in enumerate(SPAN_KINDS)}


class Job(NamedTuple):
    """One file to parse: where it is, the stat facts it was seen with, and the encoding
    the user set for it (None: guessed)."""

    path: Path
    root: Path
    rel: str
    size: int
    mtime_ns: int
    encoding: str | None = None


class Record(NamedTuple):
    """An article ready to insert: the column values of ``articles`` and ``texts``.

    ``meta`` is the whole :class:`ArticleMeta` as JSON; ``title``, ``sections`` and
    ``date`` are copied out of it for the columns that listings sort and filter on.
    """

    meta: str
    title: str
    title_key: str
    sections: tuple[str, ...]
    date: str | None
    format: str
    encoding: str
    warnings: tuple[str, ...]
    fingerprint: str
    folded: str
    patch: bytes | None
    layout: str

    @property
    def section_key(self) -> str:
        """The key of the article's own section."""
        return section_key(self.sections)

    @property
    def date_rank(self) -> int:
        """The date sort key (newest first, undated last)."""
        return date_rank(self.date)


class Outcome(NamedTuple):
    """What parsing one job gave: a record, or an error message for people."""

    job: Job
    record: Record | None
    error: str | None


def parse_job(job: Job) -> Outcome:
    """Load one file into a Record; a per-file failure becomes the error message."""
    # Deferred: every parser comes with the loader, and only a scan that finds new or
    # changed files needs them (a CLI answer from an up-to-date catalog does not).
    from tuireader.library.loader import ArticleError, load_article

    try:
        article = load_article(job.path, job.root, job.encoding)
    except ArticleError as exc:
        return Outcome(job, None, str(exc) or "could not load")
    except Exception as exc:  # never let one file stop a scan, even on a loader bug
        return Outcome(job, None, f"could not load: {type(exc).__name__}")
    return Outcome(job, encode_article(article), None)


def parse_outcomes(job: Job) -> list[Outcome]:
    """The outcomes of one file: one, or for an EPUB book one per chapter.

    A chapter's outcome has a job of its own whose ``rel`` is the chapter's key (same
    file, size and mtime); its title key starts with the chapter's place in the book, so
    sorting by title or by (equal) date keeps the reading order.
    """
    if not is_book_name(job.rel):
        return [parse_job(job)]
    from tuireader.library.books import load_book  # deferred: see parse_job
    from tuireader.library.loader import ArticleError

    try:
        loaded = load_book(job.path, job.root)
    except ArticleError as exc:
        return [Outcome(job, None, str(exc) or "could not load the book")]
    except Exception as exc:  # a bug in the book reader must cost one file, not the scan
        return [Outcome(job, None, f"could not load: {type(exc).__name__}")]
    outcomes: list[Outcome] = []
    for article in loaded.articles:
        record = encode_article(article)
        _, index = split_chapter_key(article.path) or ("", 0)
        record = record._replace(title_key=f"{index:06d} {record.title_key}")
        outcomes.append(Outcome(job._replace(rel=article.path), record, None))
    for problem in loaded.problems:
        outcomes.append(Outcome(job._replace(rel=problem.path), None, problem.error))
    if not outcomes:
        outcomes.append(Outcome(job, None, "the book has no text"))
    return outcomes


def encode_article(article: Article) -> Record:
    """The stored form of an article: folded body text, the edits back, a block layout.

    The body is stored once, folded (which search reads in SQL) with the few edits that
    restore the original (:func:`tuireader.text.fold.fold_with_patch`): the catalog
    holds no second copy of every article. Folding happens here, in the scan's workers.
    """
    from tuireader.library.loader import fingerprint_of  # loaded by the parse already

    body = article.body_text  # a property that joins every block: build it once
    folded, patch = fold_with_patch(body)
    layout = [_block_layout(block) for block in article.blocks]
    meta = article.meta
    return Record(
        meta=encode_meta(meta),
        title=meta.title,
        title_key=title_sort_key(meta.title),  # pinyin for Chinese: once, here
        sections=meta.sections,
        date=meta.date,
        format=article.format,
        encoding=article.encoding,
        warnings=article.warnings,
        fingerprint=fingerprint_of(meta.title, body),
        folded=folded,
        patch=encode_patch(patch),
        layout=json.dumps(layout, separators=(",", ":")),
    )


def _block_layout(block: Block) -> list[object]:
    """``[kind, level, ordinal, length]``, then the drawing facts only when there are any:
    ``{"s": spans, "l": language, "t": table}`` (spans as ``[start, end, kind]`` plus the
    target of a link; a table as ``[header_rows, aligns, rows of [start, end] cells]``)."""
    entry: list[object] = [_KIND_CODE[block.kind], block.level, block.ordinal, len(block.text)]
    extra: dict[str, object] = {}
    if block.spans:
        extra["s"] = [
            [span.start, span.end, _SPAN_CODE[span.kind], *([span.target] if span.target else [])]
            for span in block.spans
        ]
    if block.language:
        extra["l"] = block.language
    if block.table is not None:
        shape = block.table
        extra["t"] = [shape.header_rows, list(shape.aligns), [list(row) for row in shape.rows]]
    if extra:
        entry.append(extra)
    return entry


def encode_meta(meta: ArticleMeta) -> str:
    """The stored form of an article's metadata: its JSON, compact, empty fields left out."""
    data = {key: value for key, value in meta.to_json().items() if value}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_meta(stored: str) -> ArticleMeta:
    """The metadata of a stored ``meta`` column (see :func:`encode_meta`)."""
    return ArticleMeta.from_json(json.loads(stored))


def encode_patch(patch: Patch) -> bytes | None:
    """The stored form of the edits from folded to original text (None: no edits).

    Three columns, zlib-compressed (level 1: quick; the edits repeat): the starts as
    gaps from the end of the previous edit and the folded lengths, both as 32-bit
    integers, then the originals joined by NUL (sanitized text never holds one).
    """
    starts, lengths, originals = patch
    if not starts:
        return None
    ends = [0, *map(add, starts, lengths)]
    gaps = array("i", map(sub, starts, ends))
    sizes = array("i", lengths)
    head = array("i", [len(starts)]).tobytes()
    text = "\0".join(originals).encode("utf-8", "surrogatepass")
    return zlib.compress(head + gaps.tobytes() + sizes.tobytes() + text, 1)


def decode_patch(stored: bytes | None) -> Patch:
    """The edits of a stored patch (see :func:`encode_patch`)."""
    if stored is None:
        return NO_EDITS
    data = zlib.decompress(stored)
    count = array("i", data[:4])[0]
    numbers = array("i", data[4 : 4 + 8 * count])
    gaps, sizes = numbers[:count], numbers[count:]
    originals = data[4 + 8 * count :].decode("utf-8", "surrogatepass").split("\0")
    starts = []
    end = 0
    for gap, size in zip(gaps, sizes, strict=True):
        starts.append(end + gap)
        end += gap + size
    return Patch(starts, sizes.tolist(), originals)


def stored_body(folded: str, patch: bytes | None) -> str:
    """The original body from its stored folded text and patch."""
    return unfold(folded, decode_patch(patch))


def patch_prefix(stored: bytes | None, length: int) -> tuple[Patch, int]:
    """The edits of a stored patch that fall in the original body's first ``length``
    characters, and how many folded characters give back (at least) that many.

    What :func:`decode_patch` does, stopping at ``length``: the beginning of a long
    article is rebuilt at a cost that does not grow with the rest of it.
    """
    if stored is None:
        return NO_EDITS, length
    data = zlib.decompress(stored)
    count = array("i", data[:4])[0]
    numbers = array("i", data[4 : 4 + 8 * count])
    gaps, sizes = numbers[:count], numbers[count:]
    originals = data[4 + 8 * count :].decode("utf-8", "surrogatepass").split("\0")
    starts: list[int] = []
    end = 0  # the folded end of the edit before
    shift = 0  # original minus folded position, after the edits so far
    needed = 0
    for gap, size, original in zip(gaps, sizes, originals, strict=True):
        start = end + gap
        if start + shift >= length:
            break
        starts.append(start)
        end = start + size
        shift += len(original) - size
        needed = end  # an edit running past ``length`` is taken whole
    kept = len(starts)
    folded_length = max(length - shift, needed)
    return Patch(starts, sizes[:kept].tolist(), originals[:kept]), folded_length


def layout_entries(layout: str) -> list[list[Any]]:
    """The stored block layout, one entry per block (see ``_block_layout``)."""
    entries: list[list[Any]] = json.loads(layout)
    return entries


def head_extent(entries: list[list[Any]], through_block: int, chars: int) -> tuple[int, int]:
    """(blocks, body characters) of the fewest whole blocks from the start that include
    block ``through_block`` and ``chars`` characters from its start on."""
    total = 0
    wanted: int | None = None
    for index, entry in enumerate(entries):
        if index == max(0, through_block):
            wanted = total + chars
        total += entry[3] + 1  # the block and the "\n" after it
        if wanted is not None and total >= wanted:
            return index + 1, total - 1
    return len(entries), max(0, total - 1)


def decode_blocks(body: str, layout: str | list[list[Any]]) -> tuple[Block, ...]:
    """Cut the stored body back into blocks using the layout's text lengths (the layout
    as stored, or its first entries: the blocks of a prefix of the body)."""
    blocks = []
    start = 0
    entries = layout_entries(layout) if isinstance(layout, str) else layout
    for code, level, ordinal, length, *rest in entries:
        text = body[start : start + length]
        if rest and isinstance(rest[0], dict):
            blocks.append(_with_extras(Block(_CODE_KIND[code], text, level, ordinal), rest[0]))
        else:
            blocks.append(Block(_CODE_KIND[code], text, level, ordinal))
        start += length + 1  # the "\n" joining blocks
    return tuple(blocks)


def _with_extras(block: Block, extra: dict[str, Any]) -> Block:
    """A block with the spans, language and table of its layout entry (see _block_layout)."""
    spans = tuple(
        Span(item[0], item[1], SPAN_KINDS[item[2]], item[3] if len(item) > 3 else None)
        for item in extra.get("s") or ()
    )
    table = None
    if "t" in extra:
        header_rows: int
        aligns: list[str]
        rows: list[list[list[int]]]
        header_rows, aligns, rows = extra["t"]
        table = TableShape(
            tuple(tuple((cell[0], cell[1]) for cell in row) for row in rows),
            header_rows,
            tuple(aligns),
        )
    language = extra.get("l")
    return Block(
        block.kind,
        block.text,
        block.level,
        block.ordinal,
        spans=spans,
        language=language if isinstance(language, str) else None,
        table=table,
    )


def decode_article(row: dict[str, Any], body: str, layout: str | list[list[Any]]) -> Article:
    """Rebuild an Article from an ``articles`` row (as a dict) and its stored text."""
    return Article(
        meta=decode_meta(row["meta"]),
        blocks=decode_blocks(body, layout),
        format=row["format"],
        encoding=row["encoding"],
        warnings=tuple(json.loads(row["warnings"])),
        path=row["path"],
    )
