"""Make any string safe for one line of a widget: no escapes, no controls, no bidi tricks.

Article fields are sanitized when the Article is built; this is the second line of
defence at display points for text that did not come through the model (file names,
section folder names, error messages).
"""

from __future__ import annotations

import re
import unicodedata

from rich.text import Text

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"  # OSC, DCS, SOS, PM, APC up to their end
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x9c]*(?:\x07|\x9c|$)"  # 8-bit string commands
    r"|\x9b[0-?]*[ -/]*[@-~]",  # 8-bit CSI
    re.DOTALL,
)
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ and ZWJ shape some scripts and emoji


def one_line(value: object) -> str:
    """Return ``value`` as a single printable line: escapes removed, controls visible."""
    text = _ESCAPE_SEQUENCE.sub("", str(value))
    out: list[str] = []
    for char in text:
        if char in "\n\t\r":
            out.append(" ")
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            out.append("\ufffd")
        elif category in ("Cf", "Cs") and char not in _KEEP_FORMAT:
            continue
        else:
            out.append(char)
    return "".join(out)


def plain(value: object, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` as plain text (never parsed as markup)."""
    return Text(one_line(value), style=style, no_wrap=True, end="")
