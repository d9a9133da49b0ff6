"""Front matter keys of Jekyll, Hugo and Obsidian mapped onto article metadata.

Values arrive as str / list / dict (see :mod:`tuireader.library.formats.markdown.frontmatter`); anything
of an unexpected shape is ignored rather than trusted.
"""

from __future__ import annotations

import re

from tuireader.library.model import ArticleMeta
from tuireader.text.dates import parse_date

_TITLE_KEYS = ("title", "name")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "created", "created_at")
_SECTION_KEYS = ("categories", "category", "sections", "section")
_TAG_KEYS = ("tags", "tag", "keywords")
_AUTHOR_KEYS = ("author", "authors")
_DESCRIPTION_KEYS = ("description", "summary", "excerpt")
_URL_KEYS = ("url", "link", "canonical", "canonical_url", "canonicalurl")
_SECTION_SPLIT = re.compile(r"\s*[/,，、>»]\s*")
_TAG_SPLIT = re.compile(r"[,，、;；]\s*|\s+")


def meta_from_front_matter(meta: dict[str, object]) -> tuple[ArticleMeta, tuple[str, ...]]:
    """Map front matter keys (any case) onto an ArticleMeta, with warnings for people."""
    if not meta:
        return ArticleMeta(), ()
    lowered = {key.strip().lower(): value for key, value in meta.items()}
    raw_date = _first_text(lowered, _DATE_KEYS)
    date = parse_date(raw_date) if raw_date else None
    warnings = (
        (f"front matter date not understood: {raw_date[:40]}",) if raw_date and not date else ()
    )
    found = ArticleMeta(
        title=_first_text(lowered, _TITLE_KEYS) or "",
        date=date,
        sections=_split_values(_first(lowered, _SECTION_KEYS), _SECTION_SPLIT),
        tags=tuple(
            tag.lstrip("#") for tag in _split_values(_first(lowered, _TAG_KEYS), _TAG_SPLIT)
        ),
        author=_first_text(lowered, _AUTHOR_KEYS),
        description=_first_text(lowered, _DESCRIPTION_KEYS),
        source=_first_text(lowered, ("source",)),
        url=_first_text(lowered, _URL_KEYS),
    )
    return found, warnings


def _first(meta: dict[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", []):
            return value
    return None


def _first_text(meta: dict[str, object], keys: tuple[str, ...]) -> str | None:
    """A one-line string for the first key present; lists of strings are joined."""
    value = _first(meta, keys)
    if isinstance(value, dict):  # Hugo: author: {name: ..., email: ...}
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(item.strip() for item in value if isinstance(item, str) and item.strip())
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _split_values(value: object, separators: re.Pattern[str]) -> tuple[str, ...]:
    """A list, or a string split on ``separators``: stripped, empty and repeats dropped."""
    if isinstance(value, str):
        items = separators.split(value)
    elif isinstance(value, list):
        items = [item for item in value if isinstance(item, str)]
    else:
        return ()
    seen: dict[str, None] = {}
    for item in items:
        cleaned = " ".join(item.split())
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)
