"""A labelled header block: a run of ``【 标  题 】…`` lines at the top of a file.

Archives put their metadata in a block of bracketed labels (``【…】``, ``〖…〗``,
``[…]``) before the text, one label per line, a long value (an abstract, an author's
note) running on over the next lines, and ``【 正  文 】`` where the body starts. Every
label is read, wherever it sits in the block: known labels fill their field, every
other label is kept as metadata under its own name, so no label line is left in the body
and none is thrown away.
"""

from __future__ import annotations

from tuireader.library.formats.plain import labels
from tuireader.library.formats.plain.meta import Header, take_labelled
from tuireader.library.formats.plain.reflow import join_wrapped

_MIN_LABELS = 2
_BODY_SEARCH = 80  # a 正文 label this far down still closes the block
_KNOWN = (labels.TITLE, labels.AUTHOR, labels.DATE, labels.SOURCE, labels.BODY)


def read_label_block(lines: list[str]) -> tuple[Header, int] | None:
    """Read a labelled block at the top of ``lines``: the header and where the body starts.

    None when the text does not open with such a block (at least two bracketed labels,
    one of them a known field). Lines that are not labels continue the value of the label
    above them when a 正文 label closes the block further down; without one, the first
    such line starts the body.
    """
    found = _label_lines(lines)
    if found is None:
        return None
    entries, body_start = found
    header = Header()
    for field, label, value in entries:
        take_labelled(header, field, label, value)
    return header, body_start


def _label_lines(lines: list[str]) -> tuple[list[tuple[str, str, str]], int] | None:
    """(field, label, value) of each label of the block, and the body's first line."""
    first = labels.label_line(lines[0]) if lines else None
    if first is None:
        return None
    has_body_label = any(
        (found := labels.label_line(line)) is not None and found[0] == labels.BODY
        for line in lines[:_BODY_SEARCH]
    )
    entries: list[list[str]] = []
    for index, line in enumerate(lines[:_BODY_SEARCH] if has_body_label else lines):
        found = labels.label_line(line)
        if found is None:
            if not has_body_label:
                return _checked(entries, index)
            entries[-1][2] = join_wrapped(entries[-1][2], line) if entries[-1][2] else line
            continue
        field, label, value = found
        if field == labels.BODY:
            rest = [value] if value else []
            return _checked(entries, index + 1, rest, lines)
        entries.append([field, label, value])
    return _checked(entries, len(lines))


def _checked(
    entries: list[list[str]],
    body_start: int,
    rest: list[str] | None = None,
    lines: list[str] | None = None,
) -> tuple[list[tuple[str, str, str]], int] | None:
    """The block, if it is one: enough labels, one of them a field we know.

    Text on the 正文 line itself (``rest``) is put back as the body's first line.
    """
    if len(entries) + bool(rest is not None) < _MIN_LABELS:
        return None
    if not any(entry[0] in _KNOWN for entry in entries) and rest is None:
        return None
    if rest and lines is not None:
        lines.insert(body_start, rest[0])
    return [(f, label, value) for f, label, value in entries], body_start
