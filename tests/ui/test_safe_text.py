"""safe_text.one_line: the core's sanitizer, on one line, with the caller's spacing kept."""

from __future__ import annotations

from tuireader.text.sanitize import sanitize_line
from tuireader.ui.safe_text import one_line, plain

HOSTILE = "标题\x1b]52;c;aGk=\x07 a\u202eb\x1b[2J\r\nnext\tcol\x00 "


def test_escapes_bidi_and_breaks_are_gone() -> None:
    line = one_line(HOSTILE)
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\n" not in line and "\r" not in line and "\t" not in line
    assert line.isprintable()


def test_it_is_the_core_rule_with_spacing_kept() -> None:
    assert " ".join(one_line(HOSTILE).split()) == sanitize_line(HOSTILE)
    assert one_line("  hit  ") == "  hit  "  # snippet pieces keep their spaces


def test_plain_is_never_markup() -> None:
    assert plain("[b]x[/b]").plain == "[b]x[/b]"
    assert one_line(404) == "404"
