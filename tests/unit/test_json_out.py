"""The one JSON writer: every unsafe character escaped, the text itself exact."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.library.model import Bookmark
from tuireader.state.export import to_json
from tuireader.text.json_out import dumps, json_line, json_lines

# Raw characters that must never appear in JSON output: C0 (but the newlines of indented
# JSON), DEL, C1, separators, surrogates, bidi controls and other format characters.
RAW_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u200b\u200e\u200f\u202a-\u202e"
    "\u2066-\u2069\ufeff\U000e0001]"
)
HOSTILE = [
    "\x1b]52;c;SGVsbG8=\x07",
    "\x9b2J",
    "\x9d0;title\x9c",
    "\x7f",
    "\u202eevil.txt",
    "\u2066isolate\u2069",
    "zero\u200bwidth",
    "line\u2028sep",
    "bad\udc9bname",
    "tag\U000e0001",
    "中文\u3000标题",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_unsafe_characters_are_escaped_and_round_trip(text: str) -> None:
    out = json_line({"v": text})
    assert "\n" not in out
    assert RAW_UNSAFE.search(out) is None, ascii(out)
    assert json.loads(out) == {"v": text}


def test_chinese_stays_readable() -> None:
    assert dumps("中文\u3000标题") == '"中文\u3000标题"'


def test_indent_is_kept() -> None:
    assert dumps({"a": ["\x85"]}, indent=2) == '{\n  "a": [\n    "\\u0085"\n  ]\n}'


@given(st.text())
def test_any_text_round_trips_without_raw_unsafe_characters(text: str) -> None:
    out = dumps([text])
    assert RAW_UNSAFE.search(out) is None
    assert json.loads(out) == [text]


def test_bookmark_export_escapes_c1_and_bidi() -> None:
    bookmark = Bookmark(
        id=1,
        uid="u1",
        fingerprint="f",
        path="a\u202etxt.md",
        title="Title \x9b2J",
        quote=None,
        note="note \u2066x\u2069 \x9d0;t\x9c",
        created="2024-01-01T00:00:00Z",
    )
    out = to_json([bookmark])
    assert RAW_UNSAFE.search(out) is None, ascii(out)
    item = json.loads(out)["items"][0]
    assert item["target"]["title"] == "Title \x9b2J"
    assert item["body"]["value"] == "note \u2066x\u2069 \x9d0;t\x9c"


@given(st.lists(st.dictionaries(st.text(max_size=5), st.text()), max_size=7), st.integers(1, 4))
def test_json_lines_are_json_line_of_each_value(values: list, batch: int) -> None:
    text = "".join(json_lines(values, batch=batch))
    assert text == "".join(json_line(value) + "\n" for value in values)


def test_json_lines_escape_unsafe_characters_in_any_block() -> None:
    values = [{"path": "plain.md"}] * 3 + [{"path": text} for text in HOSTILE]
    blocks = list(json_lines(values, batch=2))
    assert len(blocks) == (len(values) + 1) // 2
    assert not any(RAW_UNSAFE.search(block.replace("\n", "")) for block in blocks)
    assert [json.loads(line) for line in "".join(blocks).splitlines()] == values


def test_json_lines_come_a_thousand_lines_to_a_string_by_default() -> None:
    blocks = list(json_lines(range(2500)))
    assert [block.count("\n") for block in blocks] == [1000, 1000, 500]
