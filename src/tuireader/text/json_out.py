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
from collections.abc import Iterable, Iterator

from tuireader.text.sanitize import UNSAFE_CHARS, is_clean


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


def json_lines(objs: Iterable[object], batch: int = 1000) -> Iterator[str]:
    """Many JSON values, one per line, as a few large strings (``batch`` lines each,
    every line ending in ``\n``): the same text as :func:`json_line` for each, with the
    escaping done once per batch instead of once per value."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines: list[str] = []
    for obj in objs:
        lines.append(encode(obj))
        if len(lines) >= batch:
            yield _escaped_block(lines)
            lines = []
    if lines:
        yield _escaped_block(lines)


def _escaped_block(lines: list[str]) -> str:
    # json escapes C0 in strings itself, so the only raw newlines and tabs are ours (and
    # _escape keeps them): a block that is_clean has nothing to escape. The regex scan
    # costs ten times the quick test, and most blocks pass it.
    block = "\n".join(lines) + "\n"
    return block if is_clean(block) else UNSAFE_CHARS.sub(_escape, block)
