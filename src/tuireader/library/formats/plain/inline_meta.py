"""Metadata lines at the top or bottom of a body: ``作者：``, ``来源：``, ``文／``, ``责任编辑：``.

Reposted news carries its metadata as lines of the text (``作者：李明``, ``来源：新华网``,
``（作者单位：某大学）``). Such a line near either end of the body fills its field; it
leaves the body only when all of its content went into fields the reader shows (an
``作者：`` line with a biography after the name keeps the biography as metadata), and a
value that disagrees with a field already set keeps its line where it is.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.meta import (
    Header,
    add_author_names,
    add_names,
    person_names,
    read_meta,
    take_labelled,
)

_EDGE = 5  # lines from either end that may hold metadata
_MAX_LINE = 120
_LABELLED = re.compile(
    r"^[（(]?[ \t\u3000]*(作[ \t\u3000]*者|来[ \t\u3000]*源|责任编辑|责编|编[ \t\u3000]*辑|作者单位)"
    r"[ \t\u3000]*[:：][ \t\u3000]*(?P<value>[^（）()]+?)[ \t\u3000]*[)）]?$"
)
_SLASHED = re.compile(r"^文[ \t\u3000]*[／/][ \t\u3000]*(?P<value>\S.{0,30})$")
_SENTENCE = re.compile(r"[。！？!?]")
_BIO_SPLIT = re.compile(r"[，,；;]")
_MAX_SOURCE = 30
_STARTS = "作来责编文时日发（( \t\u3000"  # what a metadata line can start with


def take_inline_meta(paragraphs: list[str], header: Header) -> set[int]:
    """Read metadata lines near either end into ``header``; the indexes of the lines taken."""
    count = len(paragraphs)
    edges = range(count) if count <= 2 * _EDGE else (*range(_EDGE), *range(count - _EDGE, count))
    taken = set()
    for index in edges:
        line = paragraphs[index]
        if line[:1] in _STARTS and len(line) <= _MAX_LINE and _take(line, header):
            taken.add(index)
    return taken


def _take(line: str, header: Header) -> bool:
    """Take one line if it is a metadata line whose whole content fits its fields."""
    slashed = _SLASHED.match(line)
    if slashed:
        return _take_author(header, slashed["value"])
    pre, pairs = labels.split_labels(line)
    if not pre and len(pairs) > 1:
        return _take_several(header, pairs, line)
    found = _LABELLED.match(line)
    if found is None:
        return False
    word = "".join(found[1].split())
    value = found["value"].strip()
    if word == "作者":
        return _take_author(header, value)
    if word == "来源":
        return _take_source(header, value)
    if word == "作者单位":
        take_labelled(header, labels.OTHER, word, value)
        return True
    add_names(header, "editor", person_names(value) or value)
    return True


def _take_several(header: Header, pairs: list[tuple[str, str]], line: str) -> bool:
    """``来源：晨报　时间：2024-03-01``: each label fills its own field (the source is not
    ``晨报　时间：…``), when every value reads as metadata and agrees with what is set."""
    for name, value in pairs:
        if len(value) > _MAX_SOURCE or _SENTENCE.search(value):
            return False
        if name in (labels.SOURCE, labels.DATE) and header.get(name) not in (None, value):
            return False
    read_meta(header, line)
    return True


def _take_author(header: Header, value: str) -> bool:
    """``作者：李明`` or ``作者：李明，某大学教授`` (the rest kept as 作者简介)."""
    name, _sep, rest = _BIO_SPLIT.split(value, maxsplit=1)[0], "", ""
    if name != value:
        rest = value[len(name) + 1 :].strip()
    names = person_names(name)
    if names is None:
        return False
    add_author_names(header, names)
    if rest:
        take_labelled(header, labels.OTHER, "作者简介", rest)
    return True


def _take_source(header: Header, value: str) -> bool:
    """``来源：新华网``: the source, when it is a name and agrees with any source read."""
    if len(value) > _MAX_SOURCE or _SENTENCE.search(value):
        return False
    if header.get("source") not in (None, value):
        return False
    header.fill(source=value)
    return True
