"""Header metadata being collected, and how labelled values are stored on it.

A :class:`Header` is filled line by line by ``plain_header`` (and by ``plain_body`` for
label lines found in the body). Values are cleaned here: a date inside a source value is
taken out, author labels give person names, tags are split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.byline import byline_names, has_role, is_byline_line
from tuireader.library.formats.plain.noise import strip_noise
from tuireader.library.model import META_FIELDS, ArticleMeta
from tuireader.text.dates import find_date, parse_labelled_date

_MAX_TITLE_PRE = 80
_MAX_FIELD = 60
# Where a title came from, least to most trustworthy.
RANK_LINE, RANK_META, RANK_LABEL = 1, 2, 3
_TAG_SEPARATORS = str.maketrans({c: " " for c in ",，、;；|｜"})


@dataclass
class Header:
    """The metadata being collected from the header lines, and how sure each part is.

    :attr:`meta` grows as lines are read (:meth:`fill` keeps what was found first);
    ``title_rank`` says where the title came from, ``lead`` holds text (a summary label)
    that opens the body. Values are gathered in a dict and the frozen meta is built when
    it is read (building it on every change cost a tenth of a text file's parse).
    """

    values: dict[str, object] = field(default_factory=dict)
    title_rank: int = 0
    title_expected: bool = False
    lead: list[str] = field(default_factory=list)
    _built: ArticleMeta | None = None

    @classmethod
    def starting_from(cls, meta: ArticleMeta) -> Header:
        """A header whose fields start as those of ``meta``."""
        return cls(values={name: getattr(meta, name) for name in META_FIELDS})

    @property
    def meta(self) -> ArticleMeta:
        """The metadata collected so far."""
        if self._built is None:
            self._built = ArticleMeta(**self.values)  # type: ignore[arg-type]
        return self._built

    def get(self, name: str) -> Any:
        """One field's value so far (None when unset): cheaper than :attr:`meta`."""
        return self.values.get(name)

    def fill(self, **values: object) -> None:
        """Set each named field that is still empty (the first value found wins)."""
        for name, value in values.items():
            if value and not self.values.get(name):
                self.values[name] = value
                self._built = None

    def put(self, **values: object) -> None:
        """Set the named fields, replacing what was there."""
        self.values.update(values)
        self._built = None


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
    if pre and is_byline_line(pre):  # 本报记者 王五 来源：新华社: a byline, not a title
        add_author_names(header, byline_names(pre))
    elif pre and len(pre) <= _MAX_TITLE_PRE * 2:
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
    """Store one labelled value on the header (a label written with a colon)."""
    take_labelled(header, name, _DEFAULT_LABEL.get(name, ""), value)


# The label a kept value is shown under when the line's own word is not known.
_DEFAULT_LABEL = {labels.ORIGINAL_TITLE: "原标题", labels.STAFF: "审校"}


def take_labelled(header: Header, name: str, label: str, value: str) -> None:
    """Store one labelled value: a known field fills it, any other label is kept as is.

    ``label`` is the label's own text (``原刊期号``), used for the labels that have no
    field of their own and for values that do not read as their field.
    """
    if not value:
        return
    if name == labels.TITLE:
        set_title(header, value, RANK_LABEL)
    elif name == labels.DATE:
        dated = parse_labelled_date(value)
        if dated:
            header.fill(date=dated)
        elif label:
            _keep(header, label, value)
    elif name == labels.SOURCE:
        value = _take_date(header, value)
        if value and len(value) <= _MAX_FIELD:
            header.fill(source=value)
    elif name == labels.AUTHOR:
        _add_author(header, _take_date(header, value))
    elif name == labels.EDITOR:
        add_names(header, "editor", person_names(value) or value)
    elif name == labels.URL:
        header.fill(url=value.split()[0])
    elif name == labels.TAGS:
        tags = tuple(value.translate(_TAG_SEPARATORS).split())
        header.put(tags=(*(header.get("tags") or ()), *tags))
    elif name == labels.KEYWORDS:
        header.put(keywords=(*(header.get("keywords") or ()), *split_keywords(value)))
    elif name == labels.ABSTRACT:
        header.fill(abstract=value)
    elif name == labels.PAGE:
        header.fill(page=value)
    elif name in (labels.OTHER, labels.STAFF, labels.ORIGINAL_TITLE) and label:
        _keep(header, label, value)


def _keep(header: Header, label: str, value: str) -> None:
    """Keep a label we have no field for, in file order, so the reader can show it."""
    header.put(labels=(*(header.get("labels") or ()), (label, value)))


_KEYWORD_SPLIT = re.compile(r"[/／、，,;；\s\u3000]+")
_NAME_SPLIT = re.compile(
    r"[/／、，,;；]+|(?<=[\u4e00-\u9fff])[\s\u3000]+|[\s\u3000]+(?=[\u4e00-\u9fff])"
)
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}")


def split_keywords(value: str) -> tuple[str, ...]:
    """Keywords separated by / 、 ， ; or spaces."""
    return tuple(dict.fromkeys(k for k in _KEYWORD_SPLIT.split(value) if k))


def person_names(value: str) -> str | None:
    """Chinese names in a list (``李宗植/毛生武``, ``王明、李华``), one space between them;
    None when a piece does not read as a Chinese name.

    A lone character next to another lone one is a two-character name set with a space
    (``李　锐``), as typeset bylines pad them.
    """
    pieces = [p.strip() for p in _NAME_SPLIT.split(value) if p.strip()]
    names: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if len(piece) == 1 and index + 1 < len(pieces) and len(pieces[index + 1]) == 1:
            piece += pieces[index + 1]
            index += 1
        if not _CJK_NAME.fullmatch(piece) or has_role(piece):
            return None  # Latin names keep their inner spaces: the caller keeps the value
        names.append(piece)
        index += 1
    return " ".join(dict.fromkeys(names)) or None


def _add_author(header: Header, value: str) -> None:
    """Add the names of one author label (``作者：本报记者 李明`` gives 李明)."""
    names = byline_names(value) if has_role(value) else None
    if not names and value and len(value) <= _MAX_FIELD:
        names = person_names(value)
    if not names and value and len(value) <= _MAX_FIELD // 2:
        names = value
    add_author_names(header, names)


def add_author_names(header: Header, names: str | None) -> None:
    """Add names (one space between them) to the author, without repeats."""
    add_names(header, "author", names)


def add_names(header: Header, field: str, names: str | None) -> None:
    """Add names to a field of names (author, editor), without repeats."""
    current = header.get(field)
    known = set((current or "").split())
    if names and not set(names.split()) <= known:
        new = [name for name in names.split() if name not in known]
        header.put(**{field: " ".join([*(current.split() if current else []), *new])})
