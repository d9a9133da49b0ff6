"""Turn the lines of a text into logical lines, rejoining hard-wrapped paragraphs.

Old archives cut every line at a fixed width and mark paragraphs with an indent or a blank
line. Such text is recognised by its widths: most lines sit just under one maximum, almost
none go past it, and the line ends fall mid-sentence. Normal one-paragraph-per-line text
has widely varying lengths and lines that end with a full stop, and is left alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tuireader.library.formats.plain.labels import label_line, starts_with_label
from tuireader.library.formats.plain.news import is_dateline
from tuireader.library.formats.plain.noise import is_noise_line, is_rule_line
from tuireader.text.kinsoku import CLOSING

_MIN_ROWS = 5
_MIN_WIDTH, _MAX_WIDTH = 30, 160
_FULL_SHARE = 0.4
_OVERLONG_SHARE = 0.05
_STOP_SHARE = 0.35
# Chinese clause marks count too: verse and lists end every line with them, prose rarely.
_SENTENCE_END = re.compile(r"[。！？!?.…”\"』」:：，；、]$")
# A list item or numbered heading starts a new paragraph even without an indent.
_ITEM_START = re.compile(
    r"^(?:[-•*·●▪]\s|\d{1,3}(?:[、)）]|\.(?!\d))|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|第[一二三四五六七八九十百\d]{1,4}[章节部分篇])"
)
_WIDE_FROM = "\u2e80"


def logical_lines(lines: list[str]) -> list[str]:
    """Non-empty stripped lines, with hard-wrapped paragraphs joined into one line each."""
    if not _may_be_wrapped(lines):
        return [stripped for line in lines if (stripped := line.strip())]
    rows = _measure(lines)
    width = _wrap_width(rows)
    if width is None:
        return [row.text for row in rows if row.text]
    return _reflow(rows, width)


def _may_be_wrapped(lines: list[str]) -> bool:
    """Cheap pre-check on character counts (a cell is at least a character wide)."""
    lengths = sorted(len(line) for line in lines if line and not line.isspace())
    if len(lengths) < _MIN_ROWS:
        return False
    return lengths[int((len(lengths) - 1) * 0.9)] <= _MAX_WIDTH


def display_width(line: str) -> int:
    """Cells as an archive's own wrapping counted them: ASCII one, every other character
    two (a double-byte character of GBK or Big5: CJK, full-width forms, and Greek,
    Cyrillic or curly quotes alike)."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


class _Row(NamedTuple):
    """One line, measured once: stripped text, indent (characters), width (cells), and
    whether it is set apart from the text (a label line of header metadata, a rule):
    such lines are not measured for the wrap width."""

    text: str
    indent: int
    width: int
    aside: bool


def _measure(lines: list[str]) -> list[_Row]:
    """Strip and measure every line (a blank line has empty text)."""
    rows = []
    for line in lines:
        right = line.rstrip()
        text = right.lstrip()
        width = display_width(right) if text else 0
        aside = bool(text) and (_is_label(text) or is_rule_line(text))
        rows.append(_Row(text, len(right) - len(text), width, aside))
    return rows


def _is_label(text: str) -> bool:
    """A line that opens with a label (``【 作  者 】…``, ``作者：…``)."""
    return label_line(text) is not None or starts_with_label(text)


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None if it is not hard-wrapped."""
    return _wrap_width(_measure(lines))


def _wrap_width(all_rows: list[_Row]) -> int | None:
    """The wrap width of measured rows, or None (see the module docstring).

    Label lines (a labelled header block above the text) and rules are left out: labels
    are short by nature and would hide the wrapping of a short text under a long header,
    rules are drawn at any length.
    """
    rows = [row for row in all_rows if row.text and not row.aside]
    if len(rows) < _MIN_ROWS:
        return None
    widths = sorted(row.width for row in rows)
    limit = widths[int((len(widths) - 1) * 0.9)]
    if not _MIN_WIDTH <= limit <= _MAX_WIDTH:
        return None
    # Overlong by its text, not its indent: a centred headline or an indented dateline
    # may stand past the width the text was wrapped at.
    overlong = sum(1 for row in rows if row.width - row.indent > limit + max(4, limit // 10))
    full = sum(1 for row in rows if row.width >= limit * 0.8)
    # One line may overflow (a centred headline set by hand) once there are enough lines.
    allowed = max(len(rows) * _OVERLONG_SHARE, 1 if len(rows) >= _ONE_OVERLONG else 0)
    if overlong > allowed or full < len(rows) * _FULL_SHARE:
        return None
    # Full lines that run on into the next one (not set deeper: that would start a
    # paragraph): wrapped prose breaks them mid-sentence, verse and lists at a stop.
    inner = [
        row.text
        for row, after in zip(all_rows, all_rows[1:], strict=False)
        if row.width >= limit * 0.8 and after.text and not row.aside and after.indent <= row.indent
    ]
    stops = sum(1 for text in inner if _SENTENCE_END.search(text))
    # A few lines may all happen to end at a comma: then only most of them ending so counts.
    share = _STOP_SHARE if len(inner) >= _FEW_INNER else _FEW_STOP_SHARE
    return limit if len(inner) >= 2 and stops <= len(inner) * share else None


_ONE_OVERLONG = 10
_FEW_INNER, _FEW_STOP_SHARE = 8, 0.5


class _Layout(NamedTuple):
    """What the whole text says about its paragraphs: the left margin, the wrap width
    measured from it, and whether a deeper indent marks a paragraph."""

    margin: int
    width: int
    indent_marks: bool


def _reflow(rows: list[_Row], width: int) -> list[str]:
    """Join wrapped lines; a blank line, another indent or a short line ends a paragraph.

    The margin is the indent most lines share (an archive may shift every line right by
    the same amount and mark paragraphs by a deeper indent); a line set further left
    (a dateline, a heading) starts a paragraph too. Whether a line is full is measured
    from the margin, so a line printed left of it is not taken for a short one. Table
    rows (columns set apart by runs of spaces) stay lines of their own.
    """
    margin = _margin(rows)
    layout = _Layout(
        margin,
        _text_width(rows, margin) or width,
        sum(1 for row in rows if row.text and row.indent > margin) >= 2,
    )
    paragraphs: list[str] = []
    current: list[str] = []  # the paragraph so far: only ever open under a full line
    left_open = False  # the line above ended inside a bracket it opened
    for row in rows:
        if not row.text:
            _flush(current, paragraphs)
            continue
        glued = (
            bool(current) and row.indent <= layout.margin and (left_open or row.text[0] in _GLUED)
        )
        alone = not glued and _stands_alone(row, layout.width)
        if not glued and (alone or _starts_paragraph(row, layout, bool(current))):
            _flush(current, paragraphs)
        current.append(row.text)
        left_open = _leaves_open(row.text)
        if alone or not (left_open or _is_full(row, layout)):
            _flush(current, paragraphs)
    _flush(current, paragraphs)
    return paragraphs


# Closing punctuation never starts a paragraph: under a full line it is the end of the
# sentence above, pushed down by a wrapper that kept no line-start rules (``：``, ``”``).
# Nor does a line under one that left a bracket open (``G[,c]）   ⑩`` closing a formula).
_GLUED = frozenset(char for char in CLOSING if not char.isascii())


def _stands_alone(row: _Row, width: int) -> bool:
    """A table row, a rule, or short page noise: a line of its own whatever surrounds it."""
    short = row.width < width * 0.75
    if _is_table_row(row.text, short) or (row.aside and is_rule_line(row.text)):
        return True
    return short and is_noise_line(row.text)


def _starts_paragraph(row: _Row, layout: _Layout, after_full: bool) -> bool:
    """Whether ``row`` opens a new paragraph (the line above it is full: ``after_full``).

    A label (or rule), a news dateline (under a headline that may reach the right edge), a line set
    left of the margin, and (where indents mark paragraphs) a line set deeper always open
    one. Where indents mark paragraphs, a line at the margin under a full line continues
    it whatever it starts with: a wrapped sentence may put ``2）``, ``98）。`` or ``二、``
    at the start of a line. Elsewhere a list item opens a paragraph of its own.
    """
    if row.aside or row.indent < layout.margin or is_dateline(row.text):
        return True
    if layout.indent_marks:
        if row.indent > layout.margin:
            return True
        if after_full:
            return False
    return _ITEM_START.match(row.text) is not None


def _leaves_open(text: str) -> bool:
    """A line that ends inside brackets it opened (``（记者王明``, ``《永不陨落的``): the
    text runs on, however short the line (a dateline or headline wrapped narrower)."""
    if "（" not in text and "《" not in text and "(" not in text:
        return False  # most lines open no bracket: three scans in C instead of six counts
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS)


_PAIRS = (("（", "）"), ("《", "》"), ("(", ")"))


def _is_full(row: _Row, layout: _Layout) -> bool:
    """Whether a line reaches the wrap width, so that the text runs on to the next line.

    Measured from the margin: a line indented deeper that reaches the right edge is a
    paragraph's first line. One set far right that runs past the width is set by hand
    (a centred headline), never wrapped.
    """
    cells = row.width - min(row.indent, layout.margin)
    if row.indent - layout.margin > _CENTRED and cells > layout.width + max(2, layout.width // 20):
        return False
    return not _is_short(row.text, cells, layout.width)


_FEW_AT_MARGIN = 0.1
_HEAD_ROWS = 3  # headline, subhead, dateline: may stand left of a shifted text
# An indent this much deeper than the margin is no paragraph mark but a centred line.
_CENTRED = 6


def _margin(rows: list[_Row]) -> int:
    """The indent of the text's left margin.

    The indent most lines have, when the lines set further left are a few at the top
    (a headline and dateline printed at the left edge of a text shifted right) and at
    most a tenth of the rest. Otherwise the smallest indent.
    """
    indents = [row.indent for row in rows if row.text and not row.aside] or [0]
    common = max(set(indents), key=indents.count)
    rest = indents[_HEAD_ROWS:]
    further_left = sum(1 for indent in rest if indent < common)
    if further_left <= max(1, len(rest) * _FEW_AT_MARGIN):
        return common
    return min(indents)


def _text_width(rows: list[_Row], margin: int) -> int | None:
    """The wrap width measured from the margin (the 90th percentile of line widths)."""
    widths = sorted(
        row.width - min(row.indent, margin) for row in rows if row.text and not row.aside
    )
    return widths[int((len(widths) - 1) * 0.9)] if widths else None


_GAP = re.compile(r"(?<=[^\s.!?:;,。！？：；，])(?: {2,}|\u3000{2,}|[ \u3000]{4,})(?=\S)")


_SPACE_PAIRS = ("  ", "\u3000\u3000", " \u3000", "\u3000 ")


def _is_table_row(text: str, short: bool) -> bool:
    """Columns set apart by runs of spaces (two gaps, or one wide gap): a table row.

    One wide gap in a line that runs to the wrap width is spacing inside a sentence
    (a justified line), not a column break.
    """
    if not any(pair in text for pair in _SPACE_PAIRS):
        return False  # every gap holds one of these pairs: skip the pattern
    gaps = _GAP.findall(text)
    return len(gaps) >= 2 or short and any(len(gap) >= 4 for gap in gaps)


def _is_short(text: str, cells: int, width: int) -> bool:
    """A line clearly shorter than the wrap width ends its paragraph."""
    is_cjk = cells >= len(text) * 1.5
    return cells < (width - 4 if is_cjk else width * 0.75)


def _flush(current: list[str], paragraphs: list[str]) -> None:
    """Join the collected lines into one paragraph and start a new one."""
    if not current:
        return
    pieces = [current[0]]
    for left, right in zip(current, current[1:], strict=False):
        pieces += (_separator(left, right), right)
    paragraphs.append("".join(pieces))
    current.clear()


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one wrapped paragraph.

    Chinese joins with nothing between; English with a space. A hyphen at a line end is
    kept and the word joined without a space: ``well-`` + ``known`` stays ``well-known``,
    and ``infor-`` + ``mation`` loses nothing but looks odd, which beats a wrong merge.
    """
    return left + _separator(left, right) + right


def _separator(left: str, right: str) -> str:
    """What goes between two wrapped pieces: nothing or one space."""
    if left[-1] >= _WIDE_FROM or right[0] >= _WIDE_FROM:
        return ""
    if left[-1] == "-" and len(left) > 1 and left[-2].isalpha() and right[0].isalpha():
        return ""
    return " "
