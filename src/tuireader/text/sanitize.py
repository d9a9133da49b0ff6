"""Make untrusted text safe for the terminal.

Article text, file names and notes come from other people. Terminal escape
sequences in them (OSC 52 clipboard writes, title changes, screen resets) would
reach the terminal through every widget, so they are removed here; other control
characters become visible placeholders; invisible format characters that can
disguise text (bidi overrides, zero-width spaces) are dropped.

Guarantee: :func:`sanitize_text` output contains no character of category Cc
other than ``\\n`` and ``\\t`` and no Cs (surrogate); :func:`sanitize_line`
output contains no Cc at all. Both functions are idempotent.
"""

from __future__ import annotations

import re

# Everything str.splitlines() would split on, plus CRLF as one break.
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Category Cf (Unicode 14) minus ZWNJ U+200C and ZWJ U+200D, which shape
# Indic scripts and join emoji. Includes bidi overrides and isolates.
_FORMAT_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)

# One search over this tells whether a string needs any work at all (fast path).
_NEEDS_WORK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _FORMAT_CHARS + "]"
)

# Terminal control sequences. String sequences (OSC, DCS, SOS, PM, APC) end at
# BEL or ST; an unterminated one is dropped to the end of its line, which loses
# at most that line but never lets a terminal swallow what follows.
_SEQUENCES = re.compile(
    "(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"  # CSI
    "|(?:\x1b[\\]P_^X]|[\x9d\x90\x9f\x9e\x98])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]"  # ESC + final byte, e.g. ESC c (full reset)
)

_SINGLES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _FORMAT_CHARS + "]")

#: Every character a terminal may act on or that may disguise text: C0 and C1 controls,
#: DEL, line and paragraph separators, surrogates and the format characters above (bidi
#: overrides, zero-width spaces). The JSON writer escapes exactly these.
UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _FORMAT_CHARS + "]")


def _single_replacement(char: str) -> str:
    """Placeholder for one leftover control, format or surrogate character."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: NUL -> U+2400 etc.
    if code == 0x7F:
        return "\u2421"
    if code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ""  # an invisible format character: drop it


_REPLACEMENTS: dict[str, str] = {}


def _replace_single(match: re.Match[str]) -> str:
    char = match.group()
    replacement = _REPLACEMENTS.get(char)
    if replacement is None:
        replacement = _REPLACEMENTS.setdefault(char, _single_replacement(char))
    return replacement


def normalize_newlines(s: str) -> str:
    """Turn every line separator (CRLF, CR, NEL, U+2028/9, VT, FF, FS/GS/RS) into ``\\n``.

    A text whose lines mostly end in ``\\r\\r\\n`` is a CRLF file converted to CRLF a
    second time (a transfer in text mode): there each ``\\r\\r\\n`` is one break, not a
    line and a blank one, else every wrapped line would stand as its own paragraph.
    """
    if "\r\r\n" in s and s.count("\r\r\n") * 2 >= s.count("\n"):
        s = s.replace("\r\r\n", "\n")
    return _NEWLINES.sub("\n", s)


def sanitize_text(s: str) -> str:
    """Make a multi-line body terminal-safe, keeping ``\\n`` and ``\\t``."""
    if _nothing_to_do(s):
        return s
    s = normalize_newlines(s)
    if "\x1b" in s or _has_c1_introducer(s):
        s = _SEQUENCES.sub("", s)
    return _SINGLES.sub(_replace_single, s)


def _nothing_to_do(s: str) -> bool:
    """Quick exit: True only when ``s`` has no character sanitizing acts on.

    ``str.isprintable`` is false for every such character (controls, line separators,
    format characters, surrogates) and runs about ten times faster than the regex scan.
    It is also false for some characters that are kept: newline and tab, and the spaces
    Chinese and HTML text is full of (U+3000 indents, no-break spaces), so those are
    taken out before the test; rarer ones take the regex.
    """
    for kept in _KEPT_UNPRINTABLE:
        if kept in s:
            s = s.replace(kept, "")
    if s.isprintable():
        return True
    return not _NEEDS_WORK.search(s)


_KEPT_UNPRINTABLE = ("\n", "\t", "\u3000", "\xa0")


def is_clean(s: str) -> bool:
    """Whether :func:`sanitize_text` would leave ``s`` as it is (no control, format,
    line-separator or surrogate character but newline and tab): a quick test, mostly in C."""
    return _nothing_to_do(s)


def _has_c1_introducer(s: str) -> bool:
    return any(c in s for c in "\x9b\x9d\x90\x9f\x9e\x98")


_WHITESPACE_RUN = re.compile(r"\s+")


def sanitize_line(s: str) -> str:
    """Make a one-line label terminal-safe: newlines and tabs become spaces,
    whitespace runs collapse to one space, ends are stripped."""
    return _WHITESPACE_RUN.sub(" ", sanitize_text(s)).strip()
