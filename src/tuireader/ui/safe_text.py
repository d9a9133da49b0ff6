"""Make any string safe for one line of a widget: no escapes, no controls, no bidi tricks.

Article fields are sanitized when the Article is built; this is the second line of
defence at display points for text that did not come through the model (file names,
section folder names, error messages). The cleaning itself is the core's
(:mod:`tuireader.text.sanitize`); this module only adapts it for widgets.
"""

from __future__ import annotations

from rich.text import Text

from tuireader.text.sanitize import sanitize_text

# sanitize_text keeps these two; on one line they become spaces.
_LINE_BREAKS = str.maketrans("\n\t", "  ")


def one_line(value: object) -> str:
    """Return ``value`` as a single printable line: escapes removed, controls visible.

    Unlike the core's ``sanitize_line`` it keeps spaces as they are (no collapsing, no
    strip): callers clean snippet pieces around a search hit and note lines separately,
    and their spacing must survive the join.
    """
    return sanitize_text(str(value)).translate(_LINE_BREAKS)


def plain(value: object, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` as plain text (never parsed as markup)."""
    return Text(one_line(value), style=style, no_wrap=True, end="")
