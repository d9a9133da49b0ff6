"""The article model shared by every format: frozen dataclasses, no behaviour.

Every parser produces an :class:`Article` made of :class:`Block` objects. Positions
everywhere (reading positions, search hits, bookmarks) are an :class:`Anchor`:
(block index, character offset) into the block's normalized text, never a screen row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Block kinds. Every format maps its structure onto these.
HEADING = "heading"
PARAGRAPH = "paragraph"
QUOTE = "quote"
LIST_ITEM = "list_item"
CODE = "code"
RULE = "rule"
BLOCK_KINDS = (HEADING, PARAGRAPH, QUOTE, LIST_ITEM, CODE, RULE)

# Article formats.
FORMAT_TEXT = "text"
FORMAT_MARKDOWN = "markdown"
FORMAT_HTML = "html"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of an article's body.

    ``text`` is normalized: sanitized, ``\\n`` only as line separator (only code blocks
    keep inner newlines). ``level`` is the heading level (1-6) or the list depth (0-based).
    ``ordinal`` is the number shown for an ordered list item (None for bullets).
    """

    kind: str
    text: str
    level: int = 0
    ordinal: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article: metadata plus blocks.

    ``sections`` runs root to leaf (folders under the library root, then the article's
    own breadcrumb / categories, a repeated name merged). ``date`` is ISO 8601
    (``2022-11-01T10:02`` or ``2022-11-01``) or None. ``path`` is relative to the
    library root, with ``/`` separators.
    """

    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    format: str = FORMAT_TEXT
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    path: str = ""

    @property
    def body_text(self) -> str:
        """All block texts joined by newlines (used for fingerprints and search)."""
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What a format parser returns before the loader adds file facts.

    The loader (``tuireader.library.loader``) turns this into an :class:`Article`: it prefixes
    folder sections, records encoding, format and path, and sanitizes every field.
    """

    title: str | None
    blocks: tuple[Block, ...]
    sections: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A position in an article: block index and character offset in its text."""

    block: int
    offset: int = 0


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be made into an article, and why (one line, for people)."""

    path: str
    error: str


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
