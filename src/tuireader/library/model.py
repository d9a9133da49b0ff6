"""The article model shared by every format: frozen dataclasses, little behaviour.

Every parser produces an :class:`ArticleMeta` and :class:`Block` objects, which the
loader makes into an :class:`Article`. Positions
everywhere (reading positions, search hits, bookmarks) are an :class:`Anchor`:
(block index, character offset) into the block's normalized text, never a screen row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields

# Block kinds. Every format maps its structure onto these.
HEADING = "heading"
PARAGRAPH = "paragraph"
QUOTE = "quote"
LIST_ITEM = "list_item"
CODE = "code"
RULE = "rule"
TABLE = "table"
#: The article's abstract (内容提要, 摘要), shown styled before the body.
ABSTRACT = "abstract"
BLOCK_KINDS = (HEADING, PARAGRAPH, QUOTE, LIST_ITEM, CODE, RULE, TABLE, ABSTRACT)

# Inline span kinds: stretches of a block's text drawn differently.
SPAN_LINK = "link"
SPAN_EMPHASIS = "em"
SPAN_STRONG = "strong"
SPAN_CODE = "code"
SPAN_STRIKE = "strike"
#: Not drawn: the id a heading is linked to by (``## Setup {#install}``), as its target.
SPAN_ANCHOR = "anchor"
SPAN_KINDS = (SPAN_LINK, SPAN_EMPHASIS, SPAN_STRONG, SPAN_CODE, SPAN_STRIKE, SPAN_ANCHOR)

# Column alignment of a table.
ALIGN_LEFT = "left"
ALIGN_CENTER = "center"
ALIGN_RIGHT = "right"

# Article formats.
FORMAT_TEXT = "text"
FORMAT_MARKDOWN = "markdown"
FORMAT_HTML = "html"
FORMAT_EPUB = "epub"  # one chapter of an EPUB book


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch ``[start, end)`` of a block's text with a role: a link, emphasis, code.

    Offsets are into :attr:`Block.text`, the rendered text that positions, bookmarks and
    search use, so drawing a span never moves a position. ``target`` is a link's address
    as the document wrote it (``../guide.md#setup``, ``https://…``); None otherwise.
    Spans of one block are sorted by start; they may nest (a link inside strong text).
    """

    start: int
    end: int
    kind: str
    target: str | None = None


@dataclass(frozen=True, slots=True)
class TableShape:
    """Where the cells of a ``table`` block lie in its text.

    The block's text holds one line per row, cells joined by `` | `` (what search and
    a plain view show); ``rows`` gives each cell as ``(start, end)`` offsets into that
    text, so a renderer can draw columns. The first ``header_rows`` rows are the header;
    ``aligns`` holds each column's alignment (``left``/``center``/``right``, "" unsaid).
    """

    rows: tuple[tuple[tuple[int, int], ...], ...]
    header_rows: int = 0
    aligns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of an article's body.

    ``text`` is normalized: sanitized, ``\\n`` only as line separator (only code blocks
    and tables keep inner newlines; a hard line break is one too). ``level`` is the
    heading level (1-6) or the list depth (0-based). ``ordinal`` is the number shown for
    an ordered list item (None for bullets). ``spans`` mark links, emphasis and code in
    ``text``; ``language`` is a code block's language (its fence's first word), drawn
    unwrapped; ``table`` is the cell layout of a ``table`` block.
    """

    kind: str
    text: str
    level: int = 0
    ordinal: int | None = None
    spans: tuple[Span, ...] = ()
    language: str | None = None
    table: TableShape | None = None


# How exact a date is, read from its ISO form: ``1999-03`` is a month, ``1999-03-05`` a day.
PRECISION_DAY = "day"
PRECISION_MONTH = "month"
PRECISION_YEAR = "year"


def date_precision(date: str | None) -> str | None:
    """``day``, ``month`` or ``year`` for an ISO date (``2024-05-01``, ``2024-05``,
    ``2024``); None for no date."""
    if not date:
        return None
    if len(date) >= 10:
        return PRECISION_DAY
    return PRECISION_MONTH if len(date) >= 7 else PRECISION_YEAR


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Everything an article says about itself, from the parser to the catalog to JSON.

    This is the one place the metadata fields are declared: parsers fill it, the catalog
    stores it whole (one JSON column, see :meth:`to_json`), listings and ``list --json``
    read it back. A new field is added here (and where it is produced), nowhere else.

    ``sections`` runs root to leaf (folders under the library root, then the article's
    own breadcrumb / categories, a repeated name merged). ``date`` is ISO 8601 at the
    precision the source gives (``2022-11-01T10:02``, ``2022-11-01``, ``1999-03``; see
    :attr:`date_precision`). ``author`` and ``editor`` are person names separated by one
    space. ``issue`` is a journal's issue (``1999年第14卷第2期``), ``page`` a page or
    edition (``第3版``). ``labels`` keeps every other labelled field of the file
    (``文献号``, ``分类号`` …) as (label, value) pairs in file order: shown, never lost.
    """

    title: str = ""
    sections: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    issue: str | None = None
    author: str | None = None
    editor: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    description: str | None = None
    abstract: str | None = None
    page: str | None = None
    labels: tuple[tuple[str, str], ...] = ()

    @property
    def date_precision(self) -> str | None:
        """``day``, ``month`` or ``year`` (from the ISO form of ``date``); None undated."""
        return date_precision(self.date)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict of every field (tuples as lists, ``labels`` as an object).

        Keys appear in declaration order; ``labels`` is written as ``meta``: an object of
        label → value (a label seen twice has its values joined by a newline).
        """
        data: dict[str, object] = {}
        for name in _META_FIELDS:
            value = getattr(self, name)
            if name == "labels":
                merged: dict[str, str] = {}
                for label, text in value:
                    merged[label] = f"{merged[label]}\n{text}" if label in merged else text
                data["meta"] = merged
            else:
                data[name] = list(value) if isinstance(value, tuple) else value
        data["date_precision"] = self.date_precision
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> ArticleMeta:
        """The meta a :meth:`to_json` dict stands for; unknown or ill-typed keys are ignored.

        Missing keys take their defaults, so a dict written before a field existed loads.
        """
        values: dict[str, object] = {}
        for name in _META_FIELDS:
            raw = data.get("meta" if name == "labels" else name)
            default = getattr(_EMPTY_META, name)
            if name == "labels":
                if isinstance(raw, dict):
                    values[name] = tuple((str(k), str(v)) for k, v in raw.items())
            elif isinstance(default, tuple):
                if isinstance(raw, list):
                    values[name] = tuple(str(item) for item in raw)
            elif isinstance(raw, str):
                values[name] = raw
        return cls(**values)  # type: ignore[arg-type]

    def cleaned(self, line: Callable[[str], str]) -> ArticleMeta:
        """Every text of the meta passed through ``line`` (the loader's sanitizer).

        Blank results are dropped: an optional field becomes None, a list item or a label
        pair is left out. ``title`` stays a string ("" when blank).
        """
        values: dict[str, object] = {}
        for name in _META_FIELDS:
            value = getattr(self, name)
            if not value:
                values[name] = value
            elif name == "labels":
                pairs = ((line(label), line(text)) for label, text in value)
                values[name] = tuple((label, text) for label, text in pairs if label and text)
            elif isinstance(value, tuple):
                values[name] = tuple(item for item in map(line, value) if item)
            else:
                values[name] = line(value) or (None if name != "title" else "")
        return ArticleMeta(**values)  # type: ignore[arg-type]


_META_FIELDS = tuple(f.name for f in fields(ArticleMeta))
#: The names of ArticleMeta's fields, in declaration order.
META_FIELDS = _META_FIELDS
_EMPTY_META = ArticleMeta()
# The empty meta's JSON, key order and all, with tuples for lists (json writes them
# alike): the defaults expand_meta_json hands out are shared, so they must not change.
_EMPTY_JSON = {
    key: tuple(value) if isinstance(value, list) else value
    for key, value in _EMPTY_META.to_json().items()
}
_EMPTY_JSON["meta"] = None  # a new dict per call: see expand_meta_json


def expand_meta_json(
    data: Mapping[str, object], into: dict[str, object] | None = None
) -> dict[str, object]:
    """``ArticleMeta.to_json()`` of a meta given as that dict with its empty fields left
    out (the catalog's stored form), without building the meta: for listings of many
    rows. Only for dicts that came from ``to_json`` (``from_json`` checks types).

    ``into``: the fields are added to this dict, after what it holds, and it is returned
    (a listing builds one dict per row instead of two).
    """
    if into is None:
        full, before = _EMPTY_JSON.copy(), 0
    else:
        full, before = into, len(into)
        full.update(_EMPTY_JSON)
    full.update(data)  # keeps the template's key order
    if len(full) != before + len(_EMPTY_JSON):  # a key no field has (any more): left out
        for key in data.keys() - _EMPTY_JSON.keys():
            del full[key]
    if not full["meta"]:
        full["meta"] = {}
    full["date_precision"] = date_precision(full["date"])  # type: ignore[arg-type]
    return full


@dataclass(frozen=True, slots=True)
class Article:
    """An article: its metadata, its blocks, and the facts of the file it came from.

    ``path`` is relative to the library root, with ``/`` separators. ``warnings`` are for
    people (a decoding fallback, no body found).
    """

    meta: ArticleMeta
    blocks: tuple[Block, ...] = ()
    format: str = FORMAT_TEXT
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    path: str = ""

    @property
    def title(self) -> str:
        """The title (``meta.title``): the one field almost every caller wants."""
        return self.meta.title

    @property
    def body_text(self) -> str:
        """All block texts joined by newlines (used for fingerprints and search)."""
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What a format parser returns before the loader adds file facts.

    The loader (``tuireader.library.loader``) turns this into an :class:`Article`: it prefixes
    folder sections, records encoding, format and path, and sanitizes every field. A page
    without a title (``meta.title`` "") gets the file name.
    """

    meta: ArticleMeta
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A position in an article: block index and character offset in its text."""

    block: int
    offset: int = 0


#: A file that could not be read at all, and one that was read with decoding warnings.
UNREADABLE = "unreadable"
DECODED_WITH_WARNINGS = "decoded"


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be made into an article (or was, but decoded with warnings),
    and why (one line, for people)."""

    path: str
    error: str
    kind: str = UNREADABLE


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmark from state.db: a whole article (``quote`` None) or a passage.

    A passage runs from (``block``, ``start``) to (``end_block``, ``end``), end exclusive,
    in the article's normalized block text; ``prefix``/``suffix`` are the text around it
    when it was made (used to find it again after the file changes). ``uid`` is stable
    across export and import. ``created`` is an ISO 8601 UTC timestamp.
    """

    id: int
    fingerprint: str
    path: str
    title: str
    quote: str | None
    note: str
    created: str
    block: int | None = None
    start: int | None = None
    end: int | None = None
    prefix: str = ""
    suffix: str = ""
    end_block: int | None = None
    uid: str = ""

    @property
    def is_passage(self) -> bool:
        """Whether this bookmark marks a passage (not the whole article)."""
        return self.quote is not None
