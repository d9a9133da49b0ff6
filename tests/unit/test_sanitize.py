"""Terminal safety: escape sequences removed, controls made visible, disguises dropped."""

from __future__ import annotations

import unicodedata

import pytest

from tuireader.text.sanitize import normalize_newlines, sanitize_line, sanitize_text

ESC = "\x1b"


@pytest.mark.parametrize(
    "separator", ["\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
)
def test_every_line_separator_becomes_newline(separator: str) -> None:
    assert normalize_newlines(f"一{separator}二") == "一\n二"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_text_whose_only_breaks_are_unicode_separators_gets_newlines(separator: str) -> None:
    # Nothing else in the text needs work: the quick "anything to do?" check must see them.
    text = f"第一段。{separator}Second paragraph.{separator}第三段"
    assert sanitize_text(text) == "第一段。\nSecond paragraph.\n第三段"


def test_crlf_is_one_newline_not_two() -> None:
    assert normalize_newlines("a\r\n\r\nb") == "a\n\nb"


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        # Half the breaks (or more) are CR CR LF: a CRLF file converted twice, one break each.
        ("a\r\r\nb\nc", "a\nb\nc"),
        ("a\r\r\nb\r\r\nc\nd", "a\nb\nc\nd"),
        # Fewer: a CR (one break) then a CRLF (another), as written.
        ("a\r\r\nb\nc\nd", "a\n\nb\nc\nd"),
    ],
)
def test_cr_cr_lf_is_one_break_when_it_ends_most_lines(raw: str, lines: str) -> None:
    assert normalize_newlines(raw) == lines


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"a{ESC}[31mred{ESC}[0m", "ared"),
        (f"a{ESC}[2Jb", "ab"),
        (f"a{ESC}[?1049lb", "ab"),
        ("a\x9b2Jb", "ab"),
        (f"a{ESC}]0;title\x07b", "ab"),
        (f"a{ESC}]0;title{ESC}\\b", "ab"),
        (f"a{ESC}]52;c;SGVsbG8=\x07b", "ab"),
        (f"{ESC}]8;;http://x{ESC}\\link{ESC}]8;;{ESC}\\", "link"),
        ("a\x9d0;title\x9cb", "ab"),
        (f"a{ESC}Pq#0;2{ESC}\\b", "ab"),
        ("a\x90dcs\x9cb", "ab"),
        (f"a{ESC}_apc\x07b", "ab"),
        (f"a{ESC}^pm{ESC}\\b", "ab"),
        (f"a{ESC}Xsos{ESC}\\b", "ab"),
        (f"{ESC}c正文", "正文"),
        (f"a{ESC}(Bb", "ab"),
    ],
    ids=[
        "csi-color", "csi-clear", "csi-alt-screen", "csi-8bit", "osc-bel", "osc-st",
        "osc52-clipboard", "osc8-link", "osc-8bit", "dcs", "dcs-8bit", "apc", "pm", "sos",
        "esc-c-reset", "esc-charset",
    ],
)  # fmt: skip
def test_escape_sequences_are_removed(raw: str, clean: str) -> None:
    assert sanitize_text(raw) == clean


def test_unterminated_osc_is_dropped_to_end_of_line_only() -> None:
    assert sanitize_text(f"a{ESC}]0;never ends\nnext line") == "a\nnext line"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x00b", "a\u2400b"),
        ("a\x7fb", "a\u2421b"),
        ("a\bb", "a\u2408b"),
        (f"a{ESC}", "a\u241b"),
        ("a\x07b", "a\u2407b"),
        ("a\x85b", "a\nb"),
        ("a\x80b", "a\ufffdb"),
        ("a\ud800b", "a\ufffdb"),
        ("a\udfffb", "a\ufffdb"),
    ],
    ids=["nul", "del", "backspace", "lone-esc", "bel", "nel", "c1", "surrogate", "last-surrogate"],
)
def test_other_controls_become_visible(raw: str, clean: str) -> None:
    assert sanitize_text(raw) == clean


@pytest.mark.parametrize(
    "invisible",
    ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\ufeff", "\u200e", "\u2060", "\u00ad"],
)
def test_invisible_format_characters_are_dropped(invisible: str) -> None:
    assert sanitize_text(f"ab{invisible}c") == "abc"


@pytest.mark.parametrize("joiner", ["\u200d", "\u200c"])
def test_joiners_are_kept(joiner: str) -> None:
    assert sanitize_text(f"👨{joiner}👩") == f"👨{joiner}👩"


def test_every_format_character_but_joiners_is_dropped() -> None:
    format_chars = [
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" and code not in (0x200C, 0x200D)
    ]
    assert sanitize_text("".join(format_chars)) == ""


def test_body_keeps_newlines_and_tabs() -> None:
    assert sanitize_text("一\t二\n三") == "一\t二\n三"


def test_clean_text_is_returned_unchanged() -> None:
    text = "中文 English，标点。\n第二行\t制表"
    assert sanitize_text(text) is text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  标题\n第二行\t尾  ", "标题 第二行 尾"),
        ("a\r\nb", "a b"),
        (f"报告{ESC}]0;x\x07[/x].txt", "报告[/x].txt"),
        ("a \u3000 b", "a b"),
    ],
)
def test_sanitize_line_makes_one_collapsed_line(raw: str, clean: str) -> None:
    assert sanitize_line(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [f"{ESC}{ESC}[0m[2J", "\r\u200b\n", f"{ESC}\u200b[2J", "\x9b\x9b31m", f"a{ESC}]\x1b\\"],
)
def test_sanitizing_twice_changes_nothing(raw: str) -> None:
    once = sanitize_text(raw)
    assert sanitize_text(once) == once
    assert sanitize_line(sanitize_line(raw)) == sanitize_line(raw)
