"""The quick exits of the parse path give the same answers as the long way round.

Each shortcut (a pre-check, a C-speed count, a string slice instead of ``Path`` work)
is checked against the rule it stands in for, so a later edit of one cannot silently
change what the loader produces.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.library.encoding import chinese as chinese_codecs
from tuireader.library.files import read_limited, rel_path_str
from tuireader.library.formats.html.page import parse_html
from tuireader.text import sanitize

CJK_MIX = st.text(
    alphabet=st.sampled_from(
        "ab \n的一是国時國アカ★、，…【】"
        + "".join(sorted(chinese_codecs.COMMON_SIMPLIFIED))[:40]
        + "\u00e9\u0080\U0001f600"
    ),
    max_size=300,
)


def _score_by_hand(text: str, common: frozenset[str]) -> float:
    """The frequency score's definition, one character at a time."""
    sample = [char for char in text[: chinese_codecs.SAMPLE_CHARS] if ord(char) > 0x7F]
    if not sample:
        return 0.0
    hits = sum(char in common for char in sample)
    usual = ("\u4e00", "\u9fff"), ("\u3000", "\u303f"), ("\uff00", "\uffef"), ("\u2000", "\u206f")
    odd = sum(not any(low <= char <= high for low, high in usual) for char in sample)
    return (hits - odd) / len(sample)


@settings(max_examples=300)
@given(CJK_MIX)
def test_frequency_score_matches_its_definition(text: str) -> None:
    for common in (chinese_codecs.COMMON_SIMPLIFIED, chinese_codecs.COMMON_TRADITIONAL):
        expected = _score_by_hand(text, common)
        assert chinese_codecs.frequency_score(text, common) == pytest.approx(expected)


def test_is_clean_says_exactly_which_characters_sanitizing_leaves_alone() -> None:
    """is_clean is the quick exit of sanitize_text (mostly str.isprintable, in C): for
    every code point it must agree with what sanitizing does to that character, alone and
    among kept ones (newline, tab, U+3000 and no-break spaces are taken out before the
    quick test)."""
    disagree = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        for text in (char, f"\u3000{char}\n\t\xa0"):
            if sanitize.is_clean(text) != (sanitize.sanitize_text(text) == text):
                disagree.append(hex(code))
    assert disagree == []


def test_clean_text_comes_back_as_the_same_object() -> None:
    text = "第一段。\n\tSecond paragraph, plain.\n" * 100
    assert sanitize.sanitize_text(text) is text
    indented = "\u3000\u3000第一段。\n\u3000\u3000第二段，no-break\xa0space。"
    assert sanitize.sanitize_text(indented) is indented
    assert sanitize.sanitize_text("\u3000zero\u200bwidth") == "\u3000zerowidth"
    assert sanitize.sanitize_text("bell\x07") == "bell\u2407"


def test_read_limited_reads_files_of_every_small_size(tmp_path: Path) -> None:
    for size in (0, 1, 2, 4095, 4096, 4097):
        path = tmp_path / f"f{size}.txt"
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        assert read_limited(path, limit=4096 if size <= 4096 else 8192) == path.read_bytes()


def test_read_limited_reads_a_file_whose_size_is_not_known() -> None:
    """/proc files report size 0 but have content: the read must go on past it."""
    status = Path("/proc/self/status")
    if not status.is_file() or os.stat(status).st_size != 0:
        pytest.skip("needs a /proc file system")
    assert b"Name:" in read_limited(status)


NAMES = [
    "plain.txt",
    "新闻/要闻/文章.md",
    "with space/and.dots..html",
    "back\\slash.txt",
    "..md",
]


@pytest.mark.parametrize("name", NAMES)
def test_rel_path_str_quick_path_matches_the_full_rule(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    expected = "/".join(Path(name).parts).replace("\\", "\\\\")
    assert rel_path_str(path, tmp_path) == expected
    assert rel_path_str(path, Path(f"{tmp_path}/")) == expected


def test_rel_path_str_escapes_undecodable_bytes(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.txt")
    assert rel_path_str(tmp_path / "sub" / name, tmp_path) == "sub/bad\\xff.txt"


def test_rel_path_str_outside_the_root_still_raises(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        rel_path_str(Path("/elsewhere/a.txt"), tmp_path)


@pytest.mark.parametrize(
    ("label", "date"),
    [
        ("发布时间：2021-03-04", "2021-03-04"),
        ("PUBLISHED: 2021-03-04", "2021-03-04"),
        ("Poſted 2021-03-04", "2021-03-04"),  # re.I matches the long s; casefold must too
    ],
)
def test_labelled_date_is_found_whatever_the_case(label: str, date: str) -> None:
    page = (
        "<html><body><div>" + label + "</div><article><h1>T</h1>"
        "<p>" + "Body text of the article. " * 20 + "</p></article></body></html>"
    )
    assert parse_html(page, "stem").meta.date == date


def test_page_without_labels_reads_source_and_author_as_none() -> None:
    page = "<html><body><article><p>" + "没有任何标签的正文。" * 30 + "</p></article></body></html>"
    parsed = parse_html(page, "stem")
    assert (parsed.meta.source, parsed.meta.author) == (None, None)
    assert parsed.blocks


def _chinese_by_hand(body: bytes) -> tuple[str, str] | None:
    """decode_chinese's rule for bytes some codec reads without an error: the strict
    reading with the best score, if that score is above the bar."""
    readings = []
    for codec, common in (
        ("gbk", chinese_codecs.COMMON_SIMPLIFIED),
        ("big5", chinese_codecs.COMMON_TRADITIONAL),
    ):
        try:
            readings.append((_score_by_hand(body.decode(codec), common), codec))
        except UnicodeDecodeError:
            continue
    score, codec = max(readings)
    return (body.decode(codec), codec) if score > 0.25 else None


@pytest.mark.parametrize("common_share", [0.0, 0.2, 0.24, 0.26, 0.3, 0.6, 1.0])
@pytest.mark.parametrize("length", [100, 4095, 9000])
def test_a_single_chinese_reading_passes_the_bar_as_its_whole_score_says(
    common_share: float, length: int
) -> None:
    """One reading's score is counted a chunk at a time until it clears the bar: the
    answer is the one the whole score gives, near the bar too, and on texts longer than a
    chunk whose common characters all come last."""
    common = "".join(sorted(chinese_codecs.COMMON_SIMPLIFIED))
    rare = "龘鑫犇骉蟲龖"  # ideographs, none among the common ones
    commons = round(length * common_share)
    text = (rare * length)[: length - commons] + (common * length)[:commons]
    body = text.encode("gbk")
    found = chinese_codecs.decode_chinese(body)
    assert (found[:2] if found else None) == _chinese_by_hand(body)
