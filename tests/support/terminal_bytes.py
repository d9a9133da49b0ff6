"""What may not reach a terminal from untrusted text, to search recorded output for.

Shared by the CLI tests (pipes and real ptys): escape sequences (any ESC), C1 controls
whether UTF-8 encoded or raw 8-bit bytes, a carriage return that is not the pty's own
line ending, other C0 controls, DEL, bidi overrides and isolates, line separators, and
the payloads of the hostile cases.
"""

from __future__ import annotations

import re

from hostile_cases import HYPERLINK_URL, OSC52_PAYLOAD, TITLE_CHANGE_TEXT

#: Patterns by name, searched in the output decoded as UTF-8 with surrogateescape (so a
#: raw byte 0x9b shows as U+DC9B). A pty turns "\n" into "\r\n": only a CR before
#: something else counts.
PATTERNS: dict[str, re.Pattern[str]] = {
    "ESC": re.compile("\x1b"),
    "lone CR": re.compile("\r(?!\n)"),
    "other C0 or DEL": re.compile("[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]"),
    "C1 control": re.compile("[\x80-\x9f]"),
    "raw 8-bit C1 byte": re.compile("[\udc80-\udc9f]"),
    "bidi control": re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
    "line separator": re.compile("[\u2028\u2029]"),
    "clipboard payload": re.compile(re.escape(OSC52_PAYLOAD)),
    "title text": re.compile(re.escape(TITLE_CHANGE_TEXT)),
    "hyperlink target": re.compile(re.escape(HYPERLINK_URL)),
}


def forbidden_in(data: bytes | str, *, allow: tuple[str, ...] = ()) -> list[str]:
    """Names of every forbidden pattern found in ``data`` (minus the ``allow``ed ones)."""
    text = data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")
    return [
        name for name, pattern in PATTERNS.items() if name not in allow and pattern.search(text)
    ]
