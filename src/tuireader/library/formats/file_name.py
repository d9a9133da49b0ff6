"""Facts a file name gives when the file itself does not: the date in ``2022-11-01-slug``."""

from __future__ import annotations

import re

from tuireader.text.dates import parse_compact_date, parse_date

_STEM_DATE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?!\d)")
_STEM_COMPACT = re.compile(r"^\d{8}(?!\d)")


def date_from_stem(stem: str) -> str | None:
    """The date a file name starts with (``2022-11-01-slug``, ``20221101``), as ISO."""
    match = _STEM_DATE.match(stem)
    if match:
        return parse_date(match.group(1))
    if _STEM_COMPACT.match(stem):
        return parse_compact_date(stem)
    return None
