"""Clean the body of a plain-text page: noise lines, trailing furniture, the byline.

Works on logical lines (one paragraph each). Short label lines in the body
(``责任编辑：王五``, ``来源：新华社``) are metadata, not text: they feed the header and
leave the body. At the end, 'related articles' lists and 上一篇/下一篇 links are cut.
"""

from __future__ import annotations

import re

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.byline import (
    byline_names,
    is_byline_line,
    opening_byline_names,
    split_closing_byline,
)
from tuireader.library.formats.plain.inline_meta import take_inline_meta
from tuireader.library.formats.plain.meta import Header, read_meta, take_labelled
from tuireader.library.formats.plain.noise import is_noise_line, is_related_header, strip_noise

_MAX_LABEL_LINE = 60
_MAX_RELATED_LINK = 60
_TAIL_SHARE = 0.5
_END_MARK = re.compile(r"[（(【\[]\s*完\s*[)）】\]]|-\s*(?:END|完)\s*-|—\s*(?:END|完)\s*—", re.I)
_EDITOR_NOTE = re.compile(
    r"[（(【\[]\s*(?:责任编辑|編輯|编辑|責任編輯|责编|責編)\s*[:：][^（）()【】\[\]]{1,20}[)）】\]]$"
)
_BODY_LABELS = (
    labels.ORIGINAL_TITLE,
    labels.EDITOR,
    labels.SOURCE,
    labels.COUNTER,
    labels.URL,
    labels.TAGS,
    labels.KEYWORDS,
)


def clean_body(lines: list[str], header: Header) -> list[str]:
    """Paragraphs of the body with noise, label lines and trailing furniture removed."""
    kept = []
    for line in _cut_related(lines):
        if _is_furniture(line, header):
            continue
        if line[:1] in _BRACKETS:
            if _took_label_line(line, header):
                continue
            line = _label_heading(line)
        kept.append(line)
    title = header.get("title")
    if title and kept and kept[0] == title:
        kept = kept[1:]
    taken = take_inline_meta(kept, header)
    return _take_byline([line for i, line in enumerate(kept) if i not in taken], header)


def _is_furniture(line: str, header: Header) -> bool:
    """Noise, or a short label line whose value belongs to the header."""
    if is_noise_line(line):
        return True
    if len(line) > _MAX_LABEL_LINE:
        return False
    # 【纠错】【责任编辑：王五】 and （责任编辑：王五） are label lines too.
    if not labels.may_hold_label(line):
        return False
    inner = strip_noise(line).strip("()（）【】[]")
    if not labels.starts_with_label(inner):
        return False
    _pre, pairs = labels.split_labels(inner)
    if not all(name in _BODY_LABELS and _agrees(header, name, v) for name, v in pairs):
        return False
    read_meta(header, inner)
    return True


def _agrees(header: Header, name: str, value: str) -> bool:
    """A source line that names another source than the one read keeps its line."""
    if name == labels.SOURCE:
        return header.get("source") in (None, value)
    return True


_BRACKETS = "【〖[［"


def _took_label_line(line: str, header: Header) -> bool:
    """A bracketed label with a value in the body (``【责任编辑】王五``): metadata, taken.

    A label alone on its line (``【参考文献】``) heads what follows: it stays, as a
    heading (:func:`_label_heading`).
    """
    found = labels.label_line(line)
    if found is None or not found[2]:
        return False
    field, label, value = found
    take_labelled(header, field, label, value)
    return True


def _label_heading(line: str) -> str:
    """``【参考文献】`` alone on its line becomes the heading ``参考文献``."""
    found = labels.label_line(line)
    return found[1] if found is not None and not found[2] else line


def _cut_related(lines: list[str]) -> list[str]:
    """Drop a trailing 'related articles' heading when only short links follow it."""
    start = int(len(lines) * _TAIL_SHARE)
    for index in range(len(lines) - 1, start - 1, -1):
        if is_related_header(lines[index]):
            if all(len(line) <= _MAX_RELATED_LINK for line in lines[index + 1 :]):
                return lines[:index]
            break
    return lines


def _take_byline(lines: list[str], header: Header) -> list[str]:
    """Find the byline (closing, or a 本报讯（记者…） dateline) and record its names.

    A byline glued to the end of the last paragraph is split off as its own paragraph.
    """
    if not lines:
        return lines
    lines = _cut_editor_note(lines, header)
    ending = lines[-1] if lines and _END_MARK.fullmatch(lines[-1]) else None
    if ending is not None:
        lines = lines[:-1]
    if not lines:
        return [ending] if ending else []
    lines = _byline_from_last(lines, header)
    return [*lines, ending] if ending else lines


def _cut_editor_note(lines: list[str], header: Header) -> list[str]:
    """Move an editor note glued to the last paragraph (``…。（责任编辑：王五）``) to the
    header, as a line of its own would be."""
    note = _EDITOR_NOTE.search(lines[-1])
    if note is None:
        return lines
    read_meta(header, note[0].strip("()（）【】[]"))
    cut = lines[-1][: note.start()].rstrip()
    return [*lines[:-1], cut] if cut else lines[:-1]


def _byline_from_last(lines: list[str], header: Header) -> list[str]:
    """Record the byline of the last paragraph, splitting a glued one off."""
    last = lines[-1]
    names = None
    if is_byline_line(last):
        names = byline_names(last)
    else:
        split = split_closing_byline(last)
        if split is not None:
            lines = [*lines[:-1], *(part for part in split if part)]
            names = byline_names(split[1])
    names = names or opening_byline_names(lines[0])
    header.fill(author=names)
    return lines
