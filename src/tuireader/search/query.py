"""The library search's query language, parsed into a :class:`Query`.

    经济 发展            both terms (AND)
    "river city"         a phrase, matched as one substring
    -旅游                without this term
    经济 OR 文化          either term (OR binds adjacent terms)
    section:要闻          a section anywhere on the article's path
    after:2022-01-01     dated on or after that day; before:2022-12-31 on or before
    is:unread  is:bookmarked  in:title
    in:author 李明       the terms in the author (in:source: in the source) instead of the text

Terms are folded (``tuireader.text.fold``), so case and width never matter. A ``key:``
that is not one of the filters above is an ordinary term (``http://x`` stays a term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tuireader.text.fold import fast_fold

_ITEM = re.compile(r'(-)?(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))')
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")
_FILTERS = ("section", "after", "before", "is", "in")


class QueryError(ValueError):
    """A query that cannot be understood; the message is for people."""


@dataclass(frozen=True)
class Query:
    """A parsed query: every clause must match (a clause is a set of alternatives)."""

    clauses: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    after: str | None = None
    before: str | None = None
    unread: bool = False
    bookmarked: bool = False
    title_only: bool = False
    meta_field: str | None = None
    meta_clauses: tuple[tuple[str, ...], ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every positive (folded) term, in order: what gets highlighted."""
        return tuple(term for clause in self.clauses for term in clause)

    @property
    def has_filters(self) -> bool:
        """Whether anything beyond text narrows the results."""
        return bool(
            self.sections
            or self.after
            or self.before
            or self.unread
            or self.bookmarked
            or self.meta_clauses
        )


def parse_query(text: str) -> Query:
    """Parse ``text``; raises :class:`QueryError` for a bad filter value."""
    # Lone surrogates cannot reach SQLite; NUL ends an FTS5 string. Neither is ever in
    # indexed (sanitized) text, so dropping them changes no result.
    text = text.encode("utf-8", "ignore").decode("utf-8").replace("\x00", "")
    parts: dict[str, Any] = {"clauses": [], "excluded": [], "sections": []}
    join_next = False
    for match in _ITEM.finditer(text):
        negative, key, quoted, bare = match.groups()
        if key and key not in _FILTERS:
            # Not a filter: the key stays in the term, quoted value or not (foo:"a b").
            bare = f"{key}:{bare if quoted is None else quoted}"
            key, quoted = None, None
        if key:
            _apply_filter(parts, key, quoted if quoted is not None else bare, bool(negative))
            continue
        if quoted is None and bare == "OR" and not negative:
            join_next = bool(parts["clauses"])
            continue
        term = _term(quoted if quoted is not None else bare)
        if not term:
            continue
        if negative:
            parts["excluded"].append(term)
        elif join_next:
            parts["clauses"][-1] = (*parts["clauses"][-1], term)
        else:
            parts["clauses"].append((term,))
        join_next = False
    return _freeze(parts)


def _term(raw: str) -> str:
    """A folded term; inner whitespace runs become one space (phrases)."""
    return " ".join(fast_fold(raw).split())


def _apply_filter(parts: dict[str, Any], key: str, value: str, negative: bool) -> None:
    """Record one ``key:value`` filter."""
    if negative:
        raise QueryError(f"-{key}: is not supported; write {key}: without the minus")
    value = value.strip()
    if key == "section":
        if value:
            parts["sections"].append(value)
    elif key in ("after", "before"):
        if not _DATE.match(value):
            raise QueryError(f"{key}: needs a date like 2022-01-31, not {value!r}")
        if not _is_real_date(value):
            raise QueryError(f"{key}: {value} is not a date (no such month or day)")
        parts[key] = value
    elif key == "is":
        if value not in ("unread", "bookmarked"):
            raise QueryError(f"is: takes unread or bookmarked, not {value!r}")
        parts[value] = True
    elif value == "title":
        parts["title_only"] = True
    elif value in META_FIELDS:
        parts["meta_field"] = value
    else:
        raise QueryError(f"in: takes title, author or source, not {value!r}")


def _is_real_date(value: str) -> bool:
    """Whether ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` names a month and day that exist."""
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


#: Metadata fields ``in:`` can search instead of the text.
META_FIELDS = ("author", "source")


def _freeze(parts: dict[str, Any]) -> Query:
    """The immutable query from the collected parts.

    With ``in:author`` or ``in:source`` the terms are looked for in that field, as a
    filter, and not in the text.
    """
    field = parts.get("meta_field")
    clauses = tuple(parts["clauses"])
    return Query(
        clauses=() if field else clauses,
        meta_field=field,
        meta_clauses=clauses if field else (),
        excluded=tuple(parts["excluded"]),
        sections=tuple(parts["sections"]),
        after=parts.get("after"),
        before=parts.get("before"),
        unread=parts.get("unread", False),
        bookmarked=parts.get("bookmarked", False),
        title_only=parts.get("title_only", False),
    )
