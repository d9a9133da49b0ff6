"""Header metadata being collected, and how labelled values are stored on it.

A :class:`Header` is filled line by line by ``plain_header`` (and by ``plain_body`` for
label lines found in the body). Values are cleaned here: a date inside a source value is
taken out, author labels give person names, tags are split.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.byline import byline_names, has_role
from tuireader.library.formats.plain.noise import strip_noise
from tuireader.library.model import ArticleMeta
from tuireader.text.dates import find_date

_MAX_TITLE_PRE = 80
_MAX_FIELD = 60
# Where a title came from, least to most trustworthy.
RANK_LINE, RANK_META, RANK_LABEL = 1, 2, 3
_TAG_SEPARATORS = str.maketrans({c: " " for c in ",，、;；|｜"})


@dataclass
class Header:
    """The metadata being collected from the header lines, and how sure each part is.

    ``meta`` grows as lines are read (:meth:`fill` keeps what was found first);
    ``title_rank`` says where the title came from, ``lead`` holds text (a summary label)
    that opens the body.
    """

    meta: ArticleMeta = field(default_factory=ArticleMeta)
    title_rank: int = 0
    title_expected: bool = False
    lead: list[str] = field(default_factory=list)

    def fill(self, **values: object) -> None:
        """Set each named field that is still empty (the first value found wins)."""
        changes = {k: v for k, v in values.items() if v and not getattr(self.meta, k)}
        if changes:
            self.meta = replace(self.meta, **changes)  # type: ignore[arg-type]

    def put(self, **values: object) -> None:
        """Set the named fields, replacing what was there."""
        self.meta = replace(self.meta, **values)  # type: ignore[arg-type]


def set_title(header: Header, title: str, rank: int) -> None:
    """Keep the title from the most trustworthy place (a label beats a first line)."""
    if rank > header.title_rank:
        header.put(title=title)
        header.title_rank = rank


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
    header.fill(date=found[0])
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
            header.fill(source=value)
    elif name == labels.AUTHOR:
        _add_author(header, _take_date(header, value))
    elif name == labels.URL and value:
        header.fill(url=value.split()[0])
    elif name == labels.TAGS:
        header.put(tags=header.meta.tags + tuple(value.translate(_TAG_SEPARATORS).split()))
    elif name == labels.SUMMARY and value:
        header.fill(description=value)
        header.lead.append(value)


def _add_author(header: Header, value: str) -> None:
    """Add the names of one author label (``作者：本报记者 李明`` gives 李明)."""
    names = byline_names(value) if has_role(value) else None
    if not names and value and len(value) <= _MAX_FIELD // 2:
        names = value
    author = header.meta.author
    known = set((author or "").split())
    if names and not set(names.split()) <= known:
        header.put(author=f"{author} {names}" if author else names)
