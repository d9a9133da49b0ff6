"""The one JSON writer: every JSON tuireader prints or saves is made here.

``json.dumps(ensure_ascii=False)`` keeps Chinese readable but leaves characters raw that a
terminal acts on or that disguise text: C1 controls (``\\x9b`` is an 8-bit CSI), DEL, bidi
overrides, zero-width and other format characters, line separators and lone surrogates
(an undecodable byte of a file name). Each of those is written as a ``\\uXXXX`` escape
instead (:data:`~tuireader.text.sanitize.UNSAFE_CHARS`), so the text stays exact for a
program reading the JSON while the bytes are safe on any terminal. C0 controls are
escaped by ``json`` itself.
"""

from __future__ import annotations

import json
import re

from tuireader.text.sanitize import UNSAFE_CHARS


def _escape(match: re.Match[str]) -> str:
    """``\\uXXXX`` for one character (a surrogate pair beyond the BMP)."""
    code = ord(match.group())
    if code < 0x20:  # json escapes C0 in strings itself: a raw one is indent whitespace
        return match.group()
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(obj: object, *, indent: int | None = None) -> str:
    """``obj`` as JSON text, UTF-8 friendly, with every terminal-unsafe character escaped."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return UNSAFE_CHARS.sub(_escape, text)


def json_line(obj: object) -> str:
    """One JSON value on one line (for ``--json`` output: one object per line)."""
    return dumps(obj)
