"""Dates for people: ``2024-02-08T19:05`` shows as ``2024-02-08 19:05``.

Articles carry ISO dates (a day, or a day and a time). The reader's metadata line and
the article list's date column show the day with the configured ``date_format``
(``settings.date_format``, strftime codes) and the time, when there is one, as ``HH:MM``.
Anything that is not an ISO date is shown as it is. The format is set once, when the
library screen starts (:func:`use_format`).
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from tuireader.text.sanitize import sanitize_line

DEFAULT_FORMAT = "%Y-%m-%d"
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTH = re.compile(r"\d{4}-\d{2}")  # a month alone, as articles often date themselves
_format = DEFAULT_FORMAT


def use_format(date_format: str) -> None:
    """Show days with these strftime codes from now on."""
    global _format
    _format = date_format or DEFAULT_FORMAT
    show_date.cache_clear()


@lru_cache(maxsize=4096)  # the list draws the same few dates on every frame
def show_date(value: str | None, with_time: bool = True, short: bool = False) -> str:
    """An ISO date (and time) as people read it; other text unchanged; None → "".

    ``short``: the year in two digits (``24-10-15``), for a narrow list.
    """
    if not value:
        return ""
    found = _ISO.fullmatch(value.strip())
    if found is None:
        alone = _MONTH.fullmatch(value.strip()) if short else None
        return alone.group()[2:] if alone is not None else value  # 2001-06 → 01-06
    year, month, day, hour, minute = found.groups()
    try:
        # Cleaned although the config refuses controls in date_format: strftime output
        # goes straight to the screen.
        day_format = _format.replace("%Y", "%y") if short else _format
        day_text = sanitize_line(
            datetime.date(int(year), int(month), int(day)).strftime(day_format)
        )
    except ValueError:  # not a real day (2024-02-30): show what the file says
        return value
    if with_time and hour is not None:
        return f"{day_text} {hour}:{minute}"
    return day_text
