"""Header metadata being collected, and how labelled values are stored on it.

A :class:`Header` is filled line by line by ``plain_header`` (and by ``plain_body`` for
label lines found in the body). Values are cleaned here: a date inside a source value is
taken out, author labels give person names, tags are split.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.byline import byline_names, has_role
from tuireader.library.formats.plain.noise import strip_noise
from tuireader.text.dates import find_date

_MAX_TITLE_PRE = 80
_MAX_FIELD = 60
# Where a title came from, least to most trustworthy.
RANK_LINE, RANK_META, RANK_LABEL = 1, 2, 3
_TAG_SEPARATORS = str.maketrans({c: " " for c in ",，、;；|｜"})


@dataclass
class Header:
    """Metadata collected from the header lines (mutable while it is being read)."""

    title: str | None = None
    title_rank: int = 0
    title_expected: bool = False
    sections: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    lead: list[str] = field(default_factory=list)


def set_title(header: Header, title: str, rank: int) -> None:
    """Keep the title from the most trustworthy place (a label beats a first line)."""
    if rank > header.title_rank:
        header.title, header.title_rank = title, rank


def read_meta(header: Header, text: str, pre_rank: int = RANK_LINE) -> None:
    """Read a header segment: optional title text, then labelled fields, noise cut out.

    Text before the first label becomes the title with rank ``pre_rank``: on a breadcrumb
    line it beats a first-line guess, elsewhere it only fills a missing title.
    """
    pre, pairs = labels.split_labels(strip_noise(text))
    pre = _take_date(header, pre)
    if pre and len(pre) <= _MAX_TITLE_PRE * 2:
        set_title(header, pre, pre_rank)
    for name, value in pairs:
        _take_field(header, name, value)


def _take_date(header: Header, value: str) -> str:
    """Record the first date in ``value`` and return the text before it (or after)."""
    found = find_date(value)
    if found is None:
        return value
    header.date = header.date or found[0]
    before, after = value[: found[1]].strip(), value[found[2] :].strip()
    return labels.clean_value(before or after)


def _take_field(header: Header, name: str, value: str) -> None:
    """Store one labelled value on the header."""
    if name == labels.TITLE and value:
        set_title(header, value, RANK_LABEL)
    elif name == labels.DATE:
        _take_date(header, value)
    elif name == labels.SOURCE:
        value = _take_date(header, value)
        if value and len(value) <= _MAX_FIELD:
            header.source = header.source or value
    elif name == labels.AUTHOR:
        _add_author(header, _take_date(header, value))
    elif name == labels.URL and value:
        header.url = header.url or value.split()[0]
    elif name == labels.TAGS:
        header.tags.extend(t for t in value.translate(_TAG_SEPARATORS).split() if t)
    elif name == labels.SUMMARY and value:
        header.description = header.description or value
        header.lead.append(value)


def _add_author(header: Header, value: str) -> None:
    """Add the names of one author label (``作者：本报记者 李明`` gives 李明)."""
    names = byline_names(value) if has_role(value) else None
    if not names and value and len(value) <= _MAX_FIELD // 2:
        names = value
    known = set((header.author or "").split())
    if names and not set(names.split()) <= known:
        header.author = f"{header.author} {names}" if header.author else names
