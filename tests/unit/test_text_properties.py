"""Property tests for the text core: no input crashes it or breaks its guarantees."""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tuireader.library.encoding.decode import Decoded, NotTextError, decode_bytes
from tuireader.text.fold import fold, fold_with_map
from tuireader.text.kinsoku import may_break
from tuireader.text.sanitize import sanitize_line, sanitize_text
from tuireader.text.wrap import CLOSING, OPENING, cell_width, wrap_lines

EXAMPLES = settings(max_examples=200, deadline=None)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
PARAGRAPH = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=200)
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地"


@EXAMPLES
@given(st.binary(max_size=600))
def test_decode_never_raises_anything_but_not_text(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except NotTextError as error:
        assert str(error)
    else:
        assert isinstance(decoded, Decoded)
        assert isinstance(decoded.text, str)


@EXAMPLES
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=300))
def test_decode_round_trips_utf8_text(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text.removeprefix("\ufeff")


def _bad_controls(text: str, allowed: str) -> list[str]:
    return [
        char for char in text if unicodedata.category(char) in ("Cc", "Cs") and char not in allowed
    ]


@EXAMPLES
@given(ANY_TEXT)
def test_sanitize_text_leaves_only_newline_and_tab(text: str) -> None:
    clean = sanitize_text(text)
    assert _bad_controls(clean, "\n\t") == []
    assert sanitize_text(clean) == clean


@EXAMPLES
@given(ANY_TEXT)
def test_sanitize_line_leaves_no_control_at_all(text: str) -> None:
    clean = sanitize_line(text)
    assert _bad_controls(clean, "") == []
    assert sanitize_line(clean) == clean


@EXAMPLES
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=200))
# Two marks after a letter, the second composing with the letter and the first (ế): a
# simple run must hand its last letter to the marks, never its marks one at a time.
@example("xe\u0302\u0301")
def test_fold_with_map_matches_fold(text: str) -> None:
    folded, origins = fold_with_map(text)
    assert folded == fold(text)
    assert len(origins) == len(folded)
    assert origins == sorted(origins)
    assert all(0 <= origin < len(text) for origin in origins)


# Text made of clusters whose folding is one for one, one to several (ß, ﬁ, Ⅻ, ½), several
# to one (a base and its combining mark, half-width kana and its voicing mark, jamo).
_FOLD_CLUSTERS = st.one_of(
    st.sampled_from(list("aAeEz中文ＡＢ１か한 \u3000")),
    st.sampled_from(["ß", "ﬁ", "Ⅻ", "½", "İ", "ｶﾞ"]),
    st.tuples(
        st.sampled_from(list("aeEかカ")), st.sampled_from(["\u0301", "\u0308", "\u3099"])
    ).map("".join),
    st.sampled_from(["\u1100\u1161", "\u1100\u1161\u11a8", "\u1112\u1161"]),
)


@EXAMPLES
@given(st.lists(_FOLD_CLUSTERS, max_size=10).map("".join))
def test_fold_map_gives_each_source_character_exactly_its_own_fold(text: str) -> None:
    # Group the folded characters by where they came from: each group must be the fold
    # of the source text from that origin up to the next one.
    folded, origins = fold_with_map(text)
    starts = sorted(set(origins))
    for at, origin in enumerate(starts):
        until = starts[at + 1] if at + 1 < len(starts) else len(text)
        mine = "".join(
            char for char, source in zip(folded, origins, strict=True) if source == origin
        )
        assert mine == fold(text[origin:until])


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, non-overlapping, and only spaces fall between them."""
    position = 0
    for start, end in spans:
        assert position <= start <= end
        assert text[position:start].strip(" \t") == ""
        position = end
    assert text[position:].strip(" \t") == ""


@EXAMPLES
@given(PARAGRAPH, st.integers(min_value=2, max_value=30))
def test_wrap_preserves_text_and_width(text: str, width: int) -> None:
    spans = wrap_lines(text, width)
    _check_spans(text, spans)
    for start, end in spans:
        assert cell_width(text[start:end]) <= width


@st.composite
def chinese_with_punctuation(draw: st.DrawFn) -> str:
    """Han runs separated by single punctuation marks (kinsoku always possible)."""
    pieces = []
    for _ in range(draw(st.integers(1, 30))):
        pieces.append(draw(st.text(st.sampled_from(HAN), min_size=1, max_size=8)))
        pieces.append(draw(st.sampled_from(["", "", "，", "。", "」", "「", "（", "）", "…"])))
    # A paragraph may end with an opener or start with a closer: nothing to move.
    return "".join(pieces).rstrip("「（").lstrip("，。」）…")


def _greedy_lines(text: str, width: int) -> list[tuple[int, int]]:
    """A plain reference filler for Han characters (two cells, a break between any two)
    and lowercase words (a break only at their ends; cut every ``width`` cells when wider
    than a line, starting on a line of their own); spaces at a break belong to no line."""
    lines: list[tuple[int, int]] = []
    start = end = used = gap = 0
    open_line = False
    for match in re.finditer(r"( +)|([\u4e00-\u9fff])|([a-z0-9]+)", text):
        if match.group(1):
            gap = len(match.group(1)) if open_line else 0
            continue
        first, last = match.span()
        cells = 2 if match.group(2) else last - first
        if open_line and used + gap + cells <= width:
            end, used = last, used + gap + cells
        else:
            if open_line:
                lines.append((start, end))
            while cells > width:
                lines.append((first, first + width))
                first, cells = first + width, cells - width
            start, end, used, open_line = first, last, cells, True
        gap = 0
    if open_line:
        lines.append((start, end))
    return lines or [(0, 0)]


_WRAP_PIECES = st.sampled_from(
    ["中", "文字", "经济发展", "a", "word", "python", "abcdefghijklmnop", " ", "  ", "12345"]
)


@EXAMPLES
@given(st.lists(_WRAP_PIECES, max_size=25).map("".join), st.integers(min_value=2, max_value=20))
def test_wrap_without_punctuation_fills_lines_greedily(text: str, width: int) -> None:
    # No punctuation, so kinsoku never moves anything: every line takes all it can.
    assert wrap_lines(text, width) == _greedy_lines(text, width)


@EXAMPLES
@given(chinese_with_punctuation(), st.integers(min_value=6, max_value=40))
def test_wrap_kinsoku_holds_when_possible(text: str, width: int) -> None:
    lines = [text[start:end] for start, end in wrap_lines(text, width)]
    assert "".join(lines) == text
    assert all(line[0] not in CLOSING for line in lines if line)
    assert all(line[-1] not in OPENING for line in lines if line)
    assert all(cell_width(line) <= width for line in lines)


@EXAMPLES
@given(chinese_with_punctuation(), st.integers(min_value=6, max_value=40))
def test_wrap_kinsoku_moves_no_more_than_it_must(text: str, width: int) -> None:
    # No line could have taken more of the next one: either it would not fit, or every
    # longer cut would break the rules (a line starting with 。 or ending with 「).
    spans = wrap_lines(text, width)
    for (start, _end), (next_start, next_end) in itertools.pairwise(spans):
        for more in range(1, next_end - next_start + 1):
            cut = next_start + more
            if cell_width(text[start:cut]) > width:
                break
            assert cut == len(text) or not may_break(text[cut - 1], text[cut]), (start, cut)


@st.composite
def chinese_with_clustered_punctuation(draw: st.DrawFn) -> str:
    """Han runs between clusters of wide punctuation and Latin words (no spaces), so
    kinsoku must sometimes move several pieces, or give way when they would not fit."""
    marks = st.sampled_from(["」", "。", "）", "，", "「", "（", "abc", "abcdef"])
    pieces = []
    for _ in range(draw(st.integers(1, 12))):
        pieces.append(draw(st.text(st.sampled_from(HAN), min_size=1, max_size=6)))
        pieces.append("".join(draw(st.lists(marks, max_size=4))))
    return "".join(pieces)


@settings(max_examples=500, deadline=None)
@given(chinese_with_clustered_punctuation(), st.integers(min_value=2, max_value=12))
def test_wrap_with_punctuation_clusters_keeps_every_rule_it_can(text: str, width: int) -> None:
    spans = wrap_lines(text, width)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(cell_width(text[start:end]) <= width for start, end in spans)
    for (start, _end), (next_start, next_end) in itertools.pairwise(spans):
        for more in range(1, next_end - next_start + 1):
            cut = next_start + more
            if cell_width(text[start:cut]) > width:
                break
            if text[cut - 1 : cut + 1].isascii():
                continue  # inside a word: never a break
            assert cut == len(text) or not may_break(text[cut - 1], text[cut]), (start, cut)


@EXAMPLES
@given(st.from_regex(re.compile(r"[a-z0-9]{1,12}( [a-z0-9]{1,12}){0,20}"), fullmatch=True),
       st.integers(min_value=12, max_value=40))  # fmt: skip
def test_wrap_never_splits_a_word_that_fits(text: str, width: int) -> None:
    words = text.split(" ")
    lines = [text[start:end] for start, end in wrap_lines(text, width)]
    assert [word for line in lines for word in line.split(" ")] == words


@EXAMPLES
@given(st.text(st.sampled_from("ab1,.( ) "), max_size=120), st.integers(min_value=1, max_value=20))
def test_ascii_fast_path_agrees_with_general_wrapper(text: str, width: int) -> None:
    from tuireader.text.line_filler import LineFiller

    assert wrap_lines(text, width) == LineFiller(text, width).run()
