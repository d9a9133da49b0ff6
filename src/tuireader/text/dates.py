"""Find dates in free text and return them as ISO 8601 strings.

Scraped pages write dates many ways: ``2022年11月1日 10:02``, ``2022-11-01 10:02:33``,
``2022/11/01``, ``2022.11.01``, ``2022-11-01T10:02:00+08:00``, ``1 November 2022``,
``Nov 1, 2022``. Every form comes back as ``2022-11-01T10:02`` (seconds only when they are
not zero) or ``2022-11-01`` when there is no time. A time zone is dropped and the local
wall time kept, because readers care about the date printed on the page.

Impossible dates (``2022-02-30``) are skipped, never raised. The patterns avoid nested
quantifiers so a 10 MB line is scanned in linear time.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {name: n for n, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun"), 1)}
_MONTHS |= {name: n for n, name in enumerate(("jul", "aug", "sep", "oct", "nov", "dec"), 7)}
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A clock time after a date; the group names carry a per-form prefix.
_CLOCK = r"(?P<{p}h>\d{{1,2}})[:：](?P<{p}mi>\d{{2}})(?:[:：](?P<{p}s>\d{{2}})(?:\.\d{{1,6}})?)?"
_CJK_CLOCK = (
    r"(?P<{p}ap>上午|下午|晚上|凌晨|中午)?\s{{0,3}}(?P<{p}h>\d{{1,2}})\s{{0,2}}[:：时點点]\s{{0,2}}"
    r"(?P<{p}mi>\d{{1,2}})(?:\s{{0,2}}[:：分]\s{{0,2}}(?P<{p}s>\d{{1,2}})(?![\d:])\s{{0,2}}秒?"
    r"|\s{{0,2}}分)?"
)
_EN_CLOCK = _CLOCK + r"(?:\s{{0,2}}(?P<{p}ap>[ap]\.?m\.?)(?![a-z]))?"

_CJK_DATE = (
    r"(?<!\d)(?P<cy>\d{4})\s{0,2}年\s{0,2}(?P<cm>\d{1,2})\s{0,2}月\s{0,2}(?P<cd>\d{1,2})"
    r"(?!\d)\s{0,2}[日号]?(?:,?\s{0,3}(?:" + _CJK_CLOCK.format(p="c") + r"))?"
)
_NUM_DATE = (
    r"(?<!\d)(?P<ny>\d{4})(?P<sep>[-/.])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d.])"
    r"(?:(?:T|\s{1,3})" + _CLOCK.format(p="n") + r"(?:Z|[+-]\d{2}:?\d{2})?(?![\d:]))?"
)
_DAY_MONTH = (
    r"(?<![0-9A-Za-z])(?P<dd>\d{1,2})(?:st|nd|rd|th)?\s{1,3}(?P<dm>" + _MONTH_WORD + r")\.?,?"
    r"\s{1,3}(?P<dy>\d{4})(?!\d)(?:,?\s{1,3}(?:at\s{1,3})?" + _EN_CLOCK.format(p="d") + r")?"
)
_MONTH_DAY = (
    r"(?<![a-z])(?P<mm>" + _MONTH_WORD + r")\.?\s{1,3}(?P<md>\d{1,2})(?:st|nd|rd|th)?"
    r",?\s{1,3}(?P<my>\d{4})(?!\d)(?:,?\s{1,3}(?:at\s{1,3})?" + _EN_CLOCK.format(p="m") + r")?"
)
# Month/day/year with slashes (old ASP pages: ``7/5/2005 9:23:57 PM``). Day/month pages
# exist too, so both numbers at most 12 count only with an am/pm clock (the US way);
# otherwise the number over 12 tells which is the day.
_SLASH_DATE = (
    r"(?<![\d/])(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4})(?![\d/])"
    r"(?:\s{1,3}" + _EN_CLOCK.format(p="s") + r")?"
)
# Old archives spell dates in Chinese numerals: 一九九八年八月二十一日.
_HAN_DIGITS = "〇零○一二三四五六七八九"
_HAN_DATE = (
    rf"(?P<hy>[{_HAN_DIGITS}]{{4}})\s{{0,2}}年\s{{0,2}}(?P<hm>[一二三四五六七八九十]{{1,3}})"
    r"\s{0,2}月\s{0,2}(?P<hd>[一二三四五六七八九十]{1,3})\s{0,2}[日号]"
)
_HAN_VALUE = {"〇": 0, "零": 0, "○": 0} | {ch: i for i, ch in enumerate("一二三四五六七八九", 1)}
# Digits of a month or day number (十 is handled apart: 十二, 二十一).
_HAN_DIGIT = {"0": 0} | {ch: i for i, ch in enumerate("一二三四五六七八九", 1)}
# Every form starts with a digit, a month's initial or a Chinese numeral; testing that
# first lets the scanner skip ordinary text quickly (10 MB of Chinese: 5 s -> 0.1 s), and
# no form starts right after a digit, which skips long digit runs.
_FORMS = (_CJK_DATE, _NUM_DATE, _DAY_MONTH, _MONTH_DAY, _SLASH_DATE, _HAN_DATE)
_ANY_DATE = re.compile(
    f"(?=[0-9{_HAN_DIGITS}JFMASONDjfmasond])(?<![0-9])(?:"
    + "|".join(f"(?:{f})" for f in _FORMS)
    + ")",
    re.IGNORECASE,
)
_COMPACT_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"
    r"(?:[T_\- ]?(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?)?(?!\d)"
)

# Years outside this window are far more often phone or document numbers than dates.
_MIN_YEAR, _MAX_YEAR = 1800, 2199
_PM_WORDS = ("下午", "晚上")


def parse_date(s: str) -> str | None:
    """Return the first valid date in ``s`` as ISO 8601, or None if there is none."""
    found = find_date(s)
    return found[0] if found else None


def find_date(s: str) -> tuple[str, int, int] | None:
    """Find the first valid date in ``s``: (iso, start, end) of the matched text, or None.

    Callers use the span to cut the date out of a header line. When a time that follows
    the date is impossible (25:99) the date alone is returned and the span covers it only.
    """
    for match in _ANY_DATE.finditer(s):
        found = _from_match(match)
        if found:
            return found
    return None


def parse_compact_date(s: str) -> str | None:
    """Return the first ``YYYYMMDD`` date (optionally ``_HHMM[SS]``) in ``s`` as ISO 8601.

    Kept apart from :func:`parse_date` because an 8-digit run is as often an id as a date;
    call it only where a compact date is expected, such as a file name.
    """
    for match in _COMPACT_DATE.finditer(s):
        iso = _build(match["y"], match["m"], match["d"], match["h"], match["mi"], match["s"])
        if iso:
            return iso
    return None


_LABEL_MONTH = re.compile(
    r"^\s*(?P<y>(?:19|20)\d{2})\s*(?:[-./年]\s*(?P<m>\d{1,2})\s*月?|(?P<mm>\d{2}))"
    r"(?:\s*(?:第|[(（]|$).*)?$"
)


def parse_labelled_date(s: str) -> str | None:
    """A date where a label says one stands (``【日期】``, ``原刊期号：``), as ISO 8601.

    Besides every form :func:`parse_date` knows, the compact forms archives use:
    ``19960323`` is a day, ``199903``, ``1996.01`` and ``1999年3月`` a month (``1999-03``,
    month precision), and ``199521`` the year of issue 21 (a weekly's issue number is no
    month). Only for values a label marks as dates: elsewhere a digit run is as often an
    id.
    """
    found = parse_date(s) or parse_compact_date(s.strip()[:8] if s.strip()[:8].isdigit() else "")
    if found:
        return found
    month = _LABEL_MONTH.match(s)
    if month is None:
        return None
    number = int(month["m"] or month["mm"])
    if 1 <= number <= 12:
        return f"{month['y']}-{number:02d}"
    return month["y"] if month["mm"] and number else None  # an issue: its year


_CTIME = re.compile(
    r"(?<![A-Za-z])(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s{1,3}(?P<m>" + _MONTH_WORD + r")\.?"
    r"\s{1,3}(?P<d>\d{1,2})\s{1,3}" + _CLOCK.format(p="") + r"\s{1,3}(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)


def parse_ctime(s: str) -> str | None:
    """The first C-library time stamp in ``s`` (``Thu Apr 30 12:33:54 1998``), as ISO 8601.

    The form mail and bulletin-board headers print (weekday, month, day, clock, year).
    Kept apart from :func:`parse_date`, whose forms all put the year next to the day.
    """
    match = _CTIME.search(s)
    if match is None:
        return None
    return _build(match["y"], _month_number(match["m"]), match["d"], match["h"], match["mi"],
                  match["s"])  # fmt: skip


def date_to_iso(value: object) -> str | None:
    """Turn a ``datetime``, ``date`` or date string (as YAML front matter gives) into ISO."""
    if isinstance(value, dt.datetime):
        return _format(value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return parse_date(value)
    return None


def _from_match(match: re.Match[str]) -> tuple[str, int, int] | None:
    """Validate one regex match; return (iso, start, end) or None when impossible."""
    for prefix, year, month, day in (("c", "cy", "cm", "cd"), ("n", "ny", "nm", "nd")):
        if match[year]:
            return _with_span(match, prefix, match[year], match[month], match[day])
    if match["dy"]:
        return _with_span(match, "d", match["dy"], _month_number(match["dm"]), match["dd"])
    if match["my"]:
        return _with_span(match, "m", match["my"], _month_number(match["mm"]), match["md"])
    if match["sy"]:
        month, day = _slash_order(match["sa"], match["sb"], match["sap"])
        return _with_span(match, "s", match["sy"], month, day) if month else None
    year = "".join(str(_HAN_VALUE[ch]) for ch in match["hy"])
    iso = _build(year, _han_number(match["hm"]), _han_number(match["hd"]), None, None, None)
    return (iso, match.start(), match.end()) if iso else None


def _slash_order(first: str, second: str, clock_marker: str | None) -> tuple[str, str]:
    """(month, day) of ``first/second/year``; ("", "") when it cannot be told."""
    if int(first) > 12 >= int(second):
        return second, first
    if int(second) > 12 >= int(first) or clock_marker:
        return first, second
    return "", ""


def _han_number(text: str) -> str:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21 (as text); 0 for anything else (十十, 二三)."""
    tens, ten, ones = text.partition("十")
    if not ten:
        tens, ones = "0", text
    elif not tens:
        tens = "一"
    if tens not in _HAN_DIGIT or (ones and ones not in _HAN_DIGIT):
        return "0"
    return str(_HAN_DIGIT[tens] * 10 + _HAN_DIGIT.get(ones, 0))


def _with_span(
    match: re.Match[str], prefix: str, year: str, month: str, day: str
) -> tuple[str, int, int] | None:
    """Build the ISO string for one form; fall back to the date alone if the time is bad."""
    hour, minute, second = match[prefix + "h"], match[prefix + "mi"], match[prefix + "s"]
    hour = _twelve_hour(hour, match.groupdict().get(prefix + "ap"))
    iso = _build(year, month, day, hour, minute, second)
    if iso:
        return iso, match.start(), match.end()
    date_only = _build(year, month, day, None, None, None)
    if not date_only:
        return None
    return date_only, match.start(), match.start() + _date_length(match, prefix)


def _date_length(match: re.Match[str], prefix: str) -> int:
    """Length of the date part of a match whose time part was rejected."""
    starts = [match.start(prefix + g) for g in ("ap", "h") if match.groupdict().get(prefix + g)]
    date_part = match[0][: min(starts) - match.start()] if starts else match[0]
    return len(date_part.rstrip(" \t,，"))


def _twelve_hour(hour: str | None, marker: str | None) -> str | None:
    """Convert an hour written with am/pm or 上午/下午 to 24-hour form."""
    if hour is None or not marker:
        return hour
    value = int(hour)
    is_pm = marker.lower().startswith("p") or marker in _PM_WORDS
    if is_pm and value < 12:
        value += 12
    elif marker.lower().startswith("a") and value == 12:
        value = 0
    return str(value)


def _month_number(word: str) -> str:
    """Month number (as text) for an English month name or abbreviation."""
    return str(_MONTHS[word[:3].lower()])


def _build(
    year: str,
    month: str,
    day: str,
    hour: str | None,
    minute: str | None,
    second: str | None,
) -> str | None:
    """Validate the parts and format them; None when the date or time is impossible."""
    try:
        y = int(year)
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            return None
        if hour is None or minute is None:
            return dt.date(y, int(month), int(day)).isoformat()
        moment = dt.datetime(y, int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    return _format(moment)


def _format(moment: dt.datetime) -> str:
    """ISO text with minute precision, seconds only when not zero."""
    spec = "%Y-%m-%dT%H:%M:%S" if moment.second else "%Y-%m-%dT%H:%M"
    return moment.strftime(spec)
